using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace PortalGuard.EndToEndTests;

/// <summary>A portal whose every address, title and form carries <see cref="PrivacyMarkers"/>: a login page with a user name,
/// a date of birth, a password and a checked "Remember me" at any path; signing in leads to a home page at a marked path.
/// Served over HTTPS on 127.0.0.1 at a free port of its own; the browser reaches it under the portal's (or the lookalike's) name.</summary>
public sealed class MarkedPortalServer : IAsyncDisposable
{
    private readonly LoopbackHttpsSite _site;

    private MarkedPortalServer(LoopbackHttpsSite site)
    {
        _site = site;
    }

    public int Port => _site.Port;

    public static async Task<MarkedPortalServer> StartAsync(X509Certificate2 certificate, PrivacyMarkers markers)
    {
        ArgumentNullException.ThrowIfNull(markers);
        var site = await LoopbackHttpsSite.StartAsync(certificate, async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            if (HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.Headers.SetCookie = "PortalSession=s1; Path=/; Secure; HttpOnly";
                context.Response.Headers.Location = markers.HomePath;
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                return;
            }

            var page = context.Request.Path.Value?.EndsWith("/home", StringComparison.Ordinal) == true ? HomePage(markers) : LoginPage(markers);
            await context.Response.WriteAsync(page);
        });
        return new MarkedPortalServer(site);
    }

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    private static string LoginPage(PrivacyMarkers markers) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8"><title>MyChart - Lab results of Jane Doe {{markers.Title}}</title>
          <style>header { padding: 160px 32px 20px; } label, input, button { display: block; margin: 6px 32px; }</style>
        </head>
        <body>
          <header><h1>MyChart</h1></header>
          <form method="post" action="/patient/{{markers.Path}}/login?next={{markers.Query}}">
            <label for="username">Username</label>
            <input id="username" name="username" type="text" autocomplete="username">
            <label for="dob">Date of birth</label>
            <input id="dob" name="dob" type="text">
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password">
            <input id="remember" name="remember" type="checkbox" checked><label for="remember">Remember me</label>
            <button type="submit">Sign in</button>
          </form>
        </body>
        </html>
        """;

    private static string HomePage(PrivacyMarkers markers) => $$"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>MyChart - Home of Jane Doe {{markers.Title}}</title></head>
        <body>
          <h1>MyChart</h1>
          <p>Welcome. Your test results are ready.</p>
          <script>localStorage.setItem("portal-state", "signed-in");</script>
        </body>
        </html>
        """;
}
