namespace PortalGuard.Storage;

/// <summary>The operating system families whose folder conventions PortalGuard follows. Anything else Unix-like is treated as Linux.</summary>
internal enum HostOperatingSystem
{
    Linux,
    Windows,
    MacOS,
}
