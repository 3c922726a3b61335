namespace PortalGuard.Tls;

/// <summary>A portal's certificate as this machine sees it over its own connection (which an intercepting network changes).</summary>
/// <param name="Valid">The certificate is trusted, names the host and is in date: <paramref name="Problem"/> is <see cref="TlsProblem.None"/>.</param>
/// <param name="Issuer">The leaf certificate's issuer (distinguished name); null when no certificate was seen.</param>
/// <param name="SpkiSha256">Base64 SHA-256 of the leaf's SubjectPublicKeyInfo (the HPKP pin form), for trust-on-first-use; null when no certificate was seen.</param>
/// <param name="NotAfter">The leaf's end of validity; null when no certificate was seen.</param>
/// <param name="CheckedAt">When the handshake was made (a cached result keeps its first time).</param>
public sealed record TlsFacts(bool Valid, TlsProblem Problem, string? Issuer, string? SpkiSha256, DateTimeOffset? NotAfter, DateTimeOffset CheckedAt)
{
    /// <summary>What went wrong, in words (chain status flags, socket error); null when valid.</summary>
    public string? Detail { get; init; }

    public static TlsFacts Failed(TlsProblem problem, string detail, DateTimeOffset checkedAt) =>
        new(Valid: false, problem, Issuer: null, SpkiSha256: null, NotAfter: null, checkedAt) { Detail = detail };
}
