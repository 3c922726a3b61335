namespace PortalGuard.Portals;

/// <summary>A host found to imitate a catalog portal.</summary>
/// <param name="Imitated">The catalog domain imitated (<c>followmyhealth.com</c>), or the product brand when it has no domain of its own (<c>mychart</c>).</param>
/// <param name="Portal">The catalog entry imitated.</param>
internal sealed record LookalikeMatch(string Imitated, PortalEntry Portal, LookalikeKind Kind);
