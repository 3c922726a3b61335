using System.Net;
using Microsoft.Extensions.Time.Testing;
using PortalGuard.Network;

namespace PortalGuard.Tests.Network;

public sealed class CachedPortalAddressResolverTests
{
    [Theory]
    [InlineData("Resolved", 59, 1)]
    [InlineData("Resolved", 61, 2)]
    [InlineData("Timeout", 4, 1)]
    [InlineData("Timeout", 6, 2)]
    public async Task An_answer_is_kept_a_minute_and_a_failure_a_few_seconds(string outcome, int secondsLater, int lookups)
    {
        var time = new FakeTimeProvider();
        var inner = new CountingResolver(Enum.Parse<ResolutionOutcome>(outcome), time);
        var cached = new CachedPortalAddressResolver(inner, time);

        await cached.ResolveAsync("mychart.ucsf.edu", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(secondsLater));
        await cached.ResolveAsync("mychart.ucsf.edu", CancellationToken.None);

        Assert.Equal(lookups, inner.Lookups);
    }

    private sealed class CountingResolver(ResolutionOutcome outcome, TimeProvider time) : IPortalAddressResolver
    {
        public int Lookups { get; private set; }

        public ValueTask<PortalResolution> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            Lookups++;
            IReadOnlyList<IPAddress> addresses = outcome == ResolutionOutcome.Resolved ? [IPAddress.Parse("203.0.113.7")] : [];
            return ValueTask.FromResult(new PortalResolution(host, outcome, addresses, null, null, null, time.GetUtcNow()));
        }
    }
}
