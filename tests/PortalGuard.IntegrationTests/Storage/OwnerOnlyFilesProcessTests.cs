using System.Diagnostics;
using System.Text.Json;

namespace PortalGuard.IntegrationTests.Storage;

/// <summary>The real executable, started under a permissive umask as a login shell or a browser would start it, creates
/// its data folder (and any missing parent), database (with its -wal and -shm) and logs readable by their owner only.</summary>
public sealed class OwnerOnlyFilesProcessTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    private readonly TempFolder _root = new();

    /// <summary>Two levels below the test's own folder, none of them there yet: the host creates all three.</summary>
    private string DataDirectory => Path.Combine(_root.Path, "home", "share", "portalguard");

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("022")]
    [InlineData("000")]
    public async Task Cli_check_creates_its_folders_0700_and_the_database_0600_whatever_the_umask(string umask)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var host = StartUnderUmask(umask, "check", "mychart.ucsf.edu", "--json");
        using var hang = new CancellationTokenSource(HangLimit);
        host.StandardInput.Close();
        var stdout = host.StandardOutput.ReadToEndAsync(hang.Token);
        var stderr = host.StandardError.ReadToEndAsync(hang.Token);
        await host.WaitForExitAsync(hang.Token);

        Assert.True(host.ExitCode == 0, $"exit {host.ExitCode}: {await stdout} {await stderr}");
        var created = Created();
        Assert.Contains("home/share/portalguard/portalguard.db", created.Keys);
        AssertOwnerOnly(created);
    }

    [Theory]
    [InlineData("022")]
    [InlineData("000")]
    public async Task Native_messaging_session_creates_database_wal_shm_and_logs_owner_only_whatever_the_umask(string umask)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var host = StartUnderUmask(umask, PortalGuardProcess.ChromiumOrigin);
        using var hang = new CancellationTokenSource(HangLimit);
        var stderr = host.StandardError.ReadToEndAsync(hang.Token);
        var stdin = host.StandardInput.BaseStream;
        await stdin.WriteAsync(Frames.Concat(
            Frames.Of("""{"id":1,"type":"hello"}"""),
            Frames.Of("""{"id":2,"type":"reportEvent","event":"warningShown","origin":"https://mychart.ucsf.edu","level":"warn"}""")), hang.Token);
        await stdin.FlushAsync(hang.Token);
        for (var reply = 1; reply <= 2; reply++)
        {
            var frame = await Frames.ReadAsync(host.StandardOutput.BaseStream, hang.Token);
            Assert.NotNull(frame);
            using var json = JsonDocument.Parse(frame);
            Assert.Equal(reply, json.RootElement.GetProperty("id").GetInt32());
        }

        // While the session is open the write-ahead log and its index exist beside the database.
        var whileOpen = Created();
        Assert.Contains("home/share/portalguard/portalguard.db-wal", whileOpen.Keys);
        Assert.Contains("home/share/portalguard/portalguard.db-shm", whileOpen.Keys);
        Assert.Contains(whileOpen.Keys, path => path.StartsWith("home/share/portalguard/logs/portalguard-", StringComparison.Ordinal));
        AssertOwnerOnly(whileOpen);

        host.StandardInput.Close();
        await host.WaitForExitAsync(hang.Token);
        Assert.True(host.ExitCode == 0, $"exit {host.ExitCode}: {await stderr}");
        AssertOwnerOnly(Created());
    }

    /// <summary>Runs the executable through <c>sh -c 'umask …; exec …'</c>, so the umask is the one the host starts with.</summary>
    private Process StartUnderUmask(string umask, params string[] args)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root.Path,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"umask {umask}; exec \"$0\" \"$@\"");
        start.ArgumentList.Add(PortalGuardProcess.ExecutablePath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PORTALGUARD_DATA_DIR"] = DataDirectory;
        start.Environment["PORTALGUARD_OFFLINE"] = "1";
        start.Environment["PORTALGUARD_POLICY_FILE"] = Path.Combine(_root.Path, "no-policy.json");
        start.Environment.Remove("PORTALGUARD_ALLOWED_ORIGINS");
        return Process.Start(start) ?? throw new InvalidOperationException("sh did not start");
    }

    /// <summary>Everything under the test's folder (which the test made itself), by relative path, with its mode.</summary>
    private SortedDictionary<string, (bool IsFolder, UnixFileMode Mode)> Created()
    {
        var created = new SortedDictionary<string, (bool, UnixFileMode)>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(_root.Path).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            created[Path.GetRelativePath(_root.Path, entry.FullName)] = (entry is DirectoryInfo, entry.UnixFileMode);
        }

        return created;
    }

    private static void AssertOwnerOnly(SortedDictionary<string, (bool IsFolder, UnixFileMode Mode)> created)
    {
        var listing = string.Join(Environment.NewLine, created.Select(e => $"{Octal(e.Value.Mode)} {e.Key}"));
        Assert.Contains("home", created.Keys);
        Assert.All(created, entry => Assert.True(
            entry.Value.Mode == (entry.Value.IsFolder ? OwnerOnlyFolder : OwnerOnlyFile),
            $"{entry.Key} is {Octal(entry.Value.Mode)}; everything the host creates must be owner-only:{Environment.NewLine}{listing}"));
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
