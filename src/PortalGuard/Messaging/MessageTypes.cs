namespace PortalGuard.Messaging;

/// <summary>The <c>type</c> of each protocol v1 message.</summary>
internal static class MessageTypes
{
    public const string Hello = "hello";
    public const string AssessPage = "assessPage";
    public const string GetPosture = "getPosture";
    public const string CheckPortal = "checkPortal";
    public const string GetSettings = "getSettings";
    public const string SetSettings = "setSettings";
    public const string ReportEvent = "reportEvent";
    public const string SetManagedPortals = "setManagedPortals";
    public const string PostureChanged = "postureChanged";

    public const int ProtocolVersion = 1;

    /// <summary>What this host can do, as <c>hello</c> announces it.</summary>
    public static IReadOnlyList<string> Capabilities { get; } =
        [AssessPage, GetPosture, CheckPortal, GetSettings, SetSettings, ReportEvent, SetManagedPortals, PostureChanged];
}
