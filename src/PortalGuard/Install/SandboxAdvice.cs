namespace PortalGuard.Install;

/// <summary>What works and what does not for a browser packaged as a Snap or Flatpak, said plainly with the fix.</summary>
internal static class SandboxAdvice
{
    public static DoctorCheck For(SandboxedBrowser sandboxed, string area)
    {
        ArgumentNullException.ThrowIfNull(sandboxed);
        var name = BrowserNames.Name(sandboxed.Browser);
        if (sandboxed.Kind == SandboxKind.Snap && sandboxed.Browser == Browser.Firefox)
        {
            return DoctorCheck.Warning(
                area,
                $"Firefox is installed as a Snap ({sandboxed.Evidence}). It reaches native hosts only through the desktop's "
                + "WebExtensions portal (xdg-desktop-portal, Ubuntu 22.04 and later): it reads ~/.mozilla/native-messaging-hosts "
                + "and asks you once to allow PortalGuard. Without the portal the extension reports the host as not found.",
                "answer 'Allow' when Firefox asks; if it never asks, install xdg-desktop-portal (and a desktop backend such as "
                + "xdg-desktop-portal-gnome), or use Firefox from Mozilla's .deb repository.");
        }

        if (sandboxed.Kind == SandboxKind.Snap)
        {
            return DoctorCheck.Failed(
                area,
                $"{name} is installed as a Snap ({sandboxed.Evidence}). Its confinement does not let it start programs outside "
                + "the snap, so the extension cannot reach PortalGuard from it (the browser reports 'Specified native messaging "
                + "host not found' or that the host exited). If you also have a non-Snap copy, use that one.",
                $"install {name} from a .deb or your distribution's package instead of the snap (or use Google Chrome's .deb), "
                + "then run: portalguard install --browser " + (sandboxed.Browser == Browser.Chromium ? "chrome" : name));
        }

        return DoctorCheck.Failed(
            area,
            $"{name} is installed as a Flatpak ({sandboxed.PackageName}, {sandboxed.Evidence}). Its sandbox cannot start "
            + "programs on the host and does not read ~/.config or /etc, so native messaging does not work out of the box.",
            $"use {name} from your distribution's package; or, knowingly weakening the sandbox: flatpak override --user "
            + $"--talk-name=org.freedesktop.Flatpak {sandboxed.PackageName}, put a wrapper script that runs "
            + "'flatpak-spawn --host /path/to/portalguard \"$@\"' in ~/.var/app, and install with --path pointing at it and "
            + $"--user-data-dir ~/.var/app/{sandboxed.PackageName}/config/{(sandboxed.Browser == Browser.Firefox ? "../.mozilla" : ManifestLocations.LinuxConfigFolder(sandboxed.Browser))}");
    }
}
