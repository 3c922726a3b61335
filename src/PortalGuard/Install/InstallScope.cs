namespace PortalGuard.Install;

/// <summary>Whose browsers a manifest serves: this user's (no privileges needed) or every user's on the machine.</summary>
internal enum InstallScope
{
    User,
    System,
}
