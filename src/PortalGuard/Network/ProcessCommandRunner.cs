using System.ComponentModel;
using System.Diagnostics;

namespace PortalGuard.Network;

/// <summary>Runs a tool as a child process with the C locale, reads what it prints, and ends it (and only it) when it overruns.</summary>
internal sealed class ProcessCommandRunner : ICommandRunner
{
    public static ProcessCommandRunner Instance { get; } = new();

    public async Task<CommandResult> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo(file, arguments)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            },
        };

        // Field names and yes/no in English, whatever the user's language (nmcli translates them; netsh ignores this).
        process.StartInfo.Environment["LC_ALL"] = "C";
        process.StartInfo.Environment["LANG"] = "C";

        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            return new CommandResult(CommandStatus.NotFound, ExitCode: -1, string.Empty, string.Empty);
        }

        // stdin is the native-messaging channel in the host: the child must never read from it.
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            End(process);
            cancellationToken.ThrowIfCancellationRequested();
            return new CommandResult(CommandStatus.TimedOut, ExitCode: -1, string.Empty, string.Empty);
        }

        return new CommandResult(CommandStatus.Exited, process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    private static void End(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(1_000);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }
        catch (Win32Exception)
        {
            // It could not be ended (already exiting); nothing else to do.
        }
    }
}
