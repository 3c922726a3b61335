namespace PortalGuard.Messaging;

/// <summary>The <c>code</c> of an error reply. Stable: the extension matches on them.</summary>
internal static class ProtocolErrorCodes
{
    /// <summary>An empty frame, or JSON that is not an object.</summary>
    public const string BadMessage = "bad-message";

    /// <summary>Not UTF-8, or not JSON.</summary>
    public const string BadJson = "bad-json";

    /// <summary>A <c>type</c> this host does not know; the reply names it.</summary>
    public const string UnknownType = "unknown-type";

    /// <summary>A required field is missing or has the wrong type; the reply names the field.</summary>
    public const string InvalidRequest = "invalid-request";

    /// <summary>A frame longer than the limit; the host then exits, since the stream cannot be resynchronised.</summary>
    public const string FrameTooLarge = "frame-too-large";

    /// <summary>The caller (extension origin or add-on id) is not one this host serves.</summary>
    public const string OriginNotAllowed = "origin-not-allowed";

    /// <summary>A reply would have exceeded the browsers' 1 MB limit and was not sent.</summary>
    public const string ReplyTooLarge = "reply-too-large";

    /// <summary>The database cannot be used; the request needed it.</summary>
    public const string StorageUnavailable = "storage-unavailable";

    /// <summary>A fault in the host itself. Logged; the session goes on.</summary>
    public const string InternalError = "internal-error";
}
