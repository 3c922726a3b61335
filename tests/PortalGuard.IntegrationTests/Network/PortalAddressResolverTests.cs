using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using PortalGuard.Network;

namespace PortalGuard.IntegrationTests.Network;

// The real resolver against the test's own dnsmasq on 127.0.0.1 at a free port: only names under .test, which it answers itself.
public sealed class PortalAddressResolverTests
{
    private static readonly Dictionary<string, string[]> Zone = new(StringComparer.Ordinal)
    {
        ["portal.test"] = ["11.250.0.10", "2a0f:9400:7700::10"], // public-looking; never contacted, only judged
        ["hijacked.test"] = ["192.168.66.6"],
        ["mixed.test"] = ["11.250.0.11", "10.9.8.7"],
        ["ula-only.test"] = ["fd66::6"],
        ["blocked.test"] = ["0.0.0.0"],
        ["cgnat.test"] = ["100.64.1.1"],
    };

    [DnsmasqFact]
    public async Task Public_answers_are_not_suspicious()
    {
        await using var dns = await DnsmasqServer.StartOnLoopbackAsync(Zone);

        var result = await Resolver(dns.EndPoint).ResolveAsync("portal.test", CancellationToken.None);

        Assert.Equal(ResolutionOutcome.Resolved, result.Outcome);
        Assert.Equal([IPAddress.Parse("11.250.0.10"), IPAddress.Parse("2a0f:9400:7700::10")], result.Addresses);
        Assert.False(result.Suspicious);
        Assert.Null(result.SuspiciousRange);
        Assert.Equal(2, dns.QueriesFor("portal.test")); // one A, one AAAA: no storm
    }

    [DnsmasqFact]
    public async Task Private_answer_for_a_portal_is_suspicious_with_its_range()
    {
        await using var dns = await DnsmasqServer.StartOnLoopbackAsync(Zone);

        var result = await Resolver(dns.EndPoint).ResolveAsync("hijacked.test", CancellationToken.None);

        Assert.True(result.Suspicious);
        Assert.Equal(IPAddress.Parse("192.168.66.6"), result.SuspiciousAddress);
        Assert.Equal(SpecialAddressRange.Private, result.SuspiciousRange);
    }

    [DnsmasqFact]
    public async Task One_bogus_answer_among_public_ones_is_enough()
    {
        await using var dns = await DnsmasqServer.StartOnLoopbackAsync(Zone);
        var resolver = Resolver(dns.EndPoint);

        var mixed = await resolver.ResolveAsync("mixed.test", CancellationToken.None);
        var ula = await resolver.ResolveAsync("ula-only.test", CancellationToken.None);
        var blocked = await resolver.ResolveAsync("blocked.test", CancellationToken.None);
        var cgnat = await resolver.ResolveAsync("cgnat.test", CancellationToken.None);

        Assert.Equal((IPAddress.Parse("10.9.8.7"), SpecialAddressRange.Private), (mixed.SuspiciousAddress, mixed.SuspiciousRange));
        Assert.Equal(SpecialAddressRange.UniqueLocal, ula.SuspiciousRange);
        Assert.Equal(SpecialAddressRange.Unspecified, blocked.SuspiciousRange);
        Assert.Equal(SpecialAddressRange.SharedCgnat, cgnat.SuspiciousRange);
    }

    [DnsmasqFact]
    public async Task Name_the_resolver_does_not_know_is_not_found()
    {
        await using var dns = await DnsmasqServer.StartOnLoopbackAsync(Zone);

        var result = await Resolver(dns.EndPoint).ResolveAsync("absent.test", CancellationToken.None);

        Assert.Equal(ResolutionOutcome.NotFound, result.Outcome);
        Assert.Empty(result.Addresses);
        Assert.False(result.Suspicious);
    }

    [Fact]
    public async Task Resolver_that_never_answers_times_out_after_one_retry()
    {
        // A UDP socket of this test's own that reads queries and never answers.
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var clock = Stopwatch.StartNew();

        var result = await Resolver((IPEndPoint)silent.LocalEndPoint!, TimeSpan.FromMilliseconds(200)).ResolveAsync("portal.test", CancellationToken.None);

        Assert.Equal(ResolutionOutcome.Timeout, result.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var received = 0;
        var buffer = new byte[512];
        while (silent.Available > 0)
        {
            silent.Receive(buffer);
            received++;
        }

        Assert.Equal(4, received); // A and AAAA, each asked once and retried once
    }

    private static PortalAddressResolver Resolver(IPEndPoint server, TimeSpan? timeout = null) =>
        new(
            Options.Create(new PortalAddressResolverOptions { NameServers = [server], Timeout = timeout ?? TimeSpan.FromSeconds(2) }),
            new NoSystemResolvers(),
            TimeProvider.System);

    /// <summary>The system's resolvers are never asked in these tests.</summary>
    private sealed class NoSystemResolvers : IResolverSource
    {
        public DiscoveredResolvers Discover() => throw new InvalidOperationException("the system's resolvers must not be used here");
    }
}
