namespace PortalGuard.IntegrationTests.Tls;

/// <summary>The real clock and timers, with "now" movable forward: cache expiry is tested without waiting, timeouts still fire.</summary>
internal sealed class ShiftableTime : TimeProvider
{
    private TimeSpan _shift;

    public void Advance(TimeSpan by) => _shift += by;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _shift;
}
