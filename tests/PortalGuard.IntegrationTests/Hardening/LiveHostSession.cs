using System.Diagnostics;
using System.Text;

namespace PortalGuard.IntegrationTests.Hardening;

/// <summary>One running native-messaging host, talked to frame by frame while it runs: for tests that keep it busy, or kill it.</summary>
internal sealed class LiveHostSession : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private LiveHostSession(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    public Stream Input => _process.StandardInput.BaseStream;

    public Stream Output => _process.StandardOutput.BaseStream;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the host wrote to stderr (it should write nothing there).</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the host as Chromium would launch it for PortalGuard's own extension.</summary>
    public static LiveHostSession Start(PortalGuardProcess host) => new(host.Start([PortalGuardProcess.ChromiumOrigin]));

    /// <summary>The next whole frame, or null when stdout ends (a frame cut short by a kill counts as no frame).</summary>
    public Task<string?> ReadFrameAsync(CancellationToken cancellationToken) => Frames.ReadAsync(Output, cancellationToken);

    /// <summary>SIGKILL on Linux and macOS (TerminateProcess on Windows): the host gets no chance to finish anything.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }
    }

    /// <summary>Closes the host's stdin: the browser's way of ending a session.</summary>
    public void CloseInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The host has already gone.
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public void Dispose()
    {
        Kill();
        _process.WaitForExit();
        _process.Dispose();
    }
}
