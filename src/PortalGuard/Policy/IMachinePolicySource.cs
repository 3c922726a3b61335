namespace PortalGuard.Policy;

/// <summary>Reads the machine policy from wherever this system keeps it. Never throws for a missing or broken policy.</summary>
internal interface IMachinePolicySource
{
    MachinePolicy Read();
}
