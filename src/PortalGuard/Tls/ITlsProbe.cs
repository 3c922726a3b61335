using System.Net;

namespace PortalGuard.Tls;

/// <summary>Looks at a portal's certificate over a real TLS handshake.</summary>
internal interface ITlsProbe
{
    /// <summary>
    /// The certificate facts for <paramref name="host"/> on the configured port, connecting to <paramref name="addresses"/>
    /// when given (else the system resolves the name) with the host as SNI; cached per host and port. Never throws for a
    /// network or certificate failure: the facts say it.
    /// </summary>
    ValueTask<TlsFacts> ProbeAsync(string host, IReadOnlyList<IPAddress>? addresses, CancellationToken cancellationToken);
}
