using System.Diagnostics;
using System.Text;
using PortalGuard.Install;

namespace PortalGuard.IntegrationTests;

/// <summary>Runs the real <c>portalguard</c> executable built beside the tests, with its own data folder, and captures every byte it writes.</summary>
internal sealed class PortalGuardProcess : IDisposable
{
    public const string ChromiumOrigin = "chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh/";

    /// <summary>A guard against a hung host, not a performance assertion: a healthy run takes well under a second.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    public PortalGuardProcess() => Directory.CreateDirectory(DataDirectory);

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "pg-it-" + Guid.NewGuid().ToString("N")[..12]);

    public string DatabasePath => Path.Combine(DataDirectory, "portalguard.db");

    /// <summary>The machine policy file this process reads (PORTALGUARD_POLICY_FILE); absent until a test writes it.</summary>
    public string PolicyPath => Path.Combine(DataDirectory, "policy.json");

    /// <summary>Writes the machine policy file, writable by its owner only as the host requires (whatever this process's umask).</summary>
    public void WritePolicy(string json)
    {
        File.WriteAllText(PolicyPath, json);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(PolicyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    /// <summary>Writes the Firefox host manifest the installer would write, pointing to this executable, and returns its path.</summary>
    public string InstallFirefoxManifest() =>
        HostManifestInstaller.Install(HostManifest.ForFirefox(ExecutablePath), Path.Combine(DataDirectory, "native-messaging-hosts")).ManifestPath;

    public static string ExecutablePath => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "portalguard.exe" : "portalguard");

    public async Task<ProcessResult> RunAsync(IReadOnlyList<string> args, byte[]? stdin = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = StartInfo(args, environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("portalguard did not start");
        using var hang = new CancellationTokenSource(HangLimit);
        var stdout = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout, hang.Token);
        var readErr = process.StandardError.ReadToEndAsync(hang.Token);
        try
        {
            if (stdin is not null)
            {
                try
                {
                    await process.StandardInput.BaseStream.WriteAsync(stdin, hang.Token);
                    await process.StandardInput.BaseStream.FlushAsync(hang.Token);
                }
                catch (IOException)
                {
                    // The host may exit before reading everything (a refused caller, an oversized frame): that is the behaviour under test.
                }
            }

            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Closing flushes; the host may already have gone.
            }

            await process.WaitForExitAsync(hang.Token);
            await copyOut;
            return new ProcessResult(process.ExitCode, stdout.ToArray(), await readErr);
        }
        catch (OperationCanceledException ex)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"portalguard {string.Join(' ', args)} did not finish within {HangLimit.TotalSeconds} s", ex);
        }
    }

    /// <summary>Starts the host with every pipe redirected and left to the caller: for a test that talks to a live session, or kills it.</summary>
    public Process Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        Process.Start(StartInfo(args, environment)) ?? throw new InvalidOperationException("portalguard did not start");

    private ProcessStartInfo StartInfo(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = DataDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PORTALGUARD_DATA_DIR"] = DataDirectory;

        // Catalog portals are real public names: the host under test makes no DNS lookups or TLS connections of its own.
        start.Environment["PORTALGUARD_OFFLINE"] = "1";
        start.Environment.Remove("PORTALGUARD_ALLOWED_ORIGINS");

        // No test depends on this machine's own policy: by default it is a file that does not exist.
        start.Environment["PORTALGUARD_POLICY_FILE"] = PolicyPath;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>(StringComparer.Ordinal))
        {
            start.Environment[key] = value;
        }

        return start;
    }

    public Task<ProcessResult> RunCliAsync(params string[] args) => RunAsync(args);

    public Task<ProcessResult> RunSessionAsync(byte[] stdin, string caller = ChromiumOrigin) => RunAsync([caller], stdin);

    public string ReadLogs()
    {
        var logs = Path.Combine(DataDirectory, "logs");
        if (!Directory.Exists(logs))
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(logs))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleaning.
        }
    }
}
