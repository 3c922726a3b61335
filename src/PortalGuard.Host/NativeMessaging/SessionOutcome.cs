namespace PortalGuard.Host.NativeMessaging;

/// <summary>Carries the session's exit code out of the hosted service to <c>Main</c>.</summary>
internal sealed class SessionOutcome
{
    public int ExitCode { get; set; } = PortalGuard.Messaging.SessionExitCodes.InternalError;
}
