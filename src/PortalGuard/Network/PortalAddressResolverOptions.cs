using System.Net;

namespace PortalGuard.Network;

/// <summary>How <see cref="PortalAddressResolver"/> asks: briefly, once more at most, and the system's resolvers unless told otherwise.</summary>
internal sealed class PortalAddressResolverOptions
{
    /// <summary>How long to wait for one answer from one resolver.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many times to ask a resolver again after a timeout or network error (not after an answer, even an error).</summary>
    public int Retries { get; set; } = 1;

    /// <summary>The resolvers to ask; null for the ones the system is configured with (a test's own dnsmasq, otherwise).</summary>
    public IReadOnlyList<IPEndPoint>? NameServers { get; set; }
}
