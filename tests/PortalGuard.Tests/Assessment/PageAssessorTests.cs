using System.Net;
using PortalGuard.Assessment;
using PortalGuard.Network;
using PortalGuard.Portals;
using PortalGuard.Storage;
using PortalGuard.Tls;

namespace PortalGuard.Tests.Assessment;

public sealed class PageAssessorTests
{
    /// <summary>
    /// Each row: the facts as <c>key=value</c> words, then the expected verdict as <c>level: code code</c>.
    /// Keys: status (known|vendorPattern|lookalike|unknown), scheme, password, action (form target's registrable domain),
    /// brand, vpn (on|off|split|unknown|none = not looked at), ipv6leak, requireVpn, compat (the portal's VPN compatibility),
    /// frame (the page is a frame, not the top page), top (the top page's status, lookalike|known|unknown).
    /// </summary>
    [Theory]
    [InlineData("status=known vpn=off", "warn: vpn-off")]
    [InlineData("status=known vpn=off requireVpn", "block: vpn-off")]
    [InlineData("status=known vpn=on", "ok:")]
    [InlineData("status=known vpn=on compat=usually", "ok: portal-may-block-vpn")]
    [InlineData("status=known vpn=on compat=unknown", "ok: portal-may-block-vpn")]
    [InlineData("status=known vpn=split", "warn: vpn-split")]
    [InlineData("status=known vpn=split requireVpn", "block: vpn-split")]
    [InlineData("status=known vpn=unknown", "ok: vpn-unknown")]
    [InlineData("status=known vpn=none", "ok:")]
    [InlineData("status=known vpn=on ipv6leak", "warn: ipv6-bypasses-tunnel")]
    [InlineData("status=known scheme=http vpn=on", "block: not-https")]
    [InlineData("status=known password action=ucsf.edu vpn=on", "ok:")]
    [InlineData("status=known password action=evil.example vpn=on", "block: credentials-cross-site")]
    [InlineData("status=known action=evil.example vpn=on", "ok:")]
    [InlineData("status=vendorPattern vpn=on", "ok: portal-unverified")]
    [InlineData("status=vendorPattern vpn=off", "warn: portal-unverified vpn-off")]
    [InlineData("status=lookalike vpn=on", "block: lookalike-domain")]
    [InlineData("status=lookalike vpn=off", "block: lookalike-domain")]
    [InlineData("status=lookalike scheme=http", "block: lookalike-domain not-https")]
    [InlineData("status=unknown vpn=off", "ok:")]
    [InlineData("status=unknown scheme=http", "ok:")]
    [InlineData("status=unknown scheme=http password", "block: not-https")]
    [InlineData("status=unknown brand=mychart password vpn=off", "warn: unknown-portal-brand")]
    [InlineData("status=unknown brand=mychart scheme=http", "block: unknown-portal-brand not-https")]
    [InlineData("status=unknown password action=evil.example", "block: credentials-cross-site")]
    [InlineData("status=known vpn=on dns=suspicious", "block: dns-answer-suspicious")]
    [InlineData("status=known vpn=on tls=untrusted", "block: certificate-invalid")]
    [InlineData("status=known vpn=on tls=expired", "block: certificate-invalid")]
    [InlineData("status=known vpn=on tls=nameMismatch", "block: certificate-invalid")]
    [InlineData("status=known vpn=on tls=timeout", "ok: certificate-unchecked")]
    [InlineData("status=known vpn=on tls=none", "ok:")]
    [InlineData("status=known vpn=on tls=none certchanged", "ok: certificate-changed")]
    [InlineData("status=known vpn=on dnsleak", "warn: dns-outside-tunnel")]
    [InlineData("status=known vpn=on wifi=open", "warn: open-wifi")]
    [InlineData("status=known vpn=off wifi=open", "block: vpn-off open-wifi")]
    [InlineData("status=known vpn=on wifi=secured", "ok:")]
    [InlineData("status=unknown vpn=off wifi=open tls=untrusted dns=suspicious", "ok:")]
    [InlineData("status=unknown password frame top=lookalike", "block: framed-by-lookalike")]
    [InlineData("status=known password frame top=lookalike vpn=on", "block: framed-by-lookalike")]
    [InlineData("status=known password frame top=known vpn=off", "warn: vpn-off")]
    [InlineData("status=unknown password frame top=unknown", "ok:")]
    [InlineData("status=lookalike password frame top=unknown", "block: lookalike-domain")]
    [InlineData("status=unknown password frame top=unknown scheme=http", "block: not-https")]
    [InlineData("status=unknown password top=lookalike", "ok:")]
    public void Verdict_follows_the_facts(string facts, string expected)
    {
        var verdict = PageAssessor.Assess(Facts(facts));

        var parts = expected.Split(':');
        Assert.Equal(Enum.Parse<VerdictLevel>(parts[0], ignoreCase: true), verdict.Level);
        Assert.Equal(parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries), verdict.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Every_reason_has_a_sentence_for_people()
    {
        var verdict = PageAssessor.Assess(Facts("status=known scheme=http password action=evil.example vpn=off ipv6leak"));

        Assert.All(verdict.Reasons, r => Assert.EndsWith(".", r.Message));
        Assert.All(verdict.Reasons, r => Assert.DoesNotContain("{", r.Message));
    }

    [Fact]
    public void Changed_certificate_names_both_dates()
    {
        var verdict = PageAssessor.Assess(Facts("status=known vpn=on tls=none certchanged"));

        var message = Assert.Single(verdict.Reasons).Message;
        Assert.Contains("2026-01-05", message);
        Assert.Contains("2026-11-20", message);
    }

    [Fact]
    public void Open_wifi_names_the_network()
    {
        var verdict = PageAssessor.Assess(Facts("status=known vpn=on wifi=open"));

        Assert.Contains("\"Airport Free WiFi\"", Assert.Single(verdict.Reasons).Message);
    }

    [Fact]
    public void Vpn_off_names_the_portal()
    {
        var verdict = PageAssessor.Assess(Facts("status=known vpn=off"));

        Assert.StartsWith("You opened Epic MyChart without a VPN.", Assert.Single(verdict.Reasons).Message);
    }

    [Fact]
    public void Lookalike_names_what_it_imitates()
    {
        var verdict = PageAssessor.Assess(Facts("status=lookalike"));

        Assert.Contains("mychart.ucsf.edu", Assert.Single(verdict.Reasons).Message);
    }

    private static AssessmentFacts Facts(string words)
    {
        var map = words.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "true", StringComparer.Ordinal);
        string? Get(string key) => map.TryGetValue(key, out var v) ? v : null;

        var compat = Get("compat") is { } c ? Enum.Parse<VpnCompatibility>(c, ignoreCase: true) : VpnCompatibility.Yes;
        var portal = new PortalEntry("epic-mychart", "Epic MyChart", "Epic", "MyChart", ["mychart.ucsf.edu"], [], ["mychart"], compat, "may require allow-listing", TwoFactorSupport.Unknown, null, null);
        var status = Enum.Parse<PortalIdentityStatus>(Get("status") ?? "unknown", ignoreCase: true);
        var identity = status switch
        {
            PortalIdentityStatus.Known or PortalIdentityStatus.VendorPattern => new PortalIdentity("mychart.ucsf.edu", "ucsf.edu", status, portal, null),
            PortalIdentityStatus.Lookalike => new PortalIdentity("mychart-ucsf.example", "mychart-ucsf.example", status, portal, "mychart.ucsf.edu"),
            _ => new PortalIdentity("shop.example", "shop.example", status, null, null),
        };
        var target = new WebTarget(Get("scheme") ?? "https", identity.Host, Get("scheme") == "http" ? 80 : 443, IsIpLiteral: false);
        var brand = Get("brand") is { } b ? new[] { b } : [];
        var signals = new PageSignals(TopFrame: true, HasPasswordField: Get("password") is not null, HasRememberMe: false, FormActionOrigin: null, BrandWords: brand) { TopOrigin = Get("top") is null ? null : "https://top.example" };
        if (Get("frame") is not null)
        {
            signals = signals with { TopFrame = false };
        }

        NetworkPosture? network = (Get("vpn") ?? "none") switch
        {
            "none" => null,
            var v => new NetworkPosture(Enum.Parse<VpnState>(v, ignoreCase: true), v == "unknown" ? "no route" : null, null, null, [], Get("ipv6leak") is not null, DateTimeOffset.UnixEpoch),
        };
        if (network is not null && Get("dnsleak") is not null)
        {
            network = network with { DnsOutsideTunnel = true };
        }

        var settings = PortalGuardSettings.Defaults with { RequireVpn = Get("requireVpn") is not null };
        var at = DateTimeOffset.UnixEpoch;
        return new AssessmentFacts(target, identity, signals, Get("action"), network, settings)
        {
            Resolution = Get("dns") == "suspicious"
                ? new PortalResolution(identity.Host, ResolutionOutcome.Resolved, [IPAddress.Parse("192.168.1.1")], IPAddress.Parse("192.168.1.1"), SpecialAddressRange.Private, null, at)
                : null,
            Tls = Get("tls") is { } tls ? new TlsFacts(tls == "none", Enum.Parse<TlsProblem>(tls, ignoreCase: true), "CN=Test CA", "spki", at.AddYears(60), at) : null,
            CertificateHistory = Get("certchanged") is null ? null
                : new CertificateObservation(FirstUse: false, Changed: true, "old-spki", new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero)),
            TopPage = Get("top") switch
            {
                "lookalike" => new PortalIdentity("mychart-ucsf.example", "mychart-ucsf.example", PortalIdentityStatus.Lookalike, portal, "mychart.ucsf.edu"),
                "known" => new PortalIdentity("mychart.ucsf.edu", "ucsf.edu", PortalIdentityStatus.Known, portal, null),
                "unknown" => new PortalIdentity("news.example", "news.example", PortalIdentityStatus.Unknown, null, null),
                _ => null,
            },
            Wifi = Get("wifi") is { } wifi
                ? new WifiFacts(WifiState.Connected, "Airport Free WiFi", wifi == "open" ? "--" : "WPA2", wifi == "open", null, at)
                : null,
        };
    }
}
