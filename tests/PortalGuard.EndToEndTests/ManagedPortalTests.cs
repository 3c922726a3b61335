using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>An organisation's enterprise policy for the extension (managed storage, <c>extraPortals</c>) in a real
/// Chromium with the real host: a name in no catalog becomes a known portal, a lookalike listed there stays blocked.</summary>
[Collection(WithChromium.Name)]
public sealed class ManagedPortalTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string ExtensionId = "jmiahmlkaajnbmiihmbhdcjlennoiaoh";

    [Fact]
    public async Task A_managed_extra_portal_makes_its_page_a_known_portal_and_a_managed_lookalike_stays_blocked()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        if (ChromiumWithPolicy.Missing is { } missing)
        {
            Assert.False(PortalFixture.IsCi, $"CI=true and browser policy cannot be set: {missing}");
            output.WriteLine($"Not run: {missing}");
            return;
        }

        var policyFolder = Directory.CreateTempSubdirectory("pg-e2e-policy-").FullName;
        try
        {
            var wrapper = ChromiumWithPolicy.Prepare(policyFolder, ExtensionId,
                $$"""{"extraPortals":["{{PortalFixture.ManagedHost}}","{{PortalFixture.LookalikeHost}}"]}""");
            await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output),
                new BrowserLaunchOptions(ExecutablePath: wrapper, MappedHosts: [PortalFixture.ManagedHost]));

            // The browser really holds the policy: the extension reads it from chrome.storage.managed.
            var managed = await browser.EvaluateInWorkerAsync("chrome.storage.managed.get(null)");
            output.WriteLine($"chrome.storage.managed: {managed}");
            Assert.Equal(2, managed.GetProperty("extraPortals").GetArrayLength());

            var origin = $"https://{PortalFixture.ManagedHost}:{fixture.Port}";
            await browser.OpenAsync(origin + TestPortalServer.LoginPath);
            var tab = await browser.WaitForTabStateAsync(origin, t => t.GetProperty("identityStatus").GetString() == "known" && t.GetProperty("answeredByHost").GetBoolean());
            output.WriteLine($"tab: {tab}");
            Assert.Equal("acme-clinic.example", tab.GetProperty("portalKey").GetString()); // a portal session, for log-out-and-clear
            var codes = tab.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ToArray();
            Assert.Contains("vpn-off", codes);
            Assert.DoesNotContain("unknown-portal-brand", codes);
            var tabId = tab.GetProperty("tabId").GetInt32();
            // The worker records the verdict, then sets the badge: the record can be read a moment before the badge is set.
            var badge = $"chrome.action.getBadgeText({{ tabId: {tabId} }})";
            await GateOverlay.WaitForAsync(async () => (await browser.EvaluateInWorkerAsync(badge)).GetString() == "WARN", "the badge to say WARN");
            Assert.Equal("WARN", (await browser.EvaluateInWorkerAsync(badge)).GetString());

            // What the host made of the list: the name added, the lookalike refused with its reason.
            var taken = await browser.EvaluateInWorkerAsync("portalGuard.managedPortals()");
            output.WriteLine($"managed portals: {taken}");
            Assert.Equal([PortalFixture.ManagedHost], taken.GetProperty("added").EnumerateArray().Select(h => h.GetString()));
            var refused = Assert.Single(taken.GetProperty("refused").EnumerateArray());
            Assert.Equal(1, refused.GetProperty("index").GetInt32());
            Assert.Contains("imitates", refused.GetProperty("problem").GetString(), StringComparison.Ordinal);

            // The options page tells the person, in plain words, what their organisation added and what was refused.
            var options = await browser.OpenAsync($"chrome-extension://{ExtensionId}/options/options.html");
            await options.WaitForSelectorAsync("body[data-ready=true]");
            var section = await options.InnerTextAsync("#managed-portals");
            output.WriteLine($"options page: {section}");
            Assert.Contains("Your organisation added these patient portals", section, StringComparison.Ordinal);
            Assert.Contains(PortalFixture.ManagedHost, section, StringComparison.Ordinal);
            Assert.Contains($"{PortalFixture.LookalikeHost} — its name imitates", section, StringComparison.Ordinal);
            await browser.ScreenshotAsync(options, "options-managed-portals.png");

            // Listing a lookalike in browser policy does not make it a portal: it is still blocked.
            await browser.OpenAsync(fixture.LookalikeOrigin + TestPortalServer.LoginPath);
            var lookalike = await browser.WaitForTabStateAsync(fixture.LookalikeOrigin, t => t.GetProperty("answeredByHost").GetBoolean());
            Assert.Equal("lookalike", lookalike.GetProperty("identityStatus").GetString());
            Assert.Equal("block", lookalike.GetProperty("level").GetString());
        }
        finally
        {
            Directory.Delete(policyFolder, recursive: true);
        }
    }
}
