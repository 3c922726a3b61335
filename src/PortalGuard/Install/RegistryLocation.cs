namespace PortalGuard.Install;

/// <summary>One registry key whose default value names a host manifest file.</summary>
/// <param name="KeyPath">Below the hive, e.g. <c>Software\Google\Chrome\NativeMessagingHosts\com.portalguard.host</c>.</param>
internal sealed record RegistryLocation(RegistryHiveName Hive, RegistryBitness View, string KeyPath)
{
    /// <summary>How the key looks in regedit from a 64-bit process: the 32-bit view shows under WOW6432Node.</summary>
    public string Display
    {
        get
        {
            var hive = Hive == RegistryHiveName.CurrentUser ? "HKCU" : "HKLM";
            const string software = "Software\\";
            var path = View == RegistryBitness.Bits32 && KeyPath.StartsWith(software, StringComparison.OrdinalIgnoreCase)
                ? "Software\\WOW6432Node\\" + KeyPath[software.Length..]
                : KeyPath;
            return $"{hive}\\{path}";
        }
    }

    public override string ToString() => Display;
}
