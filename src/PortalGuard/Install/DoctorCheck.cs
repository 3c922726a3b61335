namespace PortalGuard.Install;

/// <summary>One finding of <c>portalguard doctor</c>.</summary>
/// <param name="Area">What was looked at: <c>chrome (user)</c>, <c>database</c>, <c>policy</c>.</param>
/// <param name="Message">What was found, in one sentence a person can read.</param>
/// <param name="Fix">What to do about it; present for every warning and failure.</param>
internal sealed record DoctorCheck(string Area, DoctorStatus Status, string Message, string? Fix = null)
{
    public static DoctorCheck Ok(string area, string message) => new(area, DoctorStatus.Ok, message);

    public static DoctorCheck Info(string area, string message) => new(area, DoctorStatus.Info, message);

    public static DoctorCheck Warning(string area, string message, string fix) => new(area, DoctorStatus.Warning, message, fix);

    public static DoctorCheck Failed(string area, string message, string fix) => new(area, DoctorStatus.Failed, message, fix);
}
