using PortalGuard.Assessment;
using PortalGuard.Network;
using PortalGuard.Policy;
using PortalGuard.Storage;

namespace PortalGuard.Host.Cli;

/// <summary>What every command may use: the data folder, the store (opened on first use), the network probe and the output streams.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr) : IDisposable
{
    private StoreHandle? _store;
    private PortalChecker? _checker;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public TimeProvider Time { get; } = TimeProvider.System;

    public string DataDirectory { get; } = DataPaths.DataDirectory();

    /// <summary>The machine policy, read once per command.</summary>
    public MachinePolicy Policy => field ??= MachinePolicySources.ForCurrentSystem().Read();

    public StoreHandle Store => _store ??= StoreHandle.Open(DataDirectory, Time, Policy);

    /// <summary>No DNS lookups and no TLS connections: <c>--offline</c>, or <c>PORTALGUARD_OFFLINE=1</c>. Set before the first check.</summary>
    public bool Offline { get; set; } = GuardProbes.OfflineFromEnvironment(Environment.GetEnvironmentVariable);

    public INetworkPostureProbe NetworkProbe => Probes.Network;

    public GuardProbes Probes => field ??= GuardProbes.ForCurrentSystem(Time, Offline);

    public PortalChecker Checker => _checker ??= new PortalChecker(Store, Probes, Time);

    public void Dispose() => _store?.Dispose();
}
