namespace PortalGuard.IntegrationTests.Network;

/// <summary>
/// A test that needs dnsmasq (on loopback, no root needed): skipped, with the reason, where it is missing, unless the run is
/// CI or <c>PORTALGUARD_REQUIRE_LAB=1</c>, where a missing prerequisite must fail instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class DnsmasqFactAttribute : FactAttribute
{
    public DnsmasqFactAttribute()
    {
        if (DnsmasqServer.MissingPrerequisite() is { } missing && !WireGuardLab.IsRequired)
        {
            Skip = $"skipped: {missing} (listed in .ci/apt-packages). Set PORTALGUARD_REQUIRE_LAB=1 to fail instead.";
        }
    }
}
