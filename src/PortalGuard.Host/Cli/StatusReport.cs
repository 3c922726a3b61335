using PortalGuard.Network;
using PortalGuard.Storage;

namespace PortalGuard.Host.Cli;

/// <summary>What <c>status --json</c> prints. Documented in docs/cli.md.</summary>
/// <param name="Database"><c>ok</c> or <c>unavailable</c>, with <paramref name="DatabaseError"/>.</param>
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
    int UserPortals);
