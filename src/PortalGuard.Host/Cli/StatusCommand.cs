using PortalGuard.Storage;

namespace PortalGuard.Host.Cli;

/// <summary><c>portalguard status</c>: the network posture now, the settings in force, and where the data lives.</summary>
internal static class StatusCommand
{
    public const string Usage = "portalguard status [--json]";

    public static async Task<int> RunAsync(CliContext context, IEnumerable<string> args)
    {
        var parsed = CliArguments.Parse(args, ["--json"], []);
        parsed.ExpectPositionals(0, Usage);

        var network = await context.NetworkProbe.GetPostureAsync([], CancellationToken.None).ConfigureAwait(false);
        var store = context.Store;
        var entries = store.Store?.Catalog.List() ?? [];
        var report = new StatusReport(
            HostInfo.Version,
            context.DataDirectory,
            DataPaths.DatabaseFile(context.DataDirectory),
            store.Store is null ? "unavailable" : "ok",
            store.Error?.Message,
            DataPaths.LogDirectory(context.DataDirectory),
            store.Settings(),
            network,
            entries.Count,
            entries.Count(e => e.UserDefined));

        if (parsed.Has("--json"))
        {
            CliJson.Write(context.Out, report);
        }
        else
        {
            var o = context.Out;
            o.WriteLine($"PortalGuard {report.Version}");
            o.WriteLine($"  Network:        {TextFormat.Network(network)}");
            o.WriteLine($"  Shared device:  {TextFormat.OnOff(report.Settings.SharedDevice)}");
            o.WriteLine($"  Require VPN:    {TextFormat.OnOff(report.Settings.RequireVpn)}");
            o.WriteLine($"  Idle timeout:   {(report.Settings.IdleTimeoutMinutes == 0 ? "never" : $"{report.Settings.IdleTimeoutMinutes} min")}");
            o.WriteLine($"  Database:       {report.DatabasePath} ({report.Database}{(report.DatabaseError is null ? string.Empty : ": " + report.DatabaseError)})");
            o.WriteLine($"  Logs:           {report.LogDirectory}");
            o.WriteLine($"  Catalog:        {report.CatalogPortals} portals ({report.UserPortals} added by you)");
        }

        // A database that cannot be used is a failure worth a non-zero exit, even though the guard still runs without it.
        return store.Store is null ? 1 : 0;
    }
}
