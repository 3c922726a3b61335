using System.Text.Json.Serialization;
using PortalGuard.Json;

namespace PortalGuard.Network;

/// <summary>A range of addresses that no public web server can have: a portal's name resolving into one is a hijack or a captive portal.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SpecialAddressRange>))]
public enum SpecialAddressRange
{
    /// <summary>0.0.0.0, :: — also what blocking resolvers answer.</summary>
    Unspecified,

    /// <summary>0.0.0.0/8 other than 0.0.0.0.</summary>
    ThisNetwork,

    /// <summary>RFC 1918: 10/8, 172.16/12, 192.168/16.</summary>
    Private,

    /// <summary>RFC 6598 shared address space, 100.64/10 (carrier-grade NAT).</summary>
    SharedCgnat,

    /// <summary>127/8, ::1.</summary>
    Loopback,

    /// <summary>169.254/16, fe80::/10.</summary>
    LinkLocal,

    /// <summary>192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20.</summary>
    Documentation,

    /// <summary>198.18/15, 2001:2::/48.</summary>
    Benchmarking,

    /// <summary>224/4, ff00::/8.</summary>
    Multicast,

    /// <summary>255.255.255.255.</summary>
    Broadcast,

    /// <summary>fc00::/7.</summary>
    UniqueLocal,

    /// <summary>fec0::/10, deprecated but still routed inside some networks.</summary>
    SiteLocal,

    /// <summary>100::/64, the IPv6 discard prefix.</summary>
    Discard,

    /// <summary>240/4, 192.0.0/24 and the rest of ::/8: reserved, never a public host.</summary>
    Reserved,
}
