using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace PortalGuard.EndToEndTests;

/// <summary>A patient-portal login page (password field, "Remember me") served over HTTPS on 127.0.0.1 at a free port.
/// The browser reaches it under the portal's real host name through a resolver rule.</summary>
public sealed class TestPortalServer : IAsyncDisposable
{
    public const string LoginPath = "/MyChart/Authentication/Login";

    /// <summary>A login page with every kind of "remember me" control PortalGuard must lock, and one it must not touch.</summary>
    public const string SharedDevicePath = "/MyChart/SharedDevice";

    /// <summary>The page after signing in: it leaves cookies, storage and caches behind, as a real portal does.</summary>
    public const string HomePath = "/MyChart/Home";

    /// <summary>5,000 elements, then a login form drawn late, as a single-page app does: for the timing figures.</summary>
    public const string BigPagePath = "/MyChart/Big";

    /// <summary>The same 5,000 elements and the same late change, but what arrives late is no login form: what an ordinary
    /// page of the web costs the content script.</summary>
    public const string BigPlainPagePath = "/MyChart/BigPlain";

    private static readonly string BigPlainPage = BigPage
        .Replace("""'<form><input name="u"><input id="password" type="password"><button>Sign in</button></form>'""", """'<p>Your next appointment is on Monday.</p>'""", StringComparison.Ordinal)
        .Replace("window.passwordAddedAt", "window.lateContentAt", StringComparison.Ordinal);

    private const string BigPage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>MyChart</title></head>
        <body>
          <h1>MyChart</h1>
          <div id="filler"></div>
          <div id="app"></div>
          <script>
            const filler = document.getElementById("filler");
            for (let i = 0; i < 100; i++) {
              const section = document.createElement("section");
              for (let j = 0; j < 49; j++) {
                const item = document.createElement(j % 7 === 0 ? "label" : "span");
                item.textContent = "Item " + i + "." + j;
                section.append(item);
              }
              filler.append(section);
            }
            setTimeout(() => {
              document.getElementById("app").innerHTML =
                '<form><input name="u"><input id="password" type="password"><button>Sign in</button></form>';
              window.passwordAddedAt = performance.now();
            }, 600);
          </script>
        </body>
        </html>
        """;

    /// <summary>A page that sets nothing, to look at what the browser still holds for the origin.</summary>
    public const string EmptyPath = "/MyChart/Empty";

    private const string SharedDevicePage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>MyChart - Login Page</title></head>
        <body>
          <h1>MyChart</h1>
          <form method="post" action="/MyChart/Authentication/Login">
            <input id="username" name="username" type="text">
            <input id="password" name="password" type="password">
            <input id="remember" type="checkbox" checked><label for="remember">Remember me</label>
            <label><input id="keep" type="checkbox" checked> Keep me signed in</label>
            <input id="recordarme" type="checkbox" checked aria-label="Recordarme">
            <div id="trust" role="switch" aria-checked="true" tabindex="0" onclick="this.setAttribute('aria-checked', this.getAttribute('aria-checked') === 'true' ? 'false' : 'true')">Trust this browser</div>
            <span id="stay" role="checkbox" aria-checked="true" tabindex="0">Mantener la sesión iniciada</span>
            <input id="terms" type="checkbox" checked><label for="terms">I agree to the terms of use</label>
            <div id="shadow-host"></div>
            <div id="late"></div>
            <button type="submit">Sign in</button>
          </form>
          <script>
            const root = document.getElementById("shadow-host").attachShadow({ mode: "open" });
            root.innerHTML = '<input id="device" type="checkbox" checked><label for="device">Remember this device</label>';
            setTimeout(() => {
              document.getElementById("late").innerHTML = '<input id="username-later" type="checkbox" checked><label for="username-later">Remember my username</label>';
            }, 400);
          </script>
        </body>
        </html>
        """;

