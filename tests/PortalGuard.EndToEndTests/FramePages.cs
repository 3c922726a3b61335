namespace PortalGuard.EndToEndTests;

/// <summary>Pages for the pre-login gate inside frames (FrameLoginTests, FrameCostTimings): a page that frames another
/// origin's page named in its query (<c>?src=</c>), a plain sign-in form to be framed, and a news page with many
/// advertising frames, none of which shows a password field.</summary>
internal static class FramePages
{
    /// <summary>A welcome page with one large frame whose address is the query's <c>src</c>.</summary>
    public const string FrameHost = "frame-host";

    /// <summary>A sign-in form (user name, password, a checked "Remember me", "Sign in") posting to its own origin's <see cref="HostilePageServer.SubmitPath"/>.</summary>
    public const string FramedLogin = "framed-login";

    /// <summary>A news page with <c>n</c> (default 20) frames of the query's <c>src</c>.</summary>
    public const string AdFrames = "ad-frames";

    /// <summary>An advertisement: text, a newsletter box (e-mail and text fields), no password field.</summary>
    public const string Ad = "ad";

    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal)
    {
        [FrameHost] = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Welcome</title>
            <style>body { margin: 0; padding: 16px 24px; font: 16px sans-serif; } iframe { width: 660px; height: 470px; border: 1px solid #888; }</style>
            </head>
            <body>
            <h1>Welcome to your health record</h1>
            <p>Sign in below to see your results and messages.</p>
            <iframe id="login-frame"></iframe>
            <script>document.getElementById("login-frame").src = new URLSearchParams(location.search).get("src");</script>
            </body>
            </html>
            """,

        [FramedLogin] = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Sign in</title>
            <style>body { margin: 0; padding: 16px; font: 16px sans-serif; } label, input, button { display: block; margin: 6px 0; }</style>
            </head>
            <body>
            <h2>Sign in</h2>
            <form id="login" method="post" action="/hostile-submit">
              <label for="username">Username</label> <input id="username" name="username" type="text">
              <label for="password">Password</label> <input id="password" name="password" type="password">
              <input id="remember" name="remember" type="checkbox" checked style="display: inline"><label for="remember" style="display: inline">Remember me</label>
              <button id="sign-in" type="submit">Sign in</button>
            </form>
            </body>
            </html>
            """,

        [AdFrames] = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Daily news</title>
            <style>body { margin: 0; padding: 16px; font: 15px sans-serif; } iframe { width: 300px; height: 90px; border: 0; margin: 4px; }</style>
            </head>
            <body>
            <h1>Daily news</h1>
            <p>Today's stories, with the advertisements that pay for them.</p>
            <div id="ads"></div>
            <script>
              const query = new URLSearchParams(location.search);
              const count = Number(query.get("n") ?? 20);
              for (let i = 0; i < count; i++) {
                const frame = document.createElement("iframe");
                frame.src = query.get("src") + "?slot=" + i;
                document.getElementById("ads").append(frame);
              }
            </script>
            </body>
            </html>
            """,

        [Ad] = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Advertisement</title>
            <style>body { margin: 0; padding: 6px; font: 13px sans-serif; background: #fef6d8; }</style>
            </head>
            <body>
            <b>Spring sale</b>: 20% off running shoes.
            <form id="news" method="post" action="/hostile-submit"><input id="email" name="email" type="email" placeholder="Your e-mail"> <input id="q" name="q" type="text"> <button id="join">Join</button></form>
            </body>
            </html>
            """,
    };

    /// <summary>The page's markup, or null for a name that is not one of them.</summary>
    public static string? Markup(string name) => Pages.TryGetValue(name, out var page) ? page : null;
}
