namespace PortalGuard.Portals;

/// <summary>A URL or host name reduced to what PortalGuard may look at and keep: scheme, host and port. Never a path or query.</summary>
/// <param name="Scheme"><c>https</c> or <c>http</c>.</param>
/// <param name="Host">Lowercase ASCII (IDN converted to punycode), no trailing dot, IPv6 without brackets.</param>
/// <param name="Port">The effective port (443 for https, 80 for http, unless given).</param>
/// <param name="IsIpLiteral">The host is an IPv4 or IPv6 address: never a portal.</param>
public sealed record WebTarget(string Scheme, string Host, int Port, bool IsIpLiteral)
{
    /// <summary>The origin, as a browser writes it: <c>https://mychart.ucsf.edu</c>, with the port only when not the default.</summary>
    public string Origin
    {
        get
        {
            var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
            var defaultPort = Scheme == "https" ? 443 : 80;
            return Port == defaultPort ? $"{Scheme}://{host}" : $"{Scheme}://{host}:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }
    }

    public bool IsHttps => Scheme == "https";
}
