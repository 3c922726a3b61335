using PortalGuard.Network;
using PortalGuard.Policy;
using PortalGuard.Storage;

namespace PortalGuard.Host.Cli;

/// <summary>What <c>status --json</c> prints. Documented in docs/cli.md.</summary>
/// <param name="Database"><c>ok</c> or <c>unavailable</c>, with <paramref name="DatabaseError"/>.</param>
/// <param name="Settings">The settings in force (machine policy over the user's).</param>
/// <param name="SettingSources">Where each of <paramref name="Settings"/> comes from: <c>default</c>, <c>user</c> or <c>policy</c>.</param>
internal sealed record StatusReport(
    string Version,
    string DataDirectory,
    string DatabasePath,
    string Database,
    string? DatabaseError,
    string LogDirectory,
    PortalGuardSettings Settings,
    NetworkPosture Network,
    int CatalogPortals,
    int UserPortals,
    SettingSources SettingSources,
    PolicyStatus Policy);
