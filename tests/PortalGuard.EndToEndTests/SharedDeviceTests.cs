using System.Text.Json;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>Shared-device mode in a real Chromium: every "remember me" variant unchecked and locked (the terms checkbox
/// untouched), browser password saving switched off while the mode is on and given back when it is turned off.</summary>
[Collection(WithChromium.Name)]
public sealed class SharedDeviceTests(PortalFixture fixture, ITestOutputHelper output)
{
    internal const string ReadControls = """
        () => {
          const shadow = document.getElementById('shadow-host').shadowRoot;
          const box = (el) => ({ checked: el.checked, disabled: el.disabled });
          const role = (el) => ({ checked: el.getAttribute('aria-checked') === 'true', disabled: el.getAttribute('aria-disabled') === 'true' });
          return {
            remember: box(document.getElementById('remember')),
            keep: box(document.getElementById('keep')),
            recordarme: box(document.getElementById('recordarme')),
            trust: role(document.getElementById('trust')),
            stay: role(document.getElementById('stay')),
            device: box(shadow.getElementById('device')),
            later: document.getElementById('username-later') ? box(document.getElementById('username-later')) : null,
            terms: box(document.getElementById('terms')),
          };
        }
        """;

    [Fact]
    public async Task Shared_device_locks_every_remember_me_variant_and_switches_password_saving_off_then_back()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, async folders =>
        {
            await RealHost.InstallAsync(folders, output);
            await RealHost.SetSettingAsync(folders.Data, "sharedDevice", "true");
        });
        var page = await browser.OpenAsync(fixture.Origin + TestPortalServer.SharedDevicePath);

        await page.WaitForFunctionAsync("() => document.getElementById('username-later')?.disabled === true", null, new() { Timeout = 15_000 });
        var controls = await page.EvaluateAsync<JsonElement>(ReadControls);
        foreach (var name in new[] { "remember", "keep", "recordarme", "trust", "stay", "device", "later" })
        {
            Assert.Equal(new Control(Checked: false, Disabled: true), Read(controls, name));
        }

        Assert.Equal(new Control(Checked: true, Disabled: false), Read(controls, "terms"));

        // A click on a locked toggle or on a checkbox's label changes nothing.
        // (Forced: Playwright itself refuses to click what is marked disabled.)
        await page.ClickAsync("#trust", new() { Force = true });
        await page.ClickAsync("label[for=remember]", new() { Force = true });
        controls = await page.EvaluateAsync<JsonElement>(ReadControls);
        Assert.False(Read(controls, "trust").Checked);
        Assert.False(Read(controls, "remember").Checked);

        var saving = await WaitForPasswordSavingAsync(browser, "controlled_by_this_extension");
        Assert.False(saving.GetProperty("value").GetBoolean());

        // Turning the mode off gives password saving back to the browser.
        await browser.EvaluateInWorkerAsync("portalGuard.setSettings({ sharedDevice: false })");
        saving = await WaitForPasswordSavingAsync(browser, "controllable_by_this_extension");
        Assert.True(saving.GetProperty("value").GetBoolean());
        // ... and the page's controls back to the person: usable again, still unchecked.
        await page.WaitForFunctionAsync("() => document.getElementById('remember').disabled === false", null, new() { Timeout = 15_000 });
        controls = await page.EvaluateAsync<JsonElement>(ReadControls);
        Assert.Equal(new Control(Checked: false, Disabled: false), Read(controls, "keep"));

        var audit = await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "rememberMeBlocked", "passwordSavingDisabled", "passwordSavingRestored");
        Assert.DoesNotContain("Remember", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("/MyChart", audit, StringComparison.Ordinal);
    }

    internal static Control Read(JsonElement controls, string name)
    {
        var control = controls.GetProperty(name);
        Assert.True(control.ValueKind == JsonValueKind.Object, $"{name} is not on the page");
        return new Control(control.GetProperty("checked").GetBoolean(), control.GetProperty("disabled").GetBoolean());
    }

    private static Task<JsonElement> WaitForPasswordSavingAsync(BrowserSession browser, string levelOfControl) =>
        WaitForPasswordSavingAsync(browser.EvaluateInWorkerAsync, levelOfControl);

    /// <summary>Reads the browser's password-saving setting where the extension's APIs are (Chromium's service worker,
    /// a page of Firefox's add-on) until its level of control is the one expected, or fails after 15 s.</summary>
    internal static async Task<JsonElement> WaitForPasswordSavingAsync(Func<string, Task<JsonElement>> evaluateInExtension, string levelOfControl)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var saving = await evaluateInExtension("chrome.privacy.services.passwordSavingEnabled.get({})");
            if (saving.GetProperty("levelOfControl").GetString() == levelOfControl || DateTime.UtcNow > deadline)
            {
                Assert.Equal(levelOfControl, saving.GetProperty("levelOfControl").GetString());
                return saving;
            }

            await Task.Delay(100);
        }
    }

    public sealed record Control(bool Checked, bool Disabled);
}
