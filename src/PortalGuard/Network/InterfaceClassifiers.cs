namespace PortalGuard.Network;

/// <summary>Picks the classifier for the operating system the host runs on.</summary>
internal static class InterfaceClassifiers
{
    public static IInterfaceClassifier ForCurrentOs()
    {
        if (OperatingSystem.IsWindows())
        {
            return new WindowsInterfaceClassifier();
        }

        if (OperatingSystem.IsLinux())
        {
            return new LinuxInterfaceClassifier();
        }

        // macOS, and the BSDs, which name their tunnels the same way (utun, tun, tap, ppp, ipsec, wg).
        return new MacInterfaceClassifier();
    }
}
