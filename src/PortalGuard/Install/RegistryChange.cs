namespace PortalGuard.Install;

/// <summary>What installing or uninstalling did to one registry key (the same words as for the manifest file).</summary>
internal sealed record RegistryChange(RegistryLocation Location, HostManifestChange Change);
