namespace PortalGuard.Storage;

/// <summary>What happened, as the audit trail records it. Serialised camelCase (<c>rememberMeBlocked</c>).</summary>
public enum AuditEventCode
{
    /// <summary>A warning or block overlay was shown on a page.</summary>
    WarningShown,

    /// <summary>The person chose "continue anyway" on a warning.</summary>
    Proceeded,

    /// <summary>A login submission was stopped (block verdict).</summary>
    SubmissionBlocked,

    /// <summary>A remember-me control was unchecked and locked.</summary>
    RememberMeBlocked,

    /// <summary>The browser's password saving was switched off (about the device: recorded without an origin).</summary>
    PasswordSavingDisabled,

    /// <summary>The browser's password saving was given back (about the device: recorded without an origin).</summary>
    PasswordSavingRestored,

    /// <summary>Log-out-and-clear ran for a portal.</summary>
    SessionCleared,

    /// <summary>
    /// Nobody used the device for the idle timeout, so log-out-and-clear ran by itself (about the device: recorded without
    /// an origin, with the number of portals cleared; each portal's own <see cref="SessionCleared"/> follows).
    /// </summary>
    IdleTimeout,
}
