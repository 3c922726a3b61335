using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using PortalGuard.Tls;

namespace PortalGuard.IntegrationTests.Tls;

// Real TLS servers on 127.0.0.1 with certificates made here. The portal's name is mapped to 127.0.0.1 by the address list:
// no name is looked up.
public sealed class TlsProbeTests : IDisposable
{
    private const string Portal = "mychart.ucsf.edu";

    private static readonly IPAddress[] Loopback = [IPAddress.Loopback];

    private readonly TestCertificateAuthority _authority = TestCertificateAuthority.Create("PortalGuard TLS Test CA");

    [Fact]
    public async Task Certificate_from_a_trusted_authority_for_the_portal_is_valid_with_issuer_key_pin_and_end_date()
    {
        using var leaf = _authority.IssueServer(Portal);
        await using var server = TestTlsServer.WithCertificate(leaf);

        var facts = await Probe(server.Port).ProbeAsync(Portal, Loopback, CancellationToken.None);

        Assert.True(facts.Valid, facts.Detail);
        Assert.Equal(TlsProblem.None, facts.Problem);
        Assert.Equal(_authority.Certificate.Subject, facts.Issuer);
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(leaf.PublicKey.ExportSubjectPublicKeyInfo())), facts.SpkiSha256);
        Assert.Equal(new DateTimeOffset(leaf.NotAfter.ToUniversalTime()), facts.NotAfter);
        Assert.Null(facts.Detail);
    }

    [Fact]
    public async Task Certificate_from_an_authority_not_trusted_is_untrusted()
    {
        using var otherAuthority = TestCertificateAuthority.Create("Intercepting Proxy CA");
        using var leaf = otherAuthority.IssueServer(Portal);
        await using var server = TestTlsServer.WithCertificate(leaf);

        var facts = await Probe(server.Port).ProbeAsync(Portal, Loopback, CancellationToken.None);

        Assert.False(facts.Valid);
        Assert.Equal(TlsProblem.Untrusted, facts.Problem);
        Assert.Equal(otherAuthority.Certificate.Subject, facts.Issuer);
        Assert.NotNull(facts.SpkiSha256);
        Assert.Contains("RemoteCertificateChainErrors", facts.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Self_signed_certificate_is_untrusted()
    {
        using var leaf = TestCertificateAuthority.SelfSigned(Portal);
        await using var server = TestTlsServer.WithCertificate(leaf);

        var facts = await Probe(server.Port).ProbeAsync(Portal, Loopback, CancellationToken.None);

        Assert.Equal(TlsProblem.Untrusted, facts.Problem);
    }

    [Fact]
    public async Task Test_authority_is_not_in_the_system_store_so_by_default_it_is_untrusted()
    {
        using var leaf = _authority.IssueServer(Portal);
        await using var server = TestTlsServer.WithCertificate(leaf);

        var facts = await Probe(server.Port, trustRoots: null).ProbeAsync(Portal, Loopback, CancellationToken.None);

        Assert.Equal(TlsProblem.Untrusted, facts.Problem);
    }

    [Fact]
    public async Task Certificate_for_another_name_is_a_name_mismatch()
    {
        using var leaf = _authority.IssueServer("mychart.example.org");
        await using var server = TestTlsServer.WithCertificate(leaf);

        var facts = await Probe(server.Port).ProbeAsync(Portal, Loopback, CancellationToken.None);

        Assert.Equal(TlsProblem.NameMismatch, facts.Problem);
        Assert.False(facts.Valid);
    }

    [Fact]
    public async Task Certificate_past_its_end_date_is_expired()
    {
        using var leaf = _authority.IssueServer(Portal, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));
        await using var server = TestTlsServer.WithCertificate(leaf);

        var facts = await Probe(server.Port).ProbeAsync(Portal, Loopback, CancellationToken.None);

        Assert.Equal(TlsProblem.Expired, facts.Problem);
        Assert.True(facts.NotAfter < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Certificate_before_its_start_date_is_not_yet_valid()
    {
        using var leaf = _authority.IssueServer(Portal, DateTimeOffset.UtcNow.AddDays(2), DateTimeOffset.UtcNow.AddDays(30));
        await using var server = TestTlsServer.WithCertificate(leaf);

        var facts = await Probe(server.Port).ProbeAsync(Portal, Loopback, CancellationToken.None);

        Assert.Equal(TlsProblem.NotYetValid, facts.Problem);
    }

    [Fact]
    public async Task Expiry_is_judged_at_the_time_providers_now()
    {
        using var leaf = _authority.IssueServer(Portal, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        await using var server = TestTlsServer.WithCertificate(leaf);
        var time = new ShiftableTime();
        time.Advance(TimeSpan.FromDays(8));

        var facts = await Probe(server.Port, time: time).ProbeAsync(Portal, Loopback, CancellationToken.None);

        Assert.Equal(TlsProblem.Expired, facts.Problem);
    }

    [Fact]
    public async Task Server_that_accepts_and_never_answers_times_out_quickly()
    {
        await using var server = TestTlsServer.Silent();
        var clock = Stopwatch.StartNew();

        var facts = await Probe(server.Port, timeout: TimeSpan.FromMilliseconds(300)).ProbeAsync(Portal, Loopback, CancellationToken.None);

        Assert.Equal(TlsProblem.Timeout, facts.Problem);
        Assert.Equal(1, server.Accepted);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Null(facts.SpkiSha256);
    }

    [Fact]
    public async Task Closed_port_is_unreachable()
    {
        var facts = await Probe(TestTlsServer.ClosedPort()).ProbeAsync(Portal, Loopback, CancellationToken.None);

        Assert.Equal(TlsProblem.Unreachable, facts.Problem);
        Assert.Contains("ConnectionRefused", facts.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_that_does_not_speak_TLS_fails_the_handshake()
    {
        await using var server = TestTlsServer.PlainText();

        var facts = await Probe(server.Port).ProbeAsync(Portal, Loopback, CancellationToken.None);

        Assert.Equal(TlsProblem.HandshakeFailed, facts.Problem);
    }

    [Fact]
    public async Task Second_probe_within_the_time_to_live_does_not_reconnect_and_one_after_it_does()
    {
        using var leaf = _authority.IssueServer(Portal);
        await using var server = TestTlsServer.WithCertificate(leaf);
        var time = new ShiftableTime();
        var probe = Probe(server.Port, time: time);

        var first = await probe.ProbeAsync(Portal, Loopback, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(9));
        var second = await probe.ProbeAsync("MyChart.UCSF.edu.", Loopback, CancellationToken.None);
        Assert.Equal(1, server.Accepted);
        Assert.Same(first, second);

        time.Advance(TimeSpan.FromMinutes(2));
        await probe.ProbeAsync(Portal, Loopback, CancellationToken.None);
        Assert.Equal(2, server.Accepted);
    }

    [Fact]
    public async Task Concurrent_probes_of_one_host_make_one_connection()
    {
        using var leaf = _authority.IssueServer(Portal);
        await using var server = TestTlsServer.WithCertificate(leaf);
        var probe = Probe(server.Port);

        var all = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => probe.ProbeAsync(Portal, Loopback, CancellationToken.None).AsTask()));

        Assert.All(all, facts => Assert.True(facts.Valid));
        Assert.Equal(1, server.Accepted);
    }

    public void Dispose() => _authority.Dispose();

    private TlsProbe Probe(int port, TimeSpan? timeout = null, TimeProvider? time = null) =>
        Probe(port, new X509Certificate2Collection(_authority.Certificate), timeout, time);

    private static TlsProbe Probe(int port, X509Certificate2Collection? trustRoots, TimeSpan? timeout = null, TimeProvider? time = null) =>
        new(
            Options.Create(new TlsProbeOptions { Port = port, CustomTrustRoots = trustRoots, Timeout = timeout ?? TimeSpan.FromSeconds(3) }),
            time ?? TimeProvider.System);
}
