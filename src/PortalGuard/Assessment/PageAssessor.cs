using System.Globalization;
using PortalGuard.Network;
using PortalGuard.Portals;
using PortalGuard.Storage;
using PortalGuard.Tls;

namespace PortalGuard.Assessment;

/// <summary>Decides a verdict from facts. Pure: no I/O, no clock, so every rule is a table row in the tests.</summary>
internal static class PageAssessor
{
    public static Verdict Assess(AssessmentFacts facts)
    {
        var reasons = new List<VerdictReason>();
        var identity = facts.Identity;
        var signals = facts.Signals;
        var isPortal = identity.Status is PortalIdentityStatus.Known or PortalIdentityStatus.VendorPattern;
        var name = identity.Portal?.Name ?? identity.Host;

        if (identity.Status == PortalIdentityStatus.Lookalike)
        {
            reasons.Add(new(ReasonCodes.LookalikeDomain, ReasonSeverity.Block,
                $"This site is not {identity.LookalikeOf}, but its name is made to look like it. Do not sign in here."));
        }

        if (!signals.TopFrame && facts.TopPage is { Status: PortalIdentityStatus.Lookalike } top)
        {
            // The frame may be anyone's (even the real portal's): what the person sees around it is the lookalike's page.
            reasons.Add(new(ReasonCodes.FramedByLookalike, ReasonSeverity.Block,
                $"This sign-in form is inside a page ({top.Host}) whose name is made to look like {top.LookalikeOf}. Do not sign in here."));
        }

        var brandOnUnknownSite = identity.Status == PortalIdentityStatus.Unknown && signals.BrandWords.Count > 0;
        if (brandOnUnknownSite)
        {
            reasons.Add(new(ReasonCodes.UnknownPortalBrand, ReasonSeverity.Warn,
                $"This page calls itself {signals.BrandWords[0]}, but {identity.Host} is not a patient portal we know. Check the address before you sign in."));
        }

        var mattersForLogin = isPortal || signals.HasPasswordField || identity.Status == PortalIdentityStatus.Lookalike || brandOnUnknownSite;
        if (!facts.Target.IsHttps && mattersForLogin)
        {
            reasons.Add(new(ReasonCodes.NotHttps, ReasonSeverity.Block,
                "This page does not use a secure connection (HTTPS). Anyone on this network could read what you type. Do not sign in here."));
        }

        if (signals.HasPasswordField
            && facts.FormActionRegistrableDomain is { } actionDomain
            && identity.RegistrableDomain is { } pageDomain
            && !string.Equals(actionDomain, pageDomain, StringComparison.Ordinal))
        {
            reasons.Add(new(ReasonCodes.CredentialsCrossSite, ReasonSeverity.Block,
                $"The sign-in form on this page sends your password to another site ({actionDomain}). Do not sign in here."));
        }

        if (identity.Status == PortalIdentityStatus.VendorPattern)
        {
            reasons.Add(new(ReasonCodes.PortalUnverified, ReasonSeverity.Info,
                $"This address looks like {name}, but it is not on our list of known portals. Make sure it is the address your clinic gave you."));
        }

        if (isPortal && facts.Resolution is { Suspicious: true } resolution)
        {
            reasons.Add(new(ReasonCodes.DnsAnswerSuspicious, ReasonSeverity.Block,
                $"This network sent {name} to an address ({resolution.SuspiciousAddress}) that a real patient portal never has. The network may be redirecting you (a hotel sign-in page or an attacker). Do not sign in here."));
        }

        if (isPortal && facts.Tls is { } tls)
        {
            AddCertificateReasons(reasons, tls, facts.CertificateHistory, identity.Host);
        }

        if (isPortal && facts.Network is { } network)
        {
            AddNetworkReasons(reasons, network, identity.Portal, name, facts.Settings.RequireVpn);
        }

        if (isPortal && facts.Wifi is { Open: true } wifi)
        {
            // An open network and no VPN: everyone nearby shares the traffic. With a VPN on it is only a warning.
            var severity = facts.Network is { Vpn: VpnState.On } ? ReasonSeverity.Warn : ReasonSeverity.Block;
            var where = wifi.Ssid is { Length: > 0 } ssid ? $"the Wi-Fi \"{ssid}\"" : "this Wi-Fi";
            reasons.Add(new(ReasonCodes.OpenWifi, severity, severity == ReasonSeverity.Block
                ? $"You are on {where}, which has no password, and no VPN is on. People nearby could see your traffic. Connect your VPN or use another network before you sign in."
                : $"You are on {where}, which has no password. Keep your VPN on while you use {name}."));
        }

        return Verdict.From(reasons);
    }

