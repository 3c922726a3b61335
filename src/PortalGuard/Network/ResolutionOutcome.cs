using System.Text.Json.Serialization;
using PortalGuard.Json;

namespace PortalGuard.Network;

/// <summary>How a lookup of a portal's name ended.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ResolutionOutcome>))]
public enum ResolutionOutcome
{
    /// <summary>At least one address came back.</summary>
    Resolved,

    /// <summary>The resolver says the name does not exist (NXDOMAIN).</summary>
    NotFound,

    /// <summary>The name exists but has no A or AAAA record.</summary>
    NoAddress,

    /// <summary>The resolver answered with an error (SERVFAIL, REFUSED, …) or could not be reached.</summary>
    Failed,

    /// <summary>No answer within the timeout.</summary>
    Timeout,

    /// <summary>No resolver is configured on this machine.</summary>
    NoResolver,
}
