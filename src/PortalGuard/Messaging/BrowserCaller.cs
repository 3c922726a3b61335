namespace PortalGuard.Messaging;

/// <summary>Who launched the host, as the browser says on the command line.</summary>
/// <param name="Identity">The Chromium extension origin (<c>chrome-extension://id/</c>) or the Firefox add-on id.</param>
/// <param name="ManifestPath">Firefox only: the host manifest Firefox read before launching the host (its first argument).</param>
internal sealed record BrowserCaller(BrowserFamily Family, string Identity, string? ManifestPath = null)
{
    /// <summary>
    /// Recognises a browser launch: Chromium passes the caller's origin first (Windows adds <c>--parent-window=N</c>);
    /// Firefox passes the host manifest's path and then the add-on id. Anything else is the command line.
    /// </summary>
    public static BrowserCaller? FromArguments(IReadOnlyList<string> args)
    {
        if (args.Count >= 1 && args[0].StartsWith("chrome-extension://", StringComparison.Ordinal))
        {
            return new BrowserCaller(BrowserFamily.Chromium, args[0]);
        }

        if (args.Count == 2
            && args[0].EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            && Path.IsPathRooted(args[0])
            && !args[1].StartsWith('-'))
        {
            return new BrowserCaller(BrowserFamily.Firefox, args[1], args[0]);
        }

        return null;
    }
}