    private static void AddCertificateReasons(List<VerdictReason> reasons, TlsFacts tls, CertificateObservation? history, string host)
    {
        switch (tls.Problem)
        {
            case TlsProblem.None:
                break;
            case TlsProblem.Untrusted or TlsProblem.Expired or TlsProblem.NotYetValid or TlsProblem.NameMismatch:
                var why = tls.Problem switch
                {
                    TlsProblem.Expired => "it has expired",
                    TlsProblem.NotYetValid => "it is not valid yet",
                    TlsProblem.NameMismatch => "it was made for a different site",
                    _ => "it was not issued by an authority your computer trusts",
                };
                reasons.Add(new(ReasonCodes.CertificateInvalid, ReasonSeverity.Block,
                    $"The security certificate this network shows for {host} is not valid: {why}. Someone may be listening in on the connection. Do not sign in here."));
                break;
            default:
                reasons.Add(new(ReasonCodes.CertificateUnchecked, ReasonSeverity.Info,
                    $"PortalGuard could not check the security certificate of {host} from this computer."));
                break;
        }

        if (history is { Changed: true, PreviousFirstSeen: { } since })
        {
            reasons.Add(new(ReasonCodes.CertificateChanged, ReasonSeverity.Info,
                string.Create(CultureInfo.InvariantCulture,
                    $"The security certificate of {host} has changed: the one seen since {since:yyyy-MM-dd} was replaced by a new one first seen on {history.FirstSeen:yyyy-MM-dd}. Sites renew certificates, so this is usually routine; if anything else looks odd, do not sign in.")));
        }
    }

    private static void AddNetworkReasons(List<VerdictReason> reasons, NetworkPosture network, PortalEntry? portal, string name, bool requireVpn)
    {
        var missingVpn = requireVpn ? ReasonSeverity.Block : ReasonSeverity.Warn;
        switch (network.Vpn)
        {
            case VpnState.Off:
                reasons.Add(new(ReasonCodes.VpnOff, missingVpn,
                    $"You opened {name} without a VPN. People on this network could see that you use it. Connect your VPN before you sign in."));
                break;
            case VpnState.Split:
                reasons.Add(new(ReasonCodes.VpnSplit, missingVpn,
                    $"Your VPN is on, but traffic to {name} goes around it. Change your VPN to protect all traffic before you sign in."));
                break;
            case VpnState.Unknown:
                reasons.Add(new(ReasonCodes.VpnUnknown, ReasonSeverity.Info,
                    "PortalGuard could not tell whether your VPN is on. Check it before you sign in."));
                break;
            case VpnState.On:
                if (portal is { VpnCompatibility: not VpnCompatibility.Yes })
                {
                    var notes = string.IsNullOrWhiteSpace(portal.Notes) ? string.Empty : $" ({portal.Notes})";
                    reasons.Add(new(ReasonCodes.PortalMayBlockVpn, ReasonSeverity.Info,
                        $"{name} may not work over a VPN{notes}. If sign-in fails, try a VPN server in your home country."));
                }

                break;
        }

        if (network.DnsOutsideTunnel)
        {
            reasons.Add(new(ReasonCodes.DnsOutsideTunnel, ReasonSeverity.Warn,
                "Your VPN is on, but your computer still looks up site names outside it, so this network can see which sites you visit. Turn on your VPN's DNS protection."));
        }

        if (network.Ipv6BypassesTunnel)
        {
            reasons.Add(new(ReasonCodes.Ipv6BypassesTunnel, ReasonSeverity.Warn,
                "Your VPN protects only part of your traffic: some of it (IPv6) goes around the VPN. Turn on your VPN's leak protection."));
        }
    }
}
