namespace PortalGuard.Install;

/// <summary>The registry roots browsers read host registrations from.</summary>
internal enum RegistryHiveName
{
    /// <summary>HKCU: this user.</summary>
    CurrentUser,

    /// <summary>HKLM: every user; writing needs an administrator.</summary>
    LocalMachine,
}
