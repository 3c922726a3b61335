using PortalGuard.Policy;
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
        var effective = store.EffectiveSettings();
        var policy = store.Policy;
        var policyStatus = new PolicyStatus(
            policy.Location,
            !policy.Found ? "none" : policy.Problems.Count == 0 ? "applied" : "partlyIgnored",
            policy.AuditRetentionDays,
            policy.ExtraPortals.Count,
            policy.Problems);
        var report = new StatusReport(
            HostInfo.Version,
            context.DataDirectory,
            DataPaths.DatabaseFile(context.DataDirectory),
            store.Store is null ? "unavailable" : "ok",
            store.Error?.Message,
            DataPaths.LogDirectory(context.DataDirectory),
            effective.Values,
            network,
            entries.Count,
            entries.Count(e => e.UserDefined),
            effective.Sources,
            policyStatus);

        if (parsed.Has("--json"))
        {
            CliJson.Write(context.Out, report);
        }
        else
        {
            var o = context.Out;
            o.WriteLine($"PortalGuard {report.Version}");
            o.WriteLine($"  Network:        {TextFormat.Network(network)}");
            o.WriteLine($"  Shared device:  {TextFormat.OnOff(report.Settings.SharedDevice)}{From(effective.Sources.SharedDevice)}");
            o.WriteLine($"  Require VPN:    {TextFormat.OnOff(report.Settings.RequireVpn)}{From(effective.Sources.RequireVpn)}");
            o.WriteLine($"  Idle timeout:   {(report.Settings.IdleTimeoutMinutes == 0 ? "never" : $"{report.Settings.IdleTimeoutMinutes} min")}{From(effective.Sources.IdleTimeoutMinutes)}");
            o.WriteLine($"  Audit kept:     {(policy.AuditRetentionDays is { } days ? $"{days} days{From(SettingSource.Policy)}" : "until you clear it")}");
            o.WriteLine($"  Database:       {report.DatabasePath} ({report.Database}{(report.DatabaseError is null ? string.Empty : ": " + report.DatabaseError)})");
            o.WriteLine($"  Logs:           {report.LogDirectory}");
            o.WriteLine($"  Catalog:        {report.CatalogPortals} portals ({report.UserPortals} added by you){(policy.ExtraPortals.Count > 0 ? $", {policy.ExtraPortals.Count} added by machine policy" : string.Empty)}");
            o.WriteLine($"  Machine policy: {(policy.Found ? policy.Location : $"none ({policy.Location})")}");
            foreach (var problem in policy.Problems)
            {
                o.WriteLine($"    ignored: {problem}");
            }
        }

        // A database that cannot be used is a failure worth a non-zero exit, even though the guard still runs without it.
        return store.Store is null ? 1 : 0;
    }

    private static string From(SettingSource source) => source switch
    {
        SettingSource.Policy => "  (machine policy)",
        SettingSource.User => "  (your setting)",
        _ => "  (default)",
    };
}
