using System.Runtime.Versioning;
using Microsoft.Win32;

namespace PortalGuard.Install;

/// <summary>The real registry, on Windows only.</summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsRegistry : IRegistry
{
    public string? GetDefaultValue(RegistryLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        using var root = Open(location);
        using var key = root.OpenSubKey(location.KeyPath, writable: false);
        return key?.GetValue(name: null) as string;
    }

    public void SetDefaultValue(RegistryLocation location, string value)
    {
        ArgumentNullException.ThrowIfNull(location);
        using var root = Open(location);
        using var key = root.CreateSubKey(location.KeyPath, writable: true);
        key.SetValue(name: null, value, RegistryValueKind.String);
    }

    public bool DeleteKey(RegistryLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        using var root = Open(location);
        using (var existing = root.OpenSubKey(location.KeyPath, writable: false))
        {
            if (existing is null)
            {
                return false;
            }
        }

        root.DeleteSubKeyTree(location.KeyPath, throwOnMissingSubKey: false);
        return true;
    }

    private static RegistryKey Open(RegistryLocation location) =>
        RegistryKey.OpenBaseKey(
            location.Hive == RegistryHiveName.CurrentUser ? RegistryHive.CurrentUser : RegistryHive.LocalMachine,
            location.View switch
            {
                RegistryBitness.Bits32 => RegistryView.Registry32,
                RegistryBitness.Bits64 => RegistryView.Registry64,
                _ => RegistryView.Default,
            });
}
