namespace PortalGuard.Install;

/// <summary>A Snap or Flatpak copy of a browser found on this machine.</summary>
/// <param name="PackageName">The snap name (<c>chromium</c>) or Flatpak application id (<c>org.chromium.Chromium</c>).</param>
/// <param name="Evidence">The folder or file that gave it away.</param>
internal sealed record SandboxedBrowser(Browser Browser, SandboxKind Kind, string PackageName, string Evidence);
