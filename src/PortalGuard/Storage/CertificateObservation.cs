namespace PortalGuard.Storage;

/// <summary>What the trust-on-first-use record says about a public key just seen for a host.</summary>
/// <param name="FirstUse">No key was ever recorded for this host and port.</param>
/// <param name="Changed">The key differs from the one seen most recently before.</param>
/// <param name="PreviousSpkiSha256">The key seen most recently before, when <paramref name="Changed"/>.</param>
/// <param name="PreviousFirstSeen">When that previous key was first seen.</param>
/// <param name="PreviousLastSeen">When that previous key was last seen.</param>
/// <param name="FirstSeen">When the current key was first seen (now, for a new key).</param>
internal sealed record CertificateObservation(
    bool FirstUse,
    bool Changed,
    string? PreviousSpkiSha256,
    DateTimeOffset? PreviousFirstSeen,
    DateTimeOffset? PreviousLastSeen,
    DateTimeOffset FirstSeen);
