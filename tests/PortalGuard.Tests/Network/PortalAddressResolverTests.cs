using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PortalGuard.Network;

namespace PortalGuard.Tests.Network;

// Lookups that need no DNS server. Real lookups run against the tests' own dnsmasq, in the integration tests.
public sealed class PortalAddressResolverTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public async Task No_configured_resolver_is_said_without_a_query()
    {
        var resolver = new PortalAddressResolver(Options.Create(new PortalAddressResolverOptions()), new NoResolvers(), new FakeTimeProvider(Now));

        var result = await resolver.ResolveAsync("mychart.example.org", CancellationToken.None);

        Assert.Equal(ResolutionOutcome.NoResolver, result.Outcome);
        Assert.Empty(result.Addresses);
        Assert.False(result.Suspicious);
        Assert.Equal(Now, result.CheckedAt);
    }

    [Theory]
    [InlineData("192.168.0.10", true)]
    [InlineData("::1", true)]
    [InlineData("128.218.0.1", false)]
    public async Task Address_literal_is_judged_as_it_is(string host, bool suspicious)
    {
        var resolver = new PortalAddressResolver(Options.Create(new PortalAddressResolverOptions()), new NoResolvers(), new FakeTimeProvider(Now));

        var result = await resolver.ResolveAsync(host, CancellationToken.None);

        Assert.Equal(ResolutionOutcome.Resolved, result.Outcome);
        Assert.Equal([IPAddress.Parse(host)], result.Addresses);
        Assert.Equal(suspicious, result.Suspicious);
    }

    private sealed class NoResolvers : IResolverSource
    {
        public DiscoveredResolvers Discover() => DiscoveredResolvers.None;
    }
}
