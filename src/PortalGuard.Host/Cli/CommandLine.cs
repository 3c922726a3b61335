using PortalGuard.Storage;

namespace PortalGuard.Host.Cli;

/// <summary>Command-line mode: routes the first word to its command and turns failures into exit codes.</summary>
/// <remarks>Exit codes: 0 done (whatever the verdict), 1 failed (the database is unavailable, a portal not found), 2 usage, 3 <c>check --fail-on</c> reached.</remarks>
internal static class CommandLine
{
    public const int UsageExitCode = 2;

    private const string Help = """
        PortalGuard — checks that a patient portal is the real one and that your network is safe before you sign in.

        Usage:
          portalguard check <url-or-host> [--json] [--offline] [--fail-on warn|block]
          portalguard status [--json]
          portalguard portals list|show|add|remove ...
          portalguard settings get [--json] | set <key> <value>
          portalguard audit [--since 7d] [--json]
          portalguard install [--browser chrome|chromium|edge|brave|vivaldi|firefox|all] [--scope user|system] [--user-data-dir DIR]
          portalguard uninstall [--browser ...] [--scope user|system] [--user-data-dir DIR]
          portalguard doctor [--json]
          portalguard version

        Data folder: $PORTALGUARD_DATA_DIR, or the platform's data folder. See docs/cli.md.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var context = new CliContext(stdout, stderr);
        try
        {
            var rest = args.Skip(1).ToArray();
            switch (args.Length == 0 ? "help" : args[0])
            {
                case "check":
                    return await CheckCommand.RunAsync(context, rest).ConfigureAwait(false);
                case "status":
                    return await StatusCommand.RunAsync(context, rest).ConfigureAwait(false);
                case "portals":
                    return PortalsCommand.Run(context, rest);
                case "settings":
                    return SettingsCommand.Run(context, rest);
                case "audit":
                    return AuditCommand.Run(context, rest);
                case "install":
                    return InstallCommand.Run(rest, stdout, stderr);
                case "uninstall":
                    return UninstallCommand.Run(rest, stdout, stderr);
                case "doctor":
                    return await DoctorCommand.RunAsync(context, rest).ConfigureAwait(false);
                case "version" or "--version":
                    stdout.WriteLine($"portalguard {HostInfo.Version}");
                    return 0;
                case "help" or "--help" or "-h":
                    stdout.Write(Help);
                    return 0;
                default:
                    throw new UsageException($"Unknown command '{args[0]}'. Run 'portalguard help'.");
            }
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"portalguard: {ex.Message}");
            return UsageExitCode;
        }
        catch (StorageUnavailableException ex)
        {
            stderr.WriteLine($"portalguard: {ex.Message}");
            return 1;
        }
    }
}
