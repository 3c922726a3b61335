using System.Security.Cryptography.X509Certificates;

namespace PortalGuard.Tls;

/// <summary>How <see cref="TlsProbe"/> connects and how long it remembers.</summary>
internal sealed class TlsProbeOptions
{
    /// <summary>For the connection and the handshake together.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a seen certificate (valid or not) is remembered per host and port.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a failure to see one (timeout, unreachable, handshake failed) is remembered: the network may come back soon.</summary>
    public TimeSpan FailureCacheTtl { get; set; } = TimeSpan.FromSeconds(30);

    public int Port { get; set; } = 443;

    /// <summary>
    /// Roots to trust instead of the system store; null (the default) for the system store. For tests, which make their
    /// own authority, and for an organisation that pins its own.
    /// </summary>
    public X509Certificate2Collection? CustomTrustRoots { get; set; }
}
