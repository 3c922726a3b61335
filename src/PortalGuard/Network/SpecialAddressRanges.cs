using System.Net;
using System.Net.Sockets;

namespace PortalGuard.Network;

/// <summary>Tells whether an address lies in a range a public web server cannot have (IANA's special-purpose registries).</summary>
internal static class SpecialAddressRanges
{
    // Most specific first where ranges nest (0.0.0.0/32 inside 0/8, ::1 inside ::/8).
    private static readonly Prefix[] V4 =
    [
        Prefix.Parse("0.0.0.0/32", SpecialAddressRange.Unspecified),
        Prefix.Parse("0.0.0.0/8", SpecialAddressRange.ThisNetwork),
        Prefix.Parse("10.0.0.0/8", SpecialAddressRange.Private),
        Prefix.Parse("100.64.0.0/10", SpecialAddressRange.SharedCgnat),
        Prefix.Parse("127.0.0.0/8", SpecialAddressRange.Loopback),
        Prefix.Parse("169.254.0.0/16", SpecialAddressRange.LinkLocal),
        Prefix.Parse("172.16.0.0/12", SpecialAddressRange.Private),
        Prefix.Parse("192.0.0.0/24", SpecialAddressRange.Reserved),
        Prefix.Parse("192.0.2.0/24", SpecialAddressRange.Documentation),
        Prefix.Parse("192.168.0.0/16", SpecialAddressRange.Private),
        Prefix.Parse("198.18.0.0/15", SpecialAddressRange.Benchmarking),
        Prefix.Parse("198.51.100.0/24", SpecialAddressRange.Documentation),
        Prefix.Parse("203.0.113.0/24", SpecialAddressRange.Documentation),
        Prefix.Parse("224.0.0.0/4", SpecialAddressRange.Multicast),
        Prefix.Parse("255.255.255.255/32", SpecialAddressRange.Broadcast),
        Prefix.Parse("240.0.0.0/4", SpecialAddressRange.Reserved),
    ];

    private static readonly Prefix[] V6 =
    [
        Prefix.Parse("::/128", SpecialAddressRange.Unspecified),
        Prefix.Parse("::1/128", SpecialAddressRange.Loopback),
        Prefix.Parse("::/8", SpecialAddressRange.Reserved), // after the IPv4-mapped check below: ::ffff:0:0/96 lies inside it
        Prefix.Parse("100::/64", SpecialAddressRange.Discard),
        Prefix.Parse("2001:2::/48", SpecialAddressRange.Benchmarking),
        Prefix.Parse("2001:db8::/32", SpecialAddressRange.Documentation),
        Prefix.Parse("3fff::/20", SpecialAddressRange.Documentation),
        Prefix.Parse("fc00::/7", SpecialAddressRange.UniqueLocal),
        Prefix.Parse("fe80::/10", SpecialAddressRange.LinkLocal),
        Prefix.Parse("fec0::/10", SpecialAddressRange.SiteLocal),
        Prefix.Parse("ff00::/8", SpecialAddressRange.Multicast),
    ];

    /// <summary>NAT64's well-known prefix: the last 32 bits are an IPv4 address, judged as such.</summary>
    private static readonly Prefix Nat64 = Prefix.Parse("64:ff9b::/96", SpecialAddressRange.Reserved);

    /// <summary>The special range <paramref name="address"/> lies in, or null for an ordinary public address.</summary>
    public static SpecialAddressRange? Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return Classify(address.MapToIPv4());
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var length))
        {
            return null;
        }

        bytes = bytes[..length];
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && Nat64.Contains(bytes))
        {
            return Classify(new IPAddress(bytes[12..]));
        }

        foreach (var prefix in address.AddressFamily == AddressFamily.InterNetwork ? V4 : V6)
        {
            if (prefix.Contains(bytes))
            {
                return prefix.Range;
            }
        }

        return null;
    }

    private sealed record Prefix(byte[] Network, int Length, SpecialAddressRange Range)
    {
        public static Prefix Parse(string cidr, SpecialAddressRange range)
        {
            var slash = cidr.IndexOf('/', StringComparison.Ordinal);
            return new Prefix(IPAddress.Parse(cidr[..slash]).GetAddressBytes(), int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture), range);
        }

        public bool Contains(ReadOnlySpan<byte> address)
        {
            if (address.Length != Network.Length)
            {
                return false;
            }

            var whole = Length / 8;
            if (!address[..whole].SequenceEqual(Network.AsSpan(0, whole)))
            {
                return false;
            }

            var bits = Length % 8;
            if (bits == 0)
            {
                return true;
            }

            var mask = (byte)(0xFF << (8 - bits));
            return (address[whole] & mask) == (Network[whole] & mask);
        }
    }
}
