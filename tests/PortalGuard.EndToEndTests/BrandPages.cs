using System.Globalization;

namespace PortalGuard.EndToEndTests;

/// <summary>Login pages that show a portal's brand in one place each (the title, a heading, the logo's text) or nowhere,
/// served by the <see cref="HostilePageServer"/> under a name in no catalog (BrandOnUnknownSiteTests).</summary>
internal static class BrandPages
{
    public const string InTitle = "brand-in-title";
    public const string InHeading = "brand-in-heading";
    public const string InLogo = "brand-in-logo";
    public const string Nowhere = "brand-nowhere";

    // A one-pixel image: the logo's text is what counts, not its picture.
    private const string Pixel = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==";

    private static readonly Dictionary<string, (string Title, string Top)> Pages = new(StringComparer.Ordinal)
    {
        [InTitle] = ("MyChart - Login Page", "<h1>Welcome back</h1>"),
        [InHeading] = ("Sign in", "<h1>Welcome back</h1><h2>Sign in to MyChart</h2>"),
        [InLogo] = ("Sign in", $"""<header><img src="{Pixel}" alt="MyChart"></header><h1>Welcome back</h1>"""),
        [Nowhere] = ("Sign in", "<h1>Welcome back</h1><h2>Your account</h2>"),
    };

    public static IReadOnlyCollection<string> Names => Pages.Keys;

    public static string? Markup(string name) =>
        Pages.TryGetValue(name, out var page)
            ? string.Create(CultureInfo.InvariantCulture, $"""
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>{page.Title}</title></head>
                <body>
                {page.Top}
                <form method="post" action="{HostilePageServer.SubmitPath}">
                  <input name="username"><input id="password" name="password" type="password"><button>Sign in</button>
                </form>
                </body>
                </html>
                """)
            : null;
}
