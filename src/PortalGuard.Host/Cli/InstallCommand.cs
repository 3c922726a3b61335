using PortalGuard.Install;

namespace PortalGuard.Host.Cli;

/// <summary><c>portalguard install</c>: writes the host manifest where each chosen browser reads it (and, on Windows, the registry key).</summary>
internal static class InstallCommand
{
    /// <summary>Runs the command. <paramref name="args"/> are the words after <c>install</c>.</summary>
    /// <returns>0 when every manifest is in place, 1 when one could not be written (or no browser was found), 2 on a usage error.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, Environment.ProcessPath, InstallPlatform.Current(), CliOutput.SystemRegistry());

    /// <summary>The same, with the running executable and the environment given (tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? processPath, Func<string, string?> getEnvironmentVariable) =>
        Run(args, stdout, stderr, processPath, InstallPlatform.FromEnvironment(getEnvironmentVariable), CliOutput.SystemRegistry());

    /// <summary>The same, with every fact given: the system's rules, the system root and the registry (tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? processPath, InstallPlatform platform, IRegistry? registry)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(platform);
        var options = HostInstallOptions.Parse(args, acceptsPath: true, out var error);
        if (options is null)
        {
            stderr.WriteLine($"portalguard install: {error}");
            return 2;
        }

        if (options.Help)
        {
            stdout.WriteLine(HostInstallOptions.Usage("install", acceptsPath: true));
            return 0;
        }

        var executable = options.ExecutablePath ?? processPath;
        if (options.ExecutablePath is null && (executable is null || !HostManifestInstaller.IsOurProgram(executable)))
        {
            // Run through "dotnet portalguard.dll" the process is dotnet itself, which is not what a browser should start.
            stderr.WriteLine($"portalguard install: cannot tell where the portalguard executable is (running as '{executable ?? "unknown"}'); pass --path");
            return 2;
        }

        if (!File.Exists(executable))
        {
            stderr.WriteLine($"portalguard install: no such file: {executable}");
            return 2;
        }

        return ForEachBrowser("install", options, platform, stdout, stderr, browser =>
        {
            var target = ManifestLocations.Resolve(browser, options.Scope, options.UserDataDir, platform);
            var manifest = browser == Browser.Firefox ? HostManifest.ForFirefox(executable) : HostManifest.ForChromium(executable);
            CliOutput.WriteResult(stdout, new HostRegistrar(registry).Install(target, manifest, options.Force), executable);
            foreach (var sandboxed in BrowserDetector.Sandboxed(browser, platform))
            {
                stdout.WriteLine($"  note: {BrowserNames.Name(browser)} is also installed as a {sandboxed.Kind} ({sandboxed.Evidence}), which may not reach the host; run 'portalguard doctor'");
            }
        });
    }

    /// <summary>Runs <paramref name="action"/> for each chosen browser; one browser's failure is reported and the rest go on.</summary>
    internal static int ForEachBrowser(string verb, HostInstallOptions options, InstallPlatform platform, TextWriter stdout, TextWriter stderr, Action<Browser> action, Func<Browser, bool>? alsoInclude = null)
    {
        IReadOnlyList<Browser> browsers;
        try
        {
            browsers = options.Browsers(platform, alsoInclude);
        }
        catch (InvalidOperationException exception)
        {
            stderr.WriteLine($"portalguard {verb}: {exception.Message}");
            return 1;
        }

        if (browsers.Count == 0)
        {
            stderr.WriteLine($"portalguard {verb}: no browser found for this user (no profile folder of {BrowserNames.Choices.Replace(" or all", string.Empty, StringComparison.Ordinal)}); name one with --browser");
            return 1;
        }

        if (options.AllBrowsers)
        {
            stdout.WriteLine($"browsers found: {string.Join(", ", browsers.Select(BrowserNames.Name))}");
        }

        var exit = 0;
        foreach (var browser in browsers)
        {
            try
            {
                action(browser);
            }
            catch (Exception exception) when (CliOutput.IsExpectedFailure(exception))
            {
                stderr.WriteLine($"portalguard {verb}: {BrowserNames.Name(browser)}: {CliOutput.Explain(exception, options.Scope)}");
                exit = 1;
            }
        }

        return exit;
    }
}
