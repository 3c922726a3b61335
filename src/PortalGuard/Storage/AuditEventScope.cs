namespace PortalGuard.Storage;

/// <summary>
/// Which audit events are about the device (the browser's password saving, the idle timeout) rather than about a site.
/// Those are recorded without an origin: filing them under whichever portal happened to be open would misstate what happened.
/// </summary>
internal static class AuditEventScope
{
    /// <summary>Whether <paramref name="code"/> is about the device, so that it has no origin.</summary>
    public static bool IsAboutDevice(AuditEventCode code) =>
        code is AuditEventCode.PasswordSavingDisabled or AuditEventCode.PasswordSavingRestored or AuditEventCode.IdleTimeout;
}
