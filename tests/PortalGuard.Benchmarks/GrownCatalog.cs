using System.Globalization;
using PortalGuard.Portals;

namespace PortalGuard.Benchmarks;

/// <summary>The shipped catalog grown with made-up organisations' portals to a given size, the shape a large fleet policy would have.</summary>
internal static class GrownCatalog
{
    public static IReadOnlyList<PortalEntry> Of(int size)
    {
        var shipped = EmbeddedCatalog.Load();
        var entries = new List<PortalEntry>(size);
        entries.AddRange(shipped);
        for (var i = 0; entries.Count < size; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);

            // Every third organisation runs its portal on its own platform domain; the rest are one MyChart-style host.
            string[] hosts = i % 3 == 0 ? [] : [$"mychart.health-system-{n}.org"];
            string[] platforms = i % 3 == 0 ? [$"patientportal-{n}.com"] : [];
            entries.Add(new PortalEntry(
                $"org-{n}", $"Health System {n}", "Epic Systems", "MyChart", hosts, platforms, [],
                VpnCompatibility.Unknown, Notes: null, TwoFactorSupport.Unknown, SignOutPath: null, Source: "benchmark", UserDefined: true));
        }

        PortalEntryValidator.ValidateAll(entries);
        return entries;
    }
}
