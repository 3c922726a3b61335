namespace PortalGuard.Network;

/// <summary>Tells whether an interface is a tunnel, of what kind, and whose.</summary>
internal interface IInterfaceClassifier
{
    NetworkInterfaceFacts Classify(NetworkInterfaceSnapshot nic);
}
