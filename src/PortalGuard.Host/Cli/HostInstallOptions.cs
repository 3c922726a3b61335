using PortalGuard.Install;

namespace PortalGuard.Host.Cli;

/// <summary>The options <c>portalguard install</c> and <c>uninstall</c> share, parsed from the words after the verb.</summary>
/// <param name="UserDataDir">An explicit browser profile folder; null means the browser's default profile.</param>
/// <param name="ExecutablePath">Given with <c>--path</c>; null means the running executable (install only).</param>
internal sealed record HostInstallOptions(ChromiumBrowser Browser, string? UserDataDir, string? ExecutablePath, bool Force, bool Help)
{
    public const string BrowserNames = "chromium, chrome, edge or brave";

    /// <summary>Parses the arguments. On a usage error returns null and sets <paramref name="error"/> to one line.</summary>
    /// <param name="acceptsPath">Whether <c>--path</c> is allowed (install yes, uninstall no).</param>
    public static HostInstallOptions? Parse(IReadOnlyList<string> args, bool acceptsPath, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ChromiumBrowser? browser = null;
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
                return new HostInstallOptions(ChromiumBrowser.Chromium, null, null, Force: false, Help: true);
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
                    browser = ParseBrowser(value);
                    if (browser is null)
                    {
                        error = $"unknown browser '{value}': use {BrowserNames}";
                        return null;
                    }

                    break;
                case "--user-data-dir":
                    userDataDir = Path.GetFullPath(value);
                    break;
                case "--scope":
                    if (value != "user")
                    {
                        error = $"--scope {value} is not supported yet: only --scope user";
                        return null;
                    }

                    break;
                default:
                    executablePath = Path.GetFullPath(value);
                    break;
            }
        }

        // With an explicit profile folder the browser makes no difference to where the manifest goes.
        if (browser is null && userDataDir is not null)
        {
            browser = ChromiumBrowser.Chromium;
        }

        if (browser is null)
        {
            error = $"--browser is required without --user-data-dir: {BrowserNames}";
            return null;
        }

        error = null;
        return new HostInstallOptions(browser.Value, userDataDir, executablePath, force, Help: false);
    }

    /// <summary>The folder the manifest goes into for these options.</summary>
    public string ManifestFolder(Func<string, string?> getEnvironmentVariable) =>
        UserDataDir is null
            ? ChromiumManifestFolders.ForDefaultProfile(Browser, getEnvironmentVariable)
            : ChromiumManifestFolders.ForUserDataDir(UserDataDir);

    public static string Usage(string verb, bool acceptsPath) =>
        $"usage: portalguard {verb} --browser chromium|chrome|edge|brave | --user-data-dir DIR [--scope user]"
        + (acceptsPath ? " [--path EXE]" : string.Empty) + " [--force]";

    private static (string Name, string? Value) Split(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 2
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    private static ChromiumBrowser? ParseBrowser(string value) => value.ToLowerInvariant() switch
    {
        "chromium" => ChromiumBrowser.Chromium,
        "chrome" or "google-chrome" => ChromiumBrowser.Chrome,
        "edge" or "microsoft-edge" => ChromiumBrowser.Edge,
        "brave" => ChromiumBrowser.Brave,
        _ => null,
    };
}
