using System.Net;
using System.Net.NetworkInformation;

namespace PortalGuard.Network;

/// <summary>Reads the interfaces from <see cref="NetworkInterface.GetAllNetworkInterfaces"/>.</summary>
internal sealed class SystemNetworkInterfaceSource : INetworkInterfaceSource
{
    public static SystemNetworkInterfaceSource Instance { get; } = new();

    public IReadOnlyList<NetworkInterfaceSnapshot> GetInterfaces()
    {
        var interfaces = NetworkInterface.GetAllNetworkInterfaces();
        var snapshots = new List<NetworkInterfaceSnapshot>(interfaces.Length);
        foreach (var nic in interfaces)
        {
            var addresses = new List<IPAddress>();
            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                addresses.Add(unicast.Address);
            }

            snapshots.Add(new NetworkInterfaceSnapshot(nic.Name, nic.Description, nic.NetworkInterfaceType, nic.OperationalStatus, addresses));
        }

        return snapshots;
    }
}
