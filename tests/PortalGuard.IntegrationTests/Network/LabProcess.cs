using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace PortalGuard.IntegrationTests.Network;

/// <summary>Runs the lab's commands (ip, wg, wireguard-go, the probe): each one started, awaited and, on timeout, ended by its own PID.</summary>
internal static class LabProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs a command to its end and returns its standard output; throws with its standard error when it fails.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, string? standardInput = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = new Process { StartInfo = StartInfo(file, arguments) };
        process.StartInfo.RedirectStandardInput = standardInput is not null;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>(StringComparer.Ordinal))
        {
            // A null value removes the variable: the command must not inherit it from the test run.
            if (value is null)
            {
                process.StartInfo.Environment.Remove(name);
            }
            else
            {
                process.StartInfo.Environment[name] = value;
            }
        }

        process.Start();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException ex)
        {
            process.Kill();
            throw new TimeoutException($"{Describe(file, arguments)} did not finish within {Timeout.TotalSeconds:0} s", ex);
        }

        if (process.ExitCode != 0)
        {
            var message = (await error).Trim();
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"{Describe(file, arguments)} exited with {process.ExitCode}: {message}"));
        }

        return await output;
    }

    /// <summary>Starts a long-running command whose output is read and dropped; the caller owns the process and must end it.</summary>
    public static Process StartDaemon(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var process = new Process { StartInfo = StartInfo(file, arguments) };
        foreach (var (name, value) in environment)
        {
            process.StartInfo.Environment[name] = value;
        }

        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Ends a process this lab started: SIGTERM by its PID (wireguard-go then removes its control socket), SIGKILL if it lingers.</summary>
    public static void Stop(Process process)
    {
        try
        {
            if (process.HasExited)
            {
                return;
            }

            try
            {
                using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
                kill?.WaitForExit(5_000);
            }
            catch (Win32Exception)
            {
                // No kill(1) here: SIGKILL below, and the lab deletes the control socket itself.
            }

            if (!process.WaitForExit(3_000))
            {
                process.Kill();
                process.WaitForExit(3_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>A tool's full path (ip and dnsmasq live in /usr/sbin, not always on a test runner's PATH), or its bare name when not found.</summary>
    public static string Tool(string name) => FindOnPath(name) ?? name;

    public static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin")
            .Append("/sbin")
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    private static ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return info;
    }

    private static string Describe(string file, IEnumerable<string> arguments) => $"`{file} {string.Join(' ', arguments)}`";
}
