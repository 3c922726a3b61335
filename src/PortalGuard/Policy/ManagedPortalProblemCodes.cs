namespace PortalGuard.Policy;

/// <summary>Why a managed host was refused, as stable codes the extension matches on (docs/protocol.md); never rename one.</summary>
internal static class ManagedPortalProblemCodes
{
    /// <summary>It imitates a catalog portal: making it known would turn a block into a pass.</summary>
    public const string Lookalike = "lookalike";

    /// <summary>An IP address, not a name.</summary>
    public const string Address = "address";

    /// <summary>A public suffix (<c>co.uk</c>): it would make every site under it a portal.</summary>
    public const string PublicSuffix = "public-suffix";

    /// <summary>Not a bare lowercase host name (a URL, capitals, a trailing dot, not a string).</summary>
    public const string NotAHost = "not-a-host";

    /// <summary>Past the first <see cref="ManagedPortals.MaxHosts"/> names.</summary>
    public const string TooMany = "too-many";
}
