using PortalGuard.Install;

namespace PortalGuard.Host.Cli;

/// <summary><c>portalguard uninstall</c>: removes the host manifest (and registry key) <c>install</c> wrote, and nothing else.</summary>
internal static class UninstallCommand
{
    /// <summary>Runs the command. <paramref name="args"/> are the words after <c>uninstall</c>.</summary>
    /// <returns>0 when no PortalGuard manifest is left, 1 when one could not be removed, 2 on a usage error.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, InstallPlatform.Current(), CliOutput.SystemRegistry());

    /// <summary>The same, with the environment given (tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnvironmentVariable) =>
        Run(args, stdout, stderr, InstallPlatform.FromEnvironment(getEnvironmentVariable), CliOutput.SystemRegistry());

    /// <summary>The same, with every fact given (tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, InstallPlatform platform, IRegistry? registry)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(platform);
        var options = HostInstallOptions.Parse(args, acceptsPath: false, out var error);
        if (options is null)
        {
            stderr.WriteLine($"portalguard uninstall: {error}");
            return 2;
        }

        if (options.Help)
        {
            stdout.WriteLine(HostInstallOptions.Usage("uninstall", acceptsPath: false));
            return 0;
        }

        return InstallCommand.ForEachBrowser("uninstall", options, platform, stdout, stderr, browser =>
        {
            var target = ManifestLocations.Resolve(browser, options.Scope, options.UserDataDir, platform);
            CliOutput.WriteResult(stdout, new HostRegistrar(registry).Uninstall(target, options.Force), executable: null);
        }, alsoInclude: browser => HasManifest(browser, options.Scope, platform, registry));
    }

    // With --browser all, a browser whose profile is gone but whose manifest is still there is cleaned up too.
    private static bool HasManifest(Browser browser, InstallScope scope, InstallPlatform platform, IRegistry? registry)
    {
        var target = ManifestLocations.Resolve(browser, scope, userDataDir: null, platform);
        return File.Exists(target.ManifestPath) || (registry is not null && target.RegistryKeys.Any(k => registry.GetDefaultValue(k) is not null));
    }
}
