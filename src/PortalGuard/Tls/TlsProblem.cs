using System.Text.Json.Serialization;
using PortalGuard.Json;

namespace PortalGuard.Tls;

/// <summary>What is wrong with a portal's TLS, as this machine sees it; the first that applies, in this order of gravity.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<TlsProblem>))]
public enum TlsProblem
{
    /// <summary>The certificate chains to a trusted root, names the host and is in its validity period.</summary>
    None,

    /// <summary>The chain does not lead to a trusted root (self-signed, unknown or intercepting authority, bad signature).</summary>
    Untrusted,

    /// <summary>The certificate is past its end date (or a certificate in its chain is).</summary>
    Expired,

    /// <summary>The certificate's start date is still to come.</summary>
    NotYetValid,

    /// <summary>The certificate is valid, but for other names than this host.</summary>
    NameMismatch,

    /// <summary>The server accepted the connection but no TLS handshake completed (not TLS, no common protocol, no certificate).</summary>
    HandshakeFailed,

    /// <summary>No answer in time: the connection or the handshake hung.</summary>
    Timeout,

    /// <summary>The connection was refused, or there is no route to the server, or its name did not resolve.</summary>
    Unreachable,
}
