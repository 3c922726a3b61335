namespace PortalGuard.Assessment;

/// <summary>What the extension's content script saw on a page. Never page content: flags, an origin and catalog brand words.</summary>
/// <param name="TopFrame">The page is the top frame, not an iframe (the browser says so, not the page).</param>
/// <param name="FormActionOrigin">The origin a login form posts to, when it has one.</param>
/// <param name="BrandWords">Portal brand words seen on the page (<c>mychart</c>), already reduced to the catalog's list by the extension.</param>
public sealed record PageSignals(
    bool TopFrame,
    bool HasPasswordField,
    bool HasRememberMe,
    string? FormActionOrigin,
    IReadOnlyList<string> BrandWords)
{
    /// <summary>No page at all: a host name checked from the command line.</summary>
    /// <summary>For a frame (<see cref="TopFrame"/> false): the origin of the tab's top page, as the browser reports it. A
    /// frame inherits the top page's danger: a password typed into any frame of a lookalike goes to whoever made it.</summary>
    public string? TopOrigin { get; init; }

    public static PageSignals None { get; } = new(TopFrame: true, HasPasswordField: false, HasRememberMe: false, FormActionOrigin: null, BrandWords: []);
}
