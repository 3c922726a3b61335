namespace PortalGuard.Install;

/// <summary>Everything one install or uninstall did for one browser at one scope: the manifest file, then (Windows) the registry keys.</summary>
internal sealed record HostRegistrationResult(ManifestTarget Target, HostManifestResult Manifest, IReadOnlyList<RegistryChange> RegistryChanges);
