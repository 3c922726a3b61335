using PortalGuard.Assessment;
using PortalGuard.Portals;

namespace PortalGuard.Host.Cli;

/// <summary><c>portalguard check &lt;url-or-host&gt;</c>: is this the portal, what is known about it over a VPN, is the network safe.</summary>
internal static class CheckCommand
{
    public const string Usage = "portalguard check <url-or-host> [--json] [--offline] [--fail-on warn|block]";

    /// <summary>The exit code when the verdict reaches the <c>--fail-on</c> level.</summary>
    public const int VerdictExitCode = 3;

    public static async Task<int> RunAsync(CliContext context, IEnumerable<string> args)
    {
        var parsed = CliArguments.Parse(args, ["--json", "--offline"], ["--fail-on"]);
        parsed.ExpectPositionals(1, Usage);
        VerdictLevel? failOn = parsed.Value("--fail-on") switch
        {
            null => null,
            "warn" => VerdictLevel.Warn,
            "block" => VerdictLevel.Block,
            var other => throw new UsageException($"--fail-on takes warn or block, not '{other}'."),
        };

        if (!WebTargetParser.TryParse(parsed.Positionals[0], out var target, out var error))
        {
            throw new UsageException($"Cannot check '{Shorten(parsed.Positionals[0])}': {error}");
        }

        // --offline promises no DNS lookups and no TLS connections. Reading the local routing table sends nothing, so it stays.
        if (parsed.Has("--offline"))
        {
            context.Offline = true;
        }

        var check = await context.Checker.CheckAsync(target, PageSignals.None, CancellationToken.None).ConfigureAwait(false);
        if (parsed.Has("--json"))
        {
            CliJson.Write(context.Out, check);
        }
        else
        {
            WriteText(context.Out, check);
        }

        return failOn is { } threshold && check.Verdict.Level >= threshold ? VerdictExitCode : 0;
    }

    private static void WriteText(TextWriter o, PortalCheck check)
    {
        var identity = check.Identity;
        o.WriteLine($"{check.Host}  ({check.Origin})");
        o.WriteLine($"  Identity:           {TextFormat.Identity(identity)}");
        o.WriteLine($"  Registrable domain: {check.RegistrableDomain ?? "(none)"}");
        if (identity.Portal is { } portal)
        {
            o.WriteLine($"  Portal:             {portal.Name} ({portal.Vendor})");
            o.WriteLine($"  VPN compatibility:  {TextFormat.Compatibility(portal.VpnCompatibility)}{(string.IsNullOrWhiteSpace(portal.Notes) ? string.Empty : " — " + portal.Notes)}");
        }

        if (check.Network is { } network)
        {
            o.WriteLine($"  Network:            {TextFormat.Network(network)}");
        }

        if (check.Dns is { } dns)
        {
            o.WriteLine($"  Name lookup:        {TextFormat.Dns(dns)}");
        }

        if (check.Tls is { } tls)
        {
            o.WriteLine($"  Certificate:        {TextFormat.Tls(tls)}");
        }

        if (check.Wifi is { } wifi)
        {
            o.WriteLine($"  Wi-Fi:              {TextFormat.Wifi(wifi)}");
        }

        o.WriteLine($"  Verdict:            {TextFormat.Level(check.Verdict.Level)}");
        foreach (var reason in check.Verdict.Reasons)
        {
            o.WriteLine($"    [{reason.Severity.ToString().ToLowerInvariant()}] {reason.Code}: {reason.Message}");
        }
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
