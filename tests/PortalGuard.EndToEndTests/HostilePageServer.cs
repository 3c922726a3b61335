using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace PortalGuard.EndToEndTests;

/// <summary>Serves <see cref="HostilePages"/>, <see cref="HiddenPasswordPages"/> and <see cref="FramePages"/> over HTTPS on 127.0.0.1 (reached under the portal's name and the lookalike's
/// through the browser's resolver rules), and records what reached it: which fields a form sent, and what a page's
/// script sent without a form. Only field names and whether the password was empty are kept.</summary>
public sealed class HostilePageServer : IAsyncDisposable
{
    public const string PagePrefix = "/hostile/";
    public const string SubmitPath = "/hostile-submit";
    public const string CollectPath = "/hostile-collect";

    private readonly LoopbackHttpsSite _site;
    private readonly ConcurrentQueue<Arrival> _arrivals = new();

    private HostilePageServer(LoopbackHttpsSite site)
    {
        _site = site;
    }

    public int Port => _site.Port;

    /// <summary>This server's origin under the portal's name, or under the lookalike's.</summary>
    public string Origin(bool lookalike) =>
        string.Create(CultureInfo.InvariantCulture, $"https://{(lookalike ? PortalFixture.LookalikeHost : PortalFixture.PortalHost)}:{Port}");

    /// <summary>Everything that reached <see cref="SubmitPath"/> or <see cref="CollectPath"/>, oldest first.</summary>
    public IReadOnlyList<Arrival> Arrivals => [.. _arrivals];

    public static async Task<HostilePageServer> StartAsync(X509Certificate2 certificate)
    {
        HostilePageServer? server = null;
        var site = await LoopbackHttpsSite.StartAsync(certificate, async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            var path = context.Request.Path.Value ?? string.Empty;
            if (HttpMethods.IsPost(context.Request.Method) && (path == SubmitPath || path == CollectPath))
            {
                server!._arrivals.Enqueue(await ReadArrivalAsync(context.Request, path));
                await context.Response.WriteAsync("<!doctype html><title>Received</title><p>Received.</p>");
                return;
            }

            if (path.StartsWith(PagePrefix, StringComparison.Ordinal) && PageMarkup(path[PagePrefix.Length..]) is { } page)
            {
                await context.Response.WriteAsync(page);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
        });
        server = new HostilePageServer(site);
        return server;
    }

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    private static string? PageMarkup(string name) => HostilePages.Markup(name) ?? HiddenPasswordPages.Markup(name) ?? BrandPages.Markup(name) ?? FramePages.Markup(name);

    private static async Task<Arrival> ReadArrivalAsync(HttpRequest request, string path)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return new Arrival(path, [.. form.Keys.Order(StringComparer.Ordinal)], form.TryGetValue("password", out var password) && !string.IsNullOrEmpty(password));
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        return new Arrival(path, [], body.Length > 0);
    }

    /// <param name="Path">Where it arrived.</param>
    /// <param name="Fields">The names of the form fields sent (none for a script's own request).</param>
    /// <param name="CarriedSecret">A non-empty password field, or a non-empty body from a script.</param>
    public sealed record Arrival(string Path, IReadOnlyList<string> Fields, bool CarriedSecret)
    {
        public override string ToString() => $"{Path} [{string.Join(",", Fields)}] secret={CarriedSecret}";
    }
}
