using PortalGuard.Portals;
using Xunit;

namespace PortalGuard.IntegrationTests.Storage;

internal static class SampleEntries
{
    public static PortalEntry Portal(string id, string? host = null, string name = "Sample portal") =>
        new(
            Id: id,
            Name: name,
            Vendor: "Epic",
            Product: "MyChart",
            Hosts: [host ?? $"{id}.example.org"],
            PlatformSuffixes: [],
            LabelPatterns: [],
            VpnCompatibility: VpnCompatibility.Usually,
            Notes: null,
            TwoFactor: TwoFactorSupport.Offered,
            SignOutPath: null,
            Source: "test");
}
