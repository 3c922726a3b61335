namespace PortalGuard.IntegrationTests.Network;

/// <summary>A resolver in <c>status --json</c>'s <c>network.resolvers</c>: its address, the interface a query to it leaves by, and whether that is the tunnel.</summary>
internal sealed record LabResolver(string Address, LabInterface? Egress, bool InsideTunnel);
