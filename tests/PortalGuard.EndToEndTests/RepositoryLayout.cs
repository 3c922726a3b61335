namespace PortalGuard.EndToEndTests;

/// <summary>Where the things under test are: the extension folder, the host executable, the artefacts folder.</summary>
internal static class RepositoryLayout
{
    /// <summary>Set to test another build of the host (a NativeAOT publish, an installed copy) instead of the one built here.</summary>
    public const string HostOverrideVariable = "PORTALGUARD_E2E_HOST";

    /// <summary>Set to test another build of the extension (an earlier commit's, to show a new test fails without the change).</summary>
    public const string ExtensionOverrideVariable = "PORTALGUARD_E2E_EXTENSION";

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string Root { get; } = FindRoot();

    public static string ExtensionFolder =>
        Environment.GetEnvironmentVariable(ExtensionOverrideVariable) is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.Combine(Root, "extension");

    /// <summary>The apphost the host project builds (framework-dependent), in the same configuration as these tests.</summary>
    public static string HostExecutable =>
        Environment.GetEnvironmentVariable(HostOverrideVariable) is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.Combine(Root, "src", "PortalGuard.Host", "bin", Configuration, "net10.0", OperatingSystem.IsWindows() ? "portalguard.exe" : "portalguard");

    /// <summary>Screenshots and other evidence: tests/PortalGuard.EndToEndTests/TestResults/artifacts.</summary>
    public static string ArtifactsFolder
    {
        get
        {
            var folder = Path.Combine(Root, "tests", "PortalGuard.EndToEndTests", "TestResults", "artifacts");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NativeHostPortalGuard.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("NativeHostPortalGuard.sln not found above " + AppContext.BaseDirectory);
    }
}
