using Microsoft.Playwright;

namespace PortalGuard.EndToEndTests;

/// <summary>Signs in to the test portal as a person would on a no-VPN warning: "continue anyway" at the gate, then the
/// form. The portal then leaves a session cookie, storage, a cache and a database behind, for the clearing tests.</summary>
internal static class PortalSignIn
{
    public static async Task ThroughTheGateAsync(BrowserSession browser, IPage portal, string origin)
    {
        await portal.EvaluateAsync("() => { document.getElementById('password').value = 'x'; }");
        await portal.FocusAsync("#password");
        // The keys are for the overlay: pressed before it is up (a slow verdict on a loaded machine), Enter would go to the form.
        await GateOverlay.WaitForOnTopAsync(browser, portal, GateOverlay.WarnTitle);
        await portal.Keyboard.PressAsync("Shift+Tab");
        await portal.Keyboard.PressAsync("Enter");
        await browser.WaitForTabStateAsync(origin, t => t.GetProperty("proceeded").GetBoolean());
        await portal.ClickAsync("button[type=submit]");
        await portal.WaitForURLAsync(url => url.EndsWith(TestPortalServer.HomePath, StringComparison.Ordinal));
        Assert.True(await portal.EvaluateAsync<bool>("() => window.portalStored"));
        Assert.True((await browser.EvaluateInWorkerAsync($"chrome.cookies.getAll({{ domain: '{PortalFixture.PortalHost}' }})")).GetArrayLength() >= 2);
    }
}
