namespace PortalGuard.Host.NativeMessaging;

/// <summary>The session's first frame, answered before the Generic Host was built: its exit code when the session ended there, null when it goes on.</summary>
internal sealed record SessionOpening(Task<int?> FirstReply);
