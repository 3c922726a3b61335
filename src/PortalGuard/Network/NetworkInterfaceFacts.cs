namespace PortalGuard.Network;

/// <summary>One network interface as PortalGuard classifies it.</summary>
/// <param name="Name">The operating system's name (<c>wg0</c>, <c>eth0</c>, <c>Wi-Fi</c>).</param>
/// <param name="Provider">The VPN provider when the name or description makes it plain (<c>Mullvad</c>, <c>NordVPN</c>), else null.</param>
public sealed record NetworkInterfaceFacts(string Name, TunnelKind Kind, string? Provider)
{
    public bool IsTunnel => Kind is not TunnelKind.None;
}
