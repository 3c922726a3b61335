using PortalGuard.Portals;

namespace PortalGuard.Host.Cli;

/// <summary><c>portalguard portals list|show|add|remove</c>: the catalog, and the user's own portals in it.</summary>
internal static class PortalsCommand
{
    public const string Usage =
        "portalguard portals list [--json] | show <id-or-host> [--json] | add <host-or-url> [--id ID] [--name NAME] [--vpn yes|usually|sometimes|no|unknown] [--notes TEXT] | remove <id>";

    public static int Run(CliContext context, IReadOnlyList<string> args)
    {
        var verb = args.Count > 0 ? args[0] : throw new UsageException($"Missing argument. Usage: {Usage}");
        var rest = args.Skip(1);
        switch (verb)
        {
            case "list":
                return List(context, CliArguments.Parse(rest, ["--json"], []));
            case "show":
                return Show(context, CliArguments.Parse(rest, ["--json"], []));
            case "add":
                return Add(context, CliArguments.Parse(rest, ["--json"], ["--id", "--name", "--vpn", "--notes"]));
            case "remove":
                return Remove(context, CliArguments.Parse(rest, [], []));
            default:
                throw new UsageException($"Unknown portals command '{verb}'. Usage: {Usage}");
        }
    }

    private static int List(CliContext context, CliArguments parsed)
    {
        parsed.ExpectPositionals(0, Usage);
        var entries = context.Store.Require().Catalog.List();
        if (parsed.Has("--json"))
        {
            CliJson.Write(context.Out, entries);
            return 0;
        }

        foreach (var e in entries.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase))
        {
            var where = e.Hosts.Concat(e.PlatformSuffixes.Select(s => "*." + s)).Concat(e.LabelPatterns.Select(p => p + ".<org>"));
            context.Out.WriteLine($"{e.Id,-28} {e.Name,-40} VPN: {e.VpnCompatibility.ToString().ToLowerInvariant(),-9} {(e.UserDefined ? "(yours) " : string.Empty)}{string.Join(", ", where)}");
        }

        return 0;
    }

    private static int Show(CliContext context, CliArguments parsed)
    {
        parsed.ExpectPositionals(1, Usage);
        var key = parsed.Positionals[0];
        var entry = context.Store.Require().Catalog.Find(key);
        if (entry is null && WebTargetParser.TryParse(key, out var target, out _))
        {
            entry = context.Checker.Identify(target!).Portal;
        }

        if (entry is null)
        {
            context.Error.WriteLine($"No portal '{key}' in the catalog.");
            return 1;
        }

        if (parsed.Has("--json"))
        {
            CliJson.Write(context.Out, entry);
            return 0;
        }

        var o = context.Out;
        o.WriteLine($"{entry.Name}  [{entry.Id}]{(entry.UserDefined ? "  (added by you)" : string.Empty)}");
        o.WriteLine($"  Vendor / product:   {entry.Vendor} / {entry.Product}");
        o.WriteLine($"  Hosts:              {Join(entry.Hosts)}");
        o.WriteLine($"  Platform domains:   {Join(entry.PlatformSuffixes)}");
        o.WriteLine($"  Name patterns:      {Join(entry.LabelPatterns.Select(p => p + ".<organisation domain>"))}");
        o.WriteLine($"  VPN compatibility:  {TextFormat.Compatibility(entry.VpnCompatibility)}");
        o.WriteLine($"  Notes:              {entry.Notes ?? "-"}");
        o.WriteLine($"  Two-factor sign-in: {entry.TwoFactor.ToString().ToLowerInvariant()}");
        o.WriteLine($"  Sign-out path:      {entry.SignOutPath ?? "unknown"}");
        o.WriteLine($"  Source:             {entry.Source ?? "-"}");
        return 0;
    }

    private static int Add(CliContext context, CliArguments parsed)
    {
        parsed.ExpectPositionals(1, Usage);
        if (!WebTargetParser.TryParse(parsed.Positionals[0], out var target, out var error) || target!.IsIpLiteral)
        {
            throw new UsageException($"'{parsed.Positionals[0]}' is not a portal host name: {error ?? "an IP address cannot be a portal"}");
        }

        var vpn = parsed.Value("--vpn") is { } v
            ? Enum.TryParse<VpnCompatibility>(v, ignoreCase: true, out var parsedVpn) && !int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out _) ? parsedVpn : throw new UsageException($"--vpn takes yes, usually, sometimes, no or unknown, not '{v}'.")
            : (VpnCompatibility?)null;

        // A host on a vendor's platform or pattern inherits what the catalog knows of that vendor.
        var template = context.Checker.Identify(target).Portal;
        var id = parsed.Value("--id") ?? target.Host.Replace('.', '-');
        var entry = new PortalEntry(
            Id: id,
            Name: parsed.Value("--name") ?? (template is null ? target.Host : $"{template.Name} ({target.Host})"),
            Vendor: template?.Vendor ?? "unknown",
            Product: template?.Product ?? "unknown",
            Hosts: [target.Host],
            PlatformSuffixes: [],
            LabelPatterns: [],
            VpnCompatibility: vpn ?? template?.VpnCompatibility ?? VpnCompatibility.Unknown,
            Notes: parsed.Value("--notes") ?? template?.Notes,
            TwoFactor: template?.TwoFactor ?? TwoFactorSupport.Unknown,
            SignOutPath: template?.SignOutPath,
            Source: "added by the user",
            UserDefined: true);
        try
        {
            context.Store.Require().Catalog.AddUserEntry(entry);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        if (parsed.Has("--json"))
        {
            CliJson.Write(context.Out, entry);
        }
        else
        {
            context.Out.WriteLine($"Added {entry.Host()} as '{entry.Id}' ({entry.Name}).");
        }

        return 0;
    }

    private static int Remove(CliContext context, CliArguments parsed)
    {
        parsed.ExpectPositionals(1, Usage);
        var id = parsed.Positionals[0];
        var catalog = context.Store.Require().Catalog;
        if (catalog.Find(id) is { UserDefined: false })
        {
            context.Error.WriteLine($"'{id}' ships with PortalGuard and cannot be removed; only portals you added can.");
            return 1;
        }

        if (!catalog.RemoveUserEntry(id))
        {
            context.Error.WriteLine($"No portal '{id}' that you added.");
            return 1;
        }

        context.Out.WriteLine($"Removed '{id}'.");
        return 0;
    }

    private static string Host(this PortalEntry entry) => entry.Hosts.Count > 0 ? entry.Hosts[0] : entry.Name;

    private static string Join(IEnumerable<string> items)
    {
        var text = string.Join(", ", items);
        return text.Length == 0 ? "-" : text;
    }
}
