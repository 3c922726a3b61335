namespace PortalGuard.Install;

/// <summary>Which view of the registry a key is written in. 64-bit Windows keeps a separate 32-bit copy of
/// <c>HKLM\Software</c> (seen by 64-bit tools as <c>HKLM\Software\WOW6432Node</c>); <c>HKCU\Software</c> is shared.</summary>
internal enum RegistryBitness
{
    /// <summary>The view the process sees; used where Windows keeps no separate 32-bit copy.</summary>
    Default,

    Bits64,

    Bits32,
}
