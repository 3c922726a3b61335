namespace PortalGuard.Install;

/// <summary>The Chromium-family browsers whose per-user host-manifest folder PortalGuard knows.</summary>
internal enum ChromiumBrowser
{
    Chromium,
    Chrome,
    Edge,
    Brave,
}
