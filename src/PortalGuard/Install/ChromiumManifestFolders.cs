namespace PortalGuard.Install;

/// <summary>Shortcuts to <see cref="ManifestLocations"/> for one Chromium profile on this machine (the end-to-end tests use them).</summary>
internal static class ChromiumManifestFolders
{
    public const string FolderName = ManifestLocations.ChromiumFolderName;

    /// <summary>The folder inside an explicit <c>--user-data-dir</c>. A browser started with one reads only this folder
    /// (and the system folder), never the default profile's.</summary>
    public static string ForUserDataDir(string userDataDir) => Path.Combine(Path.GetFullPath(userDataDir), FolderName);

    /// <summary>The user-scope folder for the browser's default profile on this system.</summary>
    /// <param name="getEnvironmentVariable">Reads the environment; tests pass their own.</param>
    public static string ForDefaultProfile(Browser browser, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var platform = InstallPlatform.FromEnvironment(getEnvironmentVariable);
        return ManifestLocations.Resolve(browser, InstallScope.User, userDataDir: null, platform).Folder;
    }
}
