namespace PortalGuard.Network;

/// <summary>
/// macOS: every VPN (WireGuard, IKEv2, Tailscale, OpenVPN's utun mode) is a utun; the built-in Cisco IPSec client uses ipsec*,
/// L2TP and PPTP use ppp*. The kind comes from the name, the provider only when the name says it.
/// </summary>
internal sealed class MacInterfaceClassifier : IInterfaceClassifier
{
    public NetworkInterfaceFacts Classify(NetworkInterfaceSnapshot nic)
    {
        ArgumentNullException.ThrowIfNull(nic);
        var kind = TunnelKindPrecedence.Pick(InterfaceNameRules.KindForName(nic.Name), TunnelKindPrecedence.KindForAdapterType(nic.Type))
            ?? TunnelKind.None;
        return new NetworkInterfaceFacts(nic.Name, kind, kind is TunnelKind.None ? null : InterfaceNameRules.ProviderFor(nic.Name));
    }
}
