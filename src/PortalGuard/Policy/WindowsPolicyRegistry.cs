using System.Runtime.Versioning;
using Microsoft.Win32;

namespace PortalGuard.Policy;

/// <summary>The real policy key, where Group Policy and Intune write: <c>HKLM\Software\Policies\PortalGuard</c>.</summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsPolicyRegistry : IPolicyRegistry
{
    private const string SubKey = @"Software\Policies\PortalGuard";

    public string KeyName => @"HKLM\" + SubKey;

    public bool KeyExists()
    {
        using var key = Registry.LocalMachine.OpenSubKey(SubKey);
        return key is not null;
    }

    public object? GetValue(string name)
    {
        using var key = Registry.LocalMachine.OpenSubKey(SubKey);
        return key?.GetValue(name);
    }
}
