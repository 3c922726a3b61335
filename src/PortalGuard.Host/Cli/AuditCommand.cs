using System.Globalization;
using System.Text.Json;
using PortalGuard.Storage;

namespace PortalGuard.Host.Cli;

/// <summary><c>portalguard audit</c>: what PortalGuard did, with origins only.</summary>
internal static class AuditCommand
{
    public const string Usage = "portalguard audit [--since <date|7d|24h>] [--json]";

    /// <summary>Shown in place of an origin for an event about the device (password saving, the idle timeout), not a site.</summary>
    public const string DeviceLevel = "(this device)";

    public static int Run(CliContext context, IEnumerable<string> args)
    {
        var parsed = CliArguments.Parse(args, ["--json"], ["--since"]);
        parsed.ExpectPositionals(0, Usage);
        var since = parsed.Value("--since") is { } s ? ParseSince(s, context.Time.GetUtcNow()) : (DateTimeOffset?)null;
        var events = context.Store.Require().Audit.Read(since);
        if (parsed.Has("--json"))
        {
            CliJson.Write<IReadOnlyList<AuditEvent>>(context.Out, events);
            return 0;
        }

        if (events.Count == 0)
        {
            context.Out.WriteLine("No events recorded.");
        }

        foreach (var e in events)
        {
            var level = e.Level is { } l ? JsonNamingPolicy.CamelCase.ConvertName(l.ToString()) : "-";
            var count = e.Count is { } c ? c.ToString(CultureInfo.InvariantCulture) : string.Empty;
            context.Out.WriteLine($"{e.Time.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}  {JsonNamingPolicy.CamelCase.ConvertName(e.Code.ToString()),-24} {level,-5}  {e.Origin ?? DeviceLevel} {count}".TrimEnd());
        }

        return 0;
    }

    /// <summary>A date (<c>2026-11-01</c>, ISO-8601) or a span back from now (<c>7d</c>, <c>24h</c>, <c>30m</c>).</summary>
    internal static DateTimeOffset ParseSince(string value, DateTimeOffset now)
    {
        if (value.Length >= 2 && int.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            switch (value[^1])
            {
                case 'd': return now.AddDays(-amount);
                case 'h': return now.AddHours(-amount);
                case 'm': return now.AddMinutes(-amount);
            }
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new UsageException($"--since takes a date (2026-11-01) or a span (7d, 24h, 30m), not '{value}'.");
    }
}