    private const string HomePage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>MyChart - Home</title></head>
        <body>
          <h1>MyChart</h1>
          <p>Welcome. Your test results are ready.</p>
          <a id="logout" href="/MyChart/Authentication/Logout">Log out</a>
          <script>
            localStorage.setItem("patient", "test");
            document.cookie = "js_cookie=1; path=/; secure";
            window.portalStored = (async () => {
              const cache = await caches.open("portal-cache");
              await cache.put("/MyChart/Home/cached", new Response("cached"));
              await new Promise((resolve, reject) => {
                const open = indexedDB.open("portal-db", 1);
                open.onupgradeneeded = () => open.result.createObjectStore("messages");
                open.onsuccess = () => { open.result.close(); resolve(); };
                open.onerror = () => reject(open.error);
              });
              return true;
            })();
          </script>
        </body>
        </html>
        """;

    private const string LoginPage = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>MyChart - Login Page</title>
          <style>
            body { margin: 0; font-family: sans-serif; background: #f4f6f8; }
            header { background: #00558c; color: #fff; padding: 140px 32px 20px; }
            h1 { margin: 0; }
            main { margin: 24px 32px; max-width: 380px; background: #fff; padding: 24px; border-radius: 8px; }
            label { display: block; margin: 12px 0 4px; }
            input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: 8px; }
            .remember { display: flex; gap: 8px; align-items: center; margin: 16px 0; }
            .remember label { margin: 0; }
          </style>
        </head>
        <body>
          <header><h1>MyChart</h1><p>A test portal served by the PortalGuard end-to-end tests</p></header>
          <main>
            <form method="post" action="/MyChart/Authentication/Login">
              <label for="username">Username</label>
              <input id="username" name="username" type="text" autocomplete="username">
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password">
              <div class="remember"><input id="remember" name="remember" type="checkbox"><label for="remember">Remember me</label></div>
              <button type="submit">Sign in</button>
            </form>
          </main>
        </body>
        </html>
        """;

    private readonly ConcurrentQueue<string> _signIns;
    private readonly LoopbackHttpsSite _site;

    private TestPortalServer(LoopbackHttpsSite site, ConcurrentQueue<string> signIns)
    {
        _site = site;
        _signIns = signIns;
    }

    public int Port => _site.Port;

    /// <summary>Each sign-in form that arrived: the host name it was sent to (the portal's or the lookalike's) and the
    /// names of the fields it carried (never their values).</summary>
    public IReadOnlyCollection<string> SignIns => [.. _signIns];

    public static async Task<TestPortalServer> StartAsync(X509Certificate2 certificate)
    {
        var signIns = new ConcurrentQueue<string>();
        var site = await LoopbackHttpsSite.StartAsync(certificate, async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            if (context.Request.Path == LoginPath && HttpMethods.IsPost(context.Request.Method))
            {
                var fields = context.Request.HasFormContentType ? [.. (await context.Request.ReadFormAsync()).Keys.Order(StringComparer.Ordinal)] : Array.Empty<string>();
                signIns.Enqueue($"{context.Request.Host.Host} [{string.Join(' ', fields)}]");
                // Signing in: a session cookie, then the home page.
                context.Response.Headers.SetCookie = "MyChartSession=abc; Path=/; Secure; HttpOnly";
                context.Response.Headers.Location = HomePath;
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                return;
            }

            var page = context.Request.Path.Value switch
            {
                LoginPath => LoginPage,
                SharedDevicePath => SharedDevicePage,
                HomePath => HomePage,
                BigPagePath => BigPage,
                BigPlainPagePath => BigPlainPage,
                EmptyPath => "<!doctype html><title>Empty</title><p>Nothing here.</p>",
                "/MyChart/Authentication/Logout" => "<!doctype html><title>Signed out</title><p>You are signed out.</p>",
                _ => null,
            };
            if (page is not null)
            {
                await context.Response.WriteAsync(page);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
        });
        return new TestPortalServer(site, signIns);
    }

    public ValueTask DisposeAsync() => _site.DisposeAsync();
}
