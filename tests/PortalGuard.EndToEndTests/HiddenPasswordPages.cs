namespace PortalGuard.EndToEndTests;

/// <summary>Login pages whose password field the content script cannot find by <c>input[type=password]</c> in the
/// document: inside a closed shadow root (nested too) or a same-origin frame, or drawn as <c>type=text</c>; and a page
/// with only a search box, which must never be gated. Served by <see cref="HostilePageServer"/>; forms post to its
/// submit path.
/// A page with a closed root hands it to the test as <c>window.__root</c>, in the page's own world, which the
/// content script (isolated world) does not share.</summary>
internal static class HiddenPasswordPages
{
    /// <summary>The whole login form (user name, password, a checked "Remember me") in a custom element's closed shadow root.</summary>
    public const string ClosedShadowLogin = "closed-shadow-login";

    /// <summary>The same form in a closed root inside another custom element's closed root.</summary>
    public const string NestedShadowLogin = "nested-shadow-login";

    /// <summary>The login form in a same-origin frame (<c>srcdoc</c>); <c>window.__root</c> is the frame's document.</summary>
    public const string SameOriginFrameLogin = "same-origin-frame-login";

    /// <summary>A plain login form whose checked "Remember me" lives in a custom element's closed shadow root.</summary>
    public const string ClosedShadowRememberMe = "closed-shadow-remember-me";

    /// <summary>The password field is <c>type=text autocomplete=current-password</c>.</summary>
    public const string AutocompletePassword = "autocomplete-password";

    /// <summary>The password field is <c>type=text</c> masked with <c>-webkit-text-security: disc</c>.</summary>
    public const string MaskedTextPassword = "masked-text-password";

    /// <summary>A real password field that its "show password" button has turned into <c>type=text</c>.</summary>
    public const string ShownPassword = "shown-password";

    /// <summary>A <c>type=text</c> field that the page's own focusin handler turns into a password field.</summary>
    public const string PasswordOnFocus = "password-on-focus";

    /// <summary>Only a search form (a text box and a search box), no password anywhere.</summary>
    public const string SearchOnly = "search-only";

    private const string LoginForm = """
        <form id="login" method="post" action="/hostile-submit">
          <label for="username">Username</label> <input id="username" name="username" type="text">
          <label for="password">Password</label> <input id="password" name="password" type="password">
          <input id="remember" name="remember" type="checkbox" checked><label for="remember">Remember me</label>
          <button id="sign-in" type="submit">Sign in</button>
        </form>
        """;

    /// <summary>Defines &lt;login-box&gt;: <see cref="LoginForm"/> in a closed root, handed to the test as window.__root.</summary>
    private const string LoginBoxScript = $$"""
        customElements.define("login-box", class extends HTMLElement {
          constructor() {
            super();
            const root = this.attachShadow({ mode: "closed" });
            root.innerHTML = `{{LoginForm}}`;
            window.__root = root;
          }
        });
        """;

    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        [ClosedShadowLogin] = $$"""
            <login-box></login-box>
            <script>{{LoginBoxScript}}</script>
            """,

        [NestedShadowLogin] = $$"""
            <portal-shell></portal-shell>
            <script>
              {{LoginBoxScript}}
              customElements.define("portal-shell", class extends HTMLElement {
                constructor() {
                  super();
                  this.attachShadow({ mode: "closed" }).innerHTML = "<p>Sign in to your account</p><login-box></login-box>";
                }
              });
            </script>
            """,

        [SameOriginFrameLogin] = $$"""
            <iframe id="login-frame" style="width: 600px; height: 200px" srcdoc='{{LoginForm}}'></iframe>
            <script>
              const frame = document.getElementById("login-frame");
              const expose = () => {
                window.__root = frame.contentDocument;
                const box = frame.getBoundingClientRect();
                window.__offset = { x: box.x + frame.clientLeft, y: box.y + frame.clientTop };
              };
              frame.addEventListener("load", expose);
              if (frame.contentDocument?.getElementById("username")) expose();
            </script>
            """,

        [ClosedShadowRememberMe] = """
            <form id="login" method="post" action="/hostile-submit">
              <label for="username">Username</label> <input id="username" name="username" type="text">
              <label for="password">Password</label> <input id="password" name="password" type="password">
              <remember-box></remember-box>
              <button id="sign-in" type="submit">Sign in</button>
            </form>
            <script>
              customElements.define("remember-box", class extends HTMLElement {
                constructor() {
                  super();
                  const root = this.attachShadow({ mode: "closed" });
                  root.innerHTML = '<input id="remember" type="checkbox" checked><label for="remember">Remember this device</label>';
                  window.__root = root;
                }
              });
            </script>
            """,

        [AutocompletePassword] = """
            <form id="login" method="post" action="/hostile-submit">
              <label for="username">Username</label> <input id="username" name="username" type="text" autocomplete="username">
              <label for="password">Password</label> <input id="password" name="password" type="text" autocomplete="current-password">
              <button id="sign-in" type="submit">Sign in</button>
            </form>
            """,

        [MaskedTextPassword] = """
            <form id="login" method="post" action="/hostile-submit">
              <label for="username">Username</label> <input id="username" name="username" type="text">
              <label for="password">Password</label> <input id="password" name="password" type="text" style="-webkit-text-security: disc">
              <button id="sign-in" type="submit">Sign in</button>
            </form>
            """,

        [ShownPassword] = """
            <form id="login" method="post" action="/hostile-submit">
              <label for="username">Username</label> <input id="username" name="username" type="text">
              <label for="password">Password</label> <input id="password" name="password" type="password">
              <button id="show" type="button" onclick="const f = document.getElementById('password'); f.type = f.type === 'password' ? 'text' : 'password';">Show</button>
              <button id="sign-in" type="submit">Sign in</button>
            </form>
            """,

        [PasswordOnFocus] = """
            <form id="login" method="post" action="/hostile-submit">
              <label for="username">Username</label> <input id="username" name="username" type="text">
              <input id="password" name="password" type="text" placeholder="Password">
              <button id="sign-in" type="submit">Sign in</button>
            </form>
            <script>
              // In a focusin listener: it runs after the content script's (window, capture), so the field is still text then.
              document.getElementById("password").addEventListener("focusin", (event) => { event.target.type = "password"; });
            </script>
            """,

        [SearchOnly] = """
            <form id="search" method="post" action="/hostile-submit">
              <label for="q">Find a doctor</label> <input id="q" name="q" type="text">
              <label for="where">Near</label> <input id="where" name="where" type="search" autocomplete="off">
              <button id="go" type="submit">Search</button>
            </form>
            """,
    };

    /// <summary>The page's markup, or null for a name that is not one of them.</summary>
    public static string? Markup(string name) => Bodies.TryGetValue(name, out var body)
        ? $$"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>MyChart - Login Page</title>
            <style>body { margin: 0; padding: 180px 24px 24px; font: 16px sans-serif; }</style>
            </head>
            <body>
            <h1>MyChart</h1>
            {{body}}
            </body>
            </html>
            """
        : null;
}
