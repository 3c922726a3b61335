using System.Text.Json;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>A sign-in page on a site in no catalog that calls itself a portal (in its title, a heading or its logo's
/// text) gets the host's "calls itself MyChart" warning; the same page without the brand gets none. The content script
/// stops looking at the title when it names a brand, so a brand in a heading or a logo must still be found.</summary>
[Collection(WithChromium.Name)]
public sealed class BrandOnUnknownSiteTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string BrandCode = "unknown-portal-brand";

    [Fact]
    public async Task A_portal_brand_in_the_title_a_heading_or_the_logo_of_an_unknown_site_gets_a_warning_and_no_brand_gets_none()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output),
            new BrowserLaunchOptions(MappedHosts: [PortalFixture.ManagedHost]));
        var origin = $"https://{PortalFixture.ManagedHost}:{fixture.HostilePages.Port}";
        var seenTabs = new HashSet<int>();
        foreach (var (name, branded) in new[] { (BrandPages.InTitle, true), (BrandPages.InHeading, true), (BrandPages.InLogo, true), (BrandPages.Nowhere, false) })
        {
            var page = await browser.OpenAsync(origin + HostilePageServer.PagePrefix + name);

            // The page's own signals reach the host when the person reaches the sign-in (the visit alone is checked by its address).
            await page.FocusAsync("#password");
            var tab = await browser.WaitForTabStateAsync(origin, t =>
                !seenTabs.Contains(t.GetProperty("tabId").GetInt32()) && t.GetProperty("hasPasswordField").GetBoolean() && t.GetProperty("answeredByHost").GetBoolean());
            seenTabs.Add(tab.GetProperty("tabId").GetInt32());
            output.WriteLine($"{name}: level {tab.GetProperty("level")}, brand words {tab.GetProperty("brandWords")}, codes {tab.GetProperty("codes")}");
            Assert.Equal("unknown", tab.GetProperty("identityStatus").GetString());
            var codes = tab.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ToArray();
            if (branded)
            {
                Assert.Equal(["MyChart"], tab.GetProperty("brandWords").EnumerateArray().Select(w => w.GetString()));
                Assert.Contains(BrandCode, codes);
                Assert.Equal("warn", tab.GetProperty("level").GetString());
            }
            else
            {
                Assert.Equal(JsonValueKind.Array, tab.GetProperty("brandWords").ValueKind);
                Assert.Equal(0, tab.GetProperty("brandWords").GetArrayLength());
                Assert.DoesNotContain(BrandCode, codes);
            }

            await page.CloseAsync();
        }
    }
}
