using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PortalGuard.EndToEndTests;

/// <summary>A patient-portal login page (password field, "Remember me") served over HTTPS on 127.0.0.1 at a free port.
/// The browser reaches it under the portal's real host name through a resolver rule.</summary>
public sealed class TestPortalServer : IAsyncDisposable
{
    public const string LoginPath = "/MyChart/Authentication/Login";

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

    private readonly WebApplication _app;

    private TestPortalServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<TestPortalServer> StartAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.Run(async context =>
        {
            if (context.Request.Path == LoginPath)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(LoginPage);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
        });
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var port = int.Parse(address[(address.LastIndexOf(':') + 1)..].TrimEnd('/'), CultureInfo.InvariantCulture);
        return new TestPortalServer(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
