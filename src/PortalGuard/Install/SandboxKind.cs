namespace PortalGuard.Install;

/// <summary>How a browser was packaged, when the package confines it.</summary>
internal enum SandboxKind
{
    Snap,
    Flatpak,
}
