namespace PortalGuard.Install;

/// <summary>The outcome of installing or uninstalling one host manifest.</summary>
/// <param name="ManifestPath">The manifest file, whether or not it was touched.</param>
/// <param name="PathsTouched">Every folder created and every file written or deleted, in order; empty when nothing changed.</param>
internal sealed record HostManifestResult(string ManifestPath, HostManifestChange Change, IReadOnlyList<string> PathsTouched);
