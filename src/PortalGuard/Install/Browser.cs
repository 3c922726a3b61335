namespace PortalGuard.Install;

/// <summary>The browsers PortalGuard installs its host manifest for. All but <see cref="Firefox"/> are Chromium-family.</summary>
internal enum Browser
{
    Chromium,
    Chrome,
    Edge,
    Brave,
    Vivaldi,
    Firefox,
}
