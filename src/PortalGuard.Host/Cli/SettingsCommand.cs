using PortalGuard.Policy;
using PortalGuard.Storage;

namespace PortalGuard.Host.Cli;

/// <summary><c>portalguard settings get|set</c>.</summary>
internal static class SettingsCommand
{
    public const string Usage = "portalguard settings get [--json] | portalguard settings set <sharedDevice|requireVpn|idleTimeoutMinutes> <value>";

    public static int Run(CliContext context, IReadOnlyList<string> args)
    {
        var verb = args.Count > 0 ? args[0] : throw new UsageException($"Missing argument. Usage: {Usage}");
        var parsed = CliArguments.Parse(args.Skip(1), ["--json"], []);
        switch (verb)
        {
            case "get":
                parsed.ExpectPositionals(0, Usage);
                Write(context, context.Store.EffectiveSettings(), parsed.Has("--json"));
                return 0;
            case "set":
                parsed.ExpectPositionals(2, Usage);
                var key = parsed.Positionals[0].Trim();
                var canonical = SettingsStore.Keys.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase)).Key;
                if (canonical is not null && context.Store.Policy.Locks(canonical))
                {
                    context.Error.WriteLine($"portalguard: {context.Store.Policy.LockedMessage(canonical)}");
                    return 1;
                }

                var settings = context.Store.Require().Settings;
                try
                {
                    settings.Set(key, parsed.Positionals[1]);
                }
                catch (ArgumentException ex)
                {
                    throw new UsageException(ex.Message, ex);
                }

                Write(context, context.Store.EffectiveSettings(), parsed.Has("--json"));
                return 0;
            default:
                throw new UsageException($"Unknown settings command '{verb}'. Usage: {Usage}");
        }
    }

    private static void Write(CliContext context, EffectiveSettings effective, bool json)
    {
        var settings = effective.Values;
        if (json)
        {
            CliJson.Write(context.Out, settings);
            return;
        }

        context.Out.WriteLine($"sharedDevice        {(settings.SharedDevice ? "true" : "false")}{Marker(effective.Sources.SharedDevice)}");
        context.Out.WriteLine($"requireVpn          {(settings.RequireVpn ? "true" : "false")}{Marker(effective.Sources.RequireVpn)}");
        context.Out.WriteLine($"idleTimeoutMinutes  {settings.IdleTimeoutMinutes}{Marker(effective.Sources.IdleTimeoutMinutes)}");
    }

    private static string Marker(SettingSource source) => source == SettingSource.Policy ? "  (machine policy)" : string.Empty;
}
