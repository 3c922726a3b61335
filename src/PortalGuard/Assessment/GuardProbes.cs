using Microsoft.Extensions.Options;
using PortalGuard.Network;
using PortalGuard.Tls;

namespace PortalGuard.Assessment;

/// <summary>The probes a check gathers facts with. Those that send traffic (DNS, TLS) are null when the guard is offline.</summary>
/// <param name="Dns">Looks up the portal's addresses with the resolver in use; null when offline.</param>
/// <param name="Tls">Connects to the portal to see its certificate; null when offline.</param>
/// <param name="Wifi">Asks the operating system about Wi-Fi (local only, cached).</param>
internal sealed record GuardProbes(INetworkPostureProbe Network, IPortalAddressResolver? Dns, ITlsProbe? Tls, IWifiProbe? Wifi)
{
    /// <summary>Set to 1 to make no DNS lookups and no TLS connections (tests, or a person who wants none).</summary>
    public const string OfflineVariable = "PORTALGUARD_OFFLINE";

    /// <param name="network">The posture probe to use (the host passes a cached one); the system's own when null.</param>
    public static GuardProbes ForCurrentSystem(TimeProvider time, bool offline, INetworkPostureProbe? network = null) => new(
        network ?? NetworkPostureProbe.ForCurrentSystem(time),
        offline ? null : new CachedPortalAddressResolver(PortalAddressResolver.ForCurrentSystem(time), time),
        offline ? null : new TlsProbe(Options.Create(new TlsProbeOptions()), time),
        new CachedWifiProbe(WifiProbe.ForCurrentSystem(time), time, CachedWifiProbe.DefaultTimeToLive));

    public static bool OfflineFromEnvironment(Func<string, string?> getEnvironmentVariable) =>
        getEnvironmentVariable(OfflineVariable) is "1" or "true";
}
