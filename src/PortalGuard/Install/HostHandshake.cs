using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PortalGuard.Messaging;

namespace PortalGuard.Install;

/// <summary>Starts a host program the way a browser does and asks it <c>hello</c>: the one test that proves the
/// manifest, the executable and the host's own start-up all work together.</summary>
internal static class HostHandshake
{
    private static readonly byte[] Hello = Encoding.UTF8.GetBytes("""{"id":"doctor","type":"hello"}""");

    /// <summary>Launches <paramref name="program"/> with the arguments <paramref name="browser"/> would pass, in the
    /// program's folder, sends one framed hello and waits at most <paramref name="timeout"/> for the reply.</summary>
    /// <returns>Null when the host answered; otherwise why not, in one sentence.</returns>
    public static async Task<string?> FailureAsync(string program, Browser browser, string manifestPath, TimeSpan timeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(program) ?? Environment.CurrentDirectory,
        };
        if (browser == Browser.Firefox)
        {
            // Firefox passes the manifest's path, then the add-on id.
            start.ArgumentList.Add(manifestPath);
            start.ArgumentList.Add(AllowedCallers.FirefoxAddonId);
        }
        else
        {
            start.ArgumentList.Add(AllowedCallers.ChromiumOrigin);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process");
        }
        catch (Win32Exception exception)
        {
            return $"the browser could not start it either: {exception.Message}";
        }

        using (process)
        {
            using var deadline = new CancellationTokenSource(timeout, time);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            try
            {
                using var writer = new FrameWriter(process.StandardInput.BaseStream);
                await writer.WriteAsync(Hello, deadline.Token).ConfigureAwait(false);
                var frame = await new FrameReader(process.StandardOutput.BaseStream).ReadAsync(deadline.Token).ConfigureAwait(false);
                process.StandardInput.Close();
                if (frame.Status != FrameReadStatus.Frame)
                {
                    await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
                    return $"it exited with code {process.ExitCode} without answering{LastLine(await stderr.ConfigureAwait(false))}";
                }

                return ReplyProblem(frame.Payload);
            }
            catch (OperationCanceledException)
            {
                return $"it did not answer hello within {timeout.TotalSeconds:0} s";
            }
            catch (IOException exception)
            {
                // Most often the host died at once and the hello hit a closed pipe: say how it ended.
                if (process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    return $"it exited with code {process.ExitCode} without answering{LastLine(await stderr.ConfigureAwait(false))}";
                }

                return $"the pipe to it broke ({exception.Message})";
            }
            finally
            {
                Stop(process);
            }
        }
    }

    private static string? ReplyProblem(byte[] payload)
    {
        try
        {
            using var reply = JsonDocument.Parse(payload);
            var root = reply.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == MessageTypes.Hello)
            {
                return null;
            }

            var code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var c) ? c.GetString() : null;
            return $"it answered '{type ?? "?"}'{(code is null ? string.Empty : $" ({code})")} instead of hello";
        }
        catch (JsonException)
        {
            return "its reply was not JSON";
        }
    }

    private static string LastLine(string stderr)
    {
        var line = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return line is null ? string.Empty : $": {line}";
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
