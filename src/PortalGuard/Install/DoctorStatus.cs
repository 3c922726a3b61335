namespace PortalGuard.Install;

/// <summary>How one doctor finding bears on whether the guard works. Only <see cref="Failed"/> makes the exit code 1.</summary>
internal enum DoctorStatus
{
    Ok,
    Info,
    Warning,
    Failed,
}
