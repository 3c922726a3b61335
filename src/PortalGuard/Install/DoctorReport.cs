namespace PortalGuard.Install;

/// <summary>What <c>portalguard doctor</c> found, in the order it looked. Printed as text or, with <c>--json</c>, as this record.</summary>
/// <param name="Healthy">No check failed.</param>
internal sealed record DoctorReport(
    bool Healthy,
    string HostVersion,
    string DataDirectory,
    string DatabasePath,
    string LogDirectory,
    IReadOnlyList<DoctorCheck> Checks);
