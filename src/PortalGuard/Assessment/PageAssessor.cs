using PortalGuard.Network;
using PortalGuard.Portals;

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
                $"This looks like a {name} address, but it is not on our list of known portals. Make sure it is the address your clinic gave you."));
        }

        if (isPortal && facts.Network is { } network)
        {
            AddNetworkReasons(reasons, network, identity.Portal, name, facts.Settings.RequireVpn);
        }

        return Verdict.From(reasons);
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

        if (network.Ipv6BypassesTunnel)
        {
            reasons.Add(new(ReasonCodes.Ipv6BypassesTunnel, ReasonSeverity.Warn,
                "Your VPN protects only part of your traffic: some of it (IPv6) goes around the VPN. Turn on your VPN's leak protection."));
        }
    }
}
