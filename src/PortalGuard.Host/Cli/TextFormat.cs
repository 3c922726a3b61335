using PortalGuard.Assessment;
using PortalGuard.Network;
using PortalGuard.Portals;
using PortalGuard.Tls;

namespace PortalGuard.Host.Cli;

/// <summary>The words the command line uses for PortalGuard's facts, in one place.</summary>
internal static class TextFormat
{
    public static string Identity(PortalIdentity identity) => identity.Status switch
    {
        PortalIdentityStatus.Known => "known patient portal",
        PortalIdentityStatus.VendorPattern => "looks like a patient portal, not on the list (unverified)",
        PortalIdentityStatus.Lookalike => $"LOOKALIKE of {identity.LookalikeOf}",
        _ => "not a patient portal we know",
    };

    public static string Compatibility(VpnCompatibility compatibility) => compatibility switch
    {
        VpnCompatibility.Yes => "works over a VPN",
        VpnCompatibility.Usually => "usually works over a VPN",
        VpnCompatibility.Sometimes => "sometimes works over a VPN",
        VpnCompatibility.No => "does not work over a VPN",
        _ => "unknown",
    };

    public static string Network(NetworkPosture network)
    {
        var egress = network.Egress is { } e ? $" (leaves through {e.Name}{(e.IsTunnel ? $", {Tunnel(e)}" : string.Empty)})" : string.Empty;
        var state = network.Vpn switch
        {
            VpnState.On => "VPN on",
            VpnState.Off => "VPN off",
            VpnState.Split => "VPN up, but this traffic goes around it",
            _ => $"VPN state unknown: {network.VpnUnknownReason}",
        };
        var leak = network.Ipv6BypassesTunnel ? "; IPv6 goes around the VPN" : string.Empty;
        return state + egress + leak;
    }

    public static string Dns(PortalResolution dns) => dns.Outcome switch
    {
        ResolutionOutcome.Resolved when dns.Suspicious => $"SUSPICIOUS answer {dns.SuspiciousAddress} ({dns.SuspiciousRange})",
        ResolutionOutcome.Resolved => string.Join(", ", dns.Addresses),
        _ => $"{dns.Outcome}{(dns.Detail is null ? string.Empty : ": " + dns.Detail)}",
    };

    public static string Tls(TlsFacts tls) => tls.Valid
        ? $"valid, issued by {tls.Issuer}, until {tls.NotAfter:yyyy-MM-dd}"
        : $"{tls.Problem}{(tls.Detail is null ? string.Empty : ": " + tls.Detail)}";

    public static string Wifi(WifiFacts wifi) => wifi.State switch
    {
        WifiState.Connected => $"{wifi.Ssid ?? "(hidden)"} — {(wifi.Open ? "OPEN, no password" : wifi.Security ?? "secured")}",
        WifiState.None => "not on Wi-Fi",
        _ => $"unknown{(wifi.Problem is null ? string.Empty : " (" + wifi.Problem + ")")}",
    };

    public static string Level(VerdictLevel level) => level switch
    {
        VerdictLevel.Ok => "ok",
        VerdictLevel.Warn => "WARN",
        _ => "BLOCK",
    };

    public static string OnOff(bool value) => value ? "on" : "off";

    private static string Tunnel(NetworkInterfaceFacts tunnel) =>
        tunnel.Provider is { } provider ? $"{tunnel.Kind.ToString().ToLowerInvariant()}, {provider}" : tunnel.Kind.ToString().ToLowerInvariant();
}
