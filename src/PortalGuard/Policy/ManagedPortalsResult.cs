using PortalGuard.Portals;

namespace PortalGuard.Policy;

/// <summary>What <see cref="ManagedPortals.Admit"/> decided for a list of managed host names.</summary>
/// <param name="Entries">The portals added for the session, one per accepted host.</param>
/// <param name="AlreadyKnown">Hosts the catalog or the machine policy already knows; their entries stay as they are.</param>
/// <param name="Refused">Items that were not made portals, with the reason.</param>
internal sealed record ManagedPortalsResult(IReadOnlyList<PortalEntry> Entries, IReadOnlyList<string> AlreadyKnown, IReadOnlyList<ManagedPortalProblem> Refused)
{
    /// <summary>The hosts added as portals.</summary>
    public IReadOnlyList<string> Added => [.. Entries.Select(e => e.Hosts[0])];
}
