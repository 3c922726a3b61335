namespace PortalGuard.Network;

/// <summary>The interfaces the operating system lists; a seam so egress matching and classification can be tested with made-up interfaces.</summary>
internal interface INetworkInterfaceSource
{
    IReadOnlyList<NetworkInterfaceSnapshot> GetInterfaces();
}
