using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>The real <c>portalguard</c> executable, driven the way a user drives it: <c>install</c>, <c>settings</c>, <c>audit</c>.</summary>
internal static class RealHost
{
    /// <summary>Installs the host for the session's Chromium profile with the real executable's <c>install</c> command.</summary>
    public static async Task InstallAsync(BrowserSession.Folders folders, ITestOutputHelper output)
    {
        var host = RepositoryLayout.HostExecutable;
        Assert.True(File.Exists(host), $"The host is not built: {host}");
        var install = await ProcessRunner.RunAsync(host, ["install", "--browser", "chromium", "--user-data-dir", folders.Profile], Environment(folders.Data));
        output.WriteLine($"portalguard install: {install}");
        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.True(File.Exists(Path.Combine(folders.Profile, "NativeMessagingHosts", "com.portalguard.host.json")));
    }

    /// <summary>Installs the host for Firefox with the real executable's <c>install --browser firefox</c>, which writes
    /// <c>$HOME/.mozilla/native-messaging-hosts/com.portalguard.host.json</c> (with <c>allowed_extensions</c>) under the
    /// session's HOME, the one Firefox is started with.</summary>
    public static async Task InstallForFirefoxAsync(BrowserSession.Folders folders, ITestOutputHelper output)
    {
        var host = RepositoryLayout.HostExecutable;
        Assert.True(File.Exists(host), $"The host is not built: {host}");
        var environment = Environment(folders.Data);
        environment["HOME"] = folders.Home;
        var install = await ProcessRunner.RunAsync(host, ["install", "--browser", "firefox"], environment);
        output.WriteLine($"portalguard install: {install}");
        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.True(File.Exists(Path.Combine(folders.Home, ".mozilla", "native-messaging-hosts", "com.portalguard.host.json")), install.ToString());
    }

    public static async Task SetSettingAsync(string dataDirectory, string name, string value)
    {
        var set = await ProcessRunner.RunAsync(RepositoryLayout.HostExecutable, ["settings", "set", name, value], Environment(dataDirectory));
        Assert.True(set.ExitCode == 0, set.ToString());
    }

    /// <summary>The audit trail as the host's own command line gives it (JSON), or null when it cannot.</summary>
    public static async Task<string?> ReadAuditAsync(string dataDirectory)
    {
        var audit = await ProcessRunner.RunAsync(RepositoryLayout.HostExecutable, ["audit", "--json"], Environment(dataDirectory));
        return audit.ExitCode == 0 ? audit.Stdout : null;
    }

    /// <summary>Reads the audit trail with the host's own command line until every given event code appears.</summary>
    public static async Task<string> WaitForAuditAsync(string dataDirectory, ITestOutputHelper output, params string[] eventCodes)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            var audit = await ProcessRunner.RunAsync(RepositoryLayout.HostExecutable, ["audit", "--json"], Environment(dataDirectory));
            last = audit.ToString();
            if (audit.ExitCode == 0 && eventCodes.All(code => audit.Stdout.Contains($"\"{code}\"", StringComparison.Ordinal)))
            {
                output.WriteLine($"portalguard audit --json: {audit.Stdout}");
                return audit.Stdout;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Not every one of {string.Join(", ", eventCodes)} is in the audit trail; last answer: {last}");
    }

    private static Dictionary<string, string> Environment(string dataDirectory) => new(StringComparer.Ordinal)
    {
        ["PORTALGUARD_DATA_DIR"] = dataDirectory,
    };
}
