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
                Write(context, context.Store.Settings(), parsed.Has("--json"));
                return 0;
            case "set":
                parsed.ExpectPositionals(2, Usage);
                var settings = context.Store.Require().Settings;
                try
                {
                    Write(context, settings.Set(parsed.Positionals[0], parsed.Positionals[1]), parsed.Has("--json"));
                }
                catch (ArgumentException ex)
                {
                    throw new UsageException(ex.Message, ex);
                }

                return 0;
            default:
                throw new UsageException($"Unknown settings command '{verb}'. Usage: {Usage}");
        }
    }

    private static void Write(CliContext context, PortalGuard.Storage.PortalGuardSettings settings, bool json)
    {
        if (json)
        {
            CliJson.Write(context.Out, settings);
            return;
        }

        context.Out.WriteLine($"sharedDevice        {(settings.SharedDevice ? "true" : "false")}");
        context.Out.WriteLine($"requireVpn          {(settings.RequireVpn ? "true" : "false")}");
        context.Out.WriteLine($"idleTimeoutMinutes  {settings.IdleTimeoutMinutes}");
    }
}
