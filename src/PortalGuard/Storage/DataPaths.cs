namespace PortalGuard.Storage;

/// <summary>Where PortalGuard keeps its database and logs, by the conventions of each operating system.</summary>
internal static class DataPaths
{
    /// <summary>Overrides the data folder on every system (tests, portable installs, fleet layouts).</summary>
    public const string DataDirectoryVariable = "PORTALGUARD_DATA_DIR";

    public const string DatabaseFileName = "portalguard.db";

    public const string LogDirectoryName = "logs";

    public static HostOperatingSystem CurrentOperatingSystem =>
        OperatingSystem.IsWindows() ? HostOperatingSystem.Windows
        : OperatingSystem.IsMacOS() ? HostOperatingSystem.MacOS
        : HostOperatingSystem.Linux;

    /// <summary>The data folder for this process: its environment, this operating system, this user's home.</summary>
    public static string DataDirectory() =>
        DataDirectory(
            Environment.GetEnvironmentVariable,
            CurrentOperatingSystem,
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The data folder as decided from the given facts; the seam that lets every system's rule be tested anywhere.</summary>
    /// <param name="environment">Reads an environment variable; null when unset.</param>
    /// <param name="operatingSystem">Whose conventions to follow.</param>
    /// <param name="homeDirectory">The user's home folder, used when no variable names a better place.</param>
    /// <exception cref="InvalidOperationException">Nothing says where the data should go (no home folder and no variable).</exception>
    public static string DataDirectory(Func<string, string?> environment, HostOperatingSystem operatingSystem, string? homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var overridden = environment(DataDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return overridden;
        }

        switch (operatingSystem)
        {
            case HostOperatingSystem.Windows:
                var localAppData = environment("LOCALAPPDATA");
                if (!string.IsNullOrWhiteSpace(localAppData))
                {
                    return Join(operatingSystem, localAppData, "PortalGuard");
                }

                return Join(operatingSystem, RequireHome(homeDirectory), "AppData", "Local", "PortalGuard");

            case HostOperatingSystem.MacOS:
                return Join(operatingSystem, RequireHome(homeDirectory), "Library", "Application Support", "PortalGuard");

            default:
                // The XDG base-directory specification says a relative XDG_DATA_HOME is invalid and must be ignored.
                var xdgDataHome = environment("XDG_DATA_HOME");
                if (!string.IsNullOrWhiteSpace(xdgDataHome) && xdgDataHome.StartsWith('/'))
                {
                    return Join(operatingSystem, xdgDataHome, "portalguard");
                }

                return Join(operatingSystem, RequireHome(homeDirectory), ".local", "share", "portalguard");
        }
    }

    /// <summary><c>&lt;dataDir&gt;/portalguard.db</c>.</summary>
    public static string DatabaseFile(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        return Path.Combine(dataDirectory, DatabaseFileName);
    }

    /// <summary><c>&lt;dataDir&gt;/logs</c>.</summary>
    public static string LogDirectory(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        return Path.Combine(dataDirectory, LogDirectoryName);
    }

    private static string RequireHome(string? homeDirectory) =>
        string.IsNullOrWhiteSpace(homeDirectory)
            ? throw new InvalidOperationException(
                $"PortalGuard cannot find this user's home folder to keep its data in. Set {DataDirectoryVariable} to a folder it may use.")
            : homeDirectory;

    // Joined with the target system's separator rather than Path.Combine, so the Windows rule gives a Windows path
    // even when it is evaluated (tested) on Linux.
    private static string Join(HostOperatingSystem operatingSystem, string root, params string[] parts)
    {
        var separator = operatingSystem == HostOperatingSystem.Windows ? '\\' : '/';
        var trimmed = operatingSystem == HostOperatingSystem.Windows ? root.TrimEnd('\\', '/') : root.TrimEnd('/');
        return trimmed + separator + string.Join(separator, parts);
    }
}
