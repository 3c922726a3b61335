using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using DnsClient;

namespace PortalGuard.Network;

/// <summary>
/// Finds the DNS resolvers in use without sending a query. Linux: <c>/etc/resolv.conf</c>, and when that names only
/// systemd-resolved's stub, the upstream servers resolved writes to <c>/run/systemd/resolve/resolv.conf</c> (the stub's
/// route is loopback and says nothing; the upstream servers' routes are where a leak would be). Elsewhere: DnsClient's
/// discovery (the adapters' DNS servers on Windows, <c>/etc/resolv.conf</c> as configd writes it on macOS).
/// </summary>
internal sealed class ResolverDiscovery : IResolverSource
{
    private const string ResolvConf = "etc/resolv.conf";

    /// <summary>systemd-resolved's own list of upstream servers (global and per link), kept up to date while it runs.</summary>
    private const string SystemdResolvedUpstream = "run/systemd/resolve/resolv.conf";

    /// <summary>Where to read the Linux files from; null to use DnsClient's discovery.</summary>
    private readonly string? _linuxRoot;

    private ResolverDiscovery(string? linuxRoot)
    {
        _linuxRoot = linuxRoot;
    }

    public static ResolverDiscovery ForCurrentSystem() => new(OperatingSystem.IsLinux() ? "/" : null);

    /// <summary>Reads <c>etc/resolv.conf</c> and <c>run/systemd/resolve/resolv.conf</c> under <paramref name="root"/> (a test's folder).</summary>
    public static ResolverDiscovery ForLinuxRoot(string root) => new(root);

    public DiscoveredResolvers Discover()
    {
        if (_linuxRoot is null)
        {
            var found = FromDnsClient();
            return new DiscoveredResolvers(found, found, ViaSystemdResolved: false);
        }

        var configured = ReadNameServers(Path.Combine(_linuxRoot, ResolvConf));
        if (configured.Count > 0 && configured.All(IsSystemdResolvedStub))
        {
            var upstream = ReadNameServers(Path.Combine(_linuxRoot, SystemdResolvedUpstream));
            if (upstream.Count > 0)
            {
                return new DiscoveredResolvers(configured, upstream, ViaSystemdResolved: true);
            }
        }

        return new DiscoveredResolvers(configured, configured, ViaSystemdResolved: false);
    }

    /// <summary>The <c>nameserver</c> lines of a resolv.conf, in order, duplicates dropped; lines that do not parse are skipped.</summary>
    public static IReadOnlyList<IPAddress> ParseNameServers(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var servers = new List<IPAddress>();
        foreach (var raw in lines)
        {
            var line = raw.AsSpan().Trim();
            if (!line.StartsWith("nameserver", StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line["nameserver".Length..];
            if (rest.IsEmpty || !char.IsWhiteSpace(rest[0]))
            {
                continue;
            }

            // "nameserver 10.0.0.1 # comment" is not valid resolv.conf, but a trailing word must not spoil the address.
            rest = rest.Trim();
            var end = rest.IndexOfAny(" \t#;");
            var text = end < 0 ? rest : rest[..end];
            if (TryParseServer(text, out var address) && !servers.Contains(address))
            {
                servers.Add(address);
            }
        }

        return servers;
    }

    /// <summary>127.0.0.53 (the stub) and 127.0.0.54 (the proxy stub) are systemd-resolved's own listeners.</summary>
    public static bool IsSystemdResolvedStub(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[4];
        return address.TryWriteBytes(bytes, out _) && bytes[0] == 127 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] is 53 or 54;
    }

    private static bool TryParseServer(ReadOnlySpan<char> text, out IPAddress address)
    {
        if (IPAddress.TryParse(text, out address!))
        {
            return true;
        }

        // fe80::1%wlan0 where the interface name cannot be turned into a scope id here: the address alone still routes.
        var percent = text.IndexOf('%');
        return percent > 0 && IPAddress.TryParse(text[..percent], out address!);
    }

    private static IReadOnlyList<IPAddress> ReadNameServers(string path)
    {
        try
        {
            return File.Exists(path) ? ParseNameServers(File.ReadLines(path)) : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static List<IPAddress> FromDnsClient()
    {
        try
        {
            // Never the fallback to Google's public servers: a resolver that is not configured must not be reported as in use.
            var servers = new List<IPAddress>();
            foreach (var server in NameServer.ResolveNameServers(skipIPv6SiteLocal: true, fallbackToGooglePublicDns: false))
            {
                if (TryParseServer(server.Address, out var address) && !servers.Contains(address))
                {
                    servers.Add(address);
                }
            }

            return servers;
        }
        catch (Exception ex) when (ex is NetworkInformationException or InvalidOperationException or SocketException)
        {
            return [];
        }
    }
}
