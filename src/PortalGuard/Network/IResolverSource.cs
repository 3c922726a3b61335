namespace PortalGuard.Network;

/// <summary>Finds the DNS resolvers in use; a seam so the posture probe can be tested with made-up resolvers.</summary>
internal interface IResolverSource
{
    /// <summary>The resolvers in use now; never throws (an unreadable configuration gives empty lists).</summary>
    DiscoveredResolvers Discover();
}
