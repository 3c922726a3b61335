namespace PortalGuard.Network;

/// <summary>The Wi-Fi network this machine is on, as the operating system's own tool reports it.</summary>
/// <param name="Ssid">The network's name; null when not connected or hidden. A place name (a hotel, a clinic): show it, never log it.</param>
/// <param name="Security">The security as the tool words it (<c>WPA2</c>, <c>WPA2-Personal</c>, <c>Open</c>); null when not connected or unreadable.</param>
/// <param name="Open">Connected to a network without encryption, or with WEP (broken): anyone nearby can read or alter the traffic.</param>
/// <param name="Problem">Why <paramref name="State"/> is unknown, or why the security could not be read; null otherwise.</param>
public sealed record WifiFacts(WifiState State, string? Ssid, string? Security, bool Open, string? Problem, DateTimeOffset CheckedAt)
{
    public static WifiFacts Unknown(string problem, DateTimeOffset checkedAt) => new(WifiState.Unknown, Ssid: null, Security: null, Open: false, problem, checkedAt);

    public static WifiFacts NotConnected(DateTimeOffset checkedAt) => new(WifiState.None, Ssid: null, Security: null, Open: false, Problem: null, checkedAt);
}
