namespace PortalGuard.Install;

/// <summary>Where one browser finds the host at one scope: the folder holding the manifest file, and on Windows the
/// registry keys that name that file (none elsewhere).</summary>
internal sealed record ManifestTarget(Browser Browser, InstallScope Scope, string Folder, IReadOnlyList<RegistryLocation> RegistryKeys)
{
    public string ManifestPath => Path.Combine(Folder, HostIdentity.HostName + ".json");
}
