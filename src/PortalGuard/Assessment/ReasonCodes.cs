namespace PortalGuard.Assessment;

/// <summary>The stable reason codes. Programs (the extension, scripts using <c>check --json</c>) match on these; never rename one.</summary>
public static class ReasonCodes
{
    public const string LookalikeDomain = "lookalike-domain";
    public const string FramedByLookalike = "framed-by-lookalike";
    public const string NotHttps = "not-https";
    public const string CredentialsCrossSite = "credentials-cross-site";
    public const string UnknownPortalBrand = "unknown-portal-brand";
    public const string PortalUnverified = "portal-unverified";
    public const string VpnOff = "vpn-off";
    public const string VpnSplit = "vpn-split";
    public const string VpnUnknown = "vpn-unknown";
    public const string Ipv6BypassesTunnel = "ipv6-bypasses-tunnel";
    public const string PortalMayBlockVpn = "portal-may-block-vpn";
    public const string DnsOutsideTunnel = "dns-outside-tunnel";
    public const string DnsAnswerSuspicious = "dns-answer-suspicious";
    public const string CertificateInvalid = "certificate-invalid";
    public const string CertificateUnchecked = "certificate-unchecked";
    public const string CertificateChanged = "certificate-changed";
    public const string OpenWifi = "open-wifi";
    public const string StorageUnavailable = "storage-unavailable";
}
