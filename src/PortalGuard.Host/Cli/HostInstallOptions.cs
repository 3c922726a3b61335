using PortalGuard.Install;

namespace PortalGuard.Host.Cli;

/// <summary>The options <c>portalguard install</c> and <c>uninstall</c> share, parsed from the words after the verb.</summary>
/// <param name="Browser">The browser named with <c>--browser</c>; null with <c>--browser all</c>.</param>
/// <param name="UserDataDir">An explicit browser profile folder; null means the browser's default profile.</param>
/// <param name="ExecutablePath">Given with <c>--path</c>; null means the running executable (install only).</param>
internal sealed record HostInstallOptions(Browser? Browser, InstallScope Scope, string? UserDataDir, string? ExecutablePath, bool Force, bool Help)
{
    public const string BrowserNames = PortalGuard.Install.BrowserNames.Choices;

    public bool AllBrowsers => Browser is null;

    /// <summary>Parses the arguments. On a usage error returns null and sets <paramref name="error"/> to one line.</summary>
    /// <param name="acceptsPath">Whether <c>--path</c> is allowed (install yes, uninstall no).</param>
    public static HostInstallOptions? Parse(IReadOnlyList<string> args, bool acceptsPath, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        Browser? browser = null;
        var all = false;
        var scope = InstallScope.User;
        string? userDataDir = null;
        string? executablePath = null;
        var force = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            if (name is "-h" or "--help")
            {
                error = null;
                return new HostInstallOptions(null, InstallScope.User, null, null, Force: false, Help: true);
            }

            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unexpected argument '{args[i]}'";
                return null;
            }

            if (!seen.Add(name))
            {
                error = $"{name} is given twice";
                return null;
            }

            if (name == "--force")
            {
                if (inlineValue is not null)
                {
                    error = "--force takes no value";
                    return null;
                }

                force = true;
                continue;
            }

            if (name is not ("--browser" or "--user-data-dir" or "--scope") && !(acceptsPath && name == "--path"))
            {
                error = $"unknown option '{name}'";
                return null;
            }

            var value = inlineValue;
            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"{name} needs a value";
                    return null;
                }

                value = args[++i];
            }

            if (value.Length == 0)
            {
                error = $"{name} needs a value";
                return null;
            }

            switch (name)
            {
                case "--browser":
                    all = string.Equals(value, "all", StringComparison.OrdinalIgnoreCase);
                    browser = all ? null : PortalGuard.Install.BrowserNames.Parse(value);
                    if (!all && browser is null)
                    {
                        error = $"unknown browser '{value}': use {BrowserNames}";
                        return null;
                    }

                    break;
                case "--user-data-dir":
                    userDataDir = Path.GetFullPath(value);
                    break;
                case "--scope":
                    if (value is not ("user" or "system"))
                    {
                        error = $"unknown scope '{value}': use user or system";
                        return null;
                    }

                    scope = value == "user" ? InstallScope.User : InstallScope.System;
                    break;
                default:
                    executablePath = Path.GetFullPath(value);
                    break;
            }
        }

        // With an explicit profile folder the browser makes no difference to where the manifest goes.
        if (browser is null && !all && userDataDir is not null)
        {
            browser = PortalGuard.Install.Browser.Chromium;
        }

        if (browser is null && !all)
        {
            error = $"--browser is required without --user-data-dir: {BrowserNames}";
            return null;
        }

        if (all && userDataDir is not null)
        {
            error = "--user-data-dir names one browser's profile; use it with one --browser, not all";
            return null;
        }

        error = null;
        return new HostInstallOptions(browser, scope, userDataDir, executablePath, force, Help: false);
    }

    /// <summary>The browsers to act on: the one named, or with <c>all</c> every browser found on this machine.</summary>
    /// <param name="alsoInclude">Counts a browser that is not found too (uninstall: it still has a manifest to remove).</param>
    public IReadOnlyList<Browser> Browsers(InstallPlatform platform, Func<Browser, bool>? alsoInclude = null) =>
        Browser is { } one ? [one]
            : PortalGuard.Install.BrowserNames.All.Where(b => BrowserDetector.IsFound(b, platform) || (alsoInclude?.Invoke(b) ?? false)).ToList();

    public static string Usage(string verb, bool acceptsPath) =>
        $"usage: portalguard {verb} --browser chrome|chromium|edge|brave|vivaldi|firefox|all | --user-data-dir DIR [--scope user|system]"
        + (acceptsPath ? " [--path EXE]" : string.Empty) + " [--force]";

    private static (string Name, string? Value) Split(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 2
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }
}
