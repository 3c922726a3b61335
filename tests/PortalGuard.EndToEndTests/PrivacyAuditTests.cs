using Microsoft.Playwright;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>
/// The privacy audit: a whole portal visit in a real Chromium with the real extension and host — a marked address, title and
/// form, shared-device mode, the pre-login gate and "continue anyway", a sign-in, a lookalike, log out and clear — then every
/// byte PortalGuard wrote (the host's data folder, the extension's storage in the profile) is read back and searched for
/// the planted words. Only origins and event codes may be there. The browser's own history, cookies and cache are the
/// browser's and are not searched.
/// </summary>
[Collection(WithChromium.Name)]
public sealed class PrivacyAuditTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string ExtensionId = "jmiahmlkaajnbmiihmbhdcjlennoiaoh";

    private static readonly string[] Events =
        ["warningShown", "proceeded", "rememberMeBlocked", "passwordSavingDisabled", "submissionBlocked", "sessionCleared"];

    [Fact]
    public async Task After_a_whole_visit_nothing_PortalGuard_wrote_holds_a_path_query_title_form_value_user_name_or_password()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        var markers = PrivacyMarkers.Create();
        output.WriteLine($"markers: {string.Join(", ", markers.All.Select(m => $"{m.Kind}={m.Value}"))}");
        await using var server = await MarkedPortalServer.StartAsync(fixture.Certificates.Server, markers);
        var origin = $"https://{PortalFixture.PortalHost}:{server.Port}";
        var lookalikeOrigin = $"https://{PortalFixture.LookalikeHost}:{server.Port}";

        BrowserSession.Folders? folders = null;
        await using var browser = await BrowserSession.LaunchAsync(fixture, output, async f =>
        {
            folders = f;
            // The host makes its data folder itself, so its modes are the product's, not the test's.
            Directory.Delete(f.Data);
            await RealHost.InstallAsync(f, output);
            await RealHost.SetSettingAsync(f.Data, "sharedDevice", "true");
        });

        // A patient's record number in the path, a name in the query, a tab in the fragment; a title naming the patient.
        var portal = await browser.OpenAsync(origin + markers.PortalPath);
        var tab = await browser.WaitForTabStateAsync(origin, t => t.GetProperty("bannerShown").GetBoolean());
        var tabId = tab.GetProperty("tabId").GetInt32();
        Assert.Equal("warn", tab.GetProperty("level").GetString());

        // Shared device: "Remember me" unchecked and locked.
        try
        {
            await portal.WaitForFunctionAsync("() => document.getElementById('remember').disabled === true", null, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            output.WriteLine($"settings: {await browser.EvaluateInWorkerAsync("portalGuard.settings()")}");
            output.WriteLine($"tabs: {await browser.EvaluateInWorkerAsync("portalGuard.allTabStates()")}");
            output.WriteLine($"remember: {await portal.EvaluateAsync<string>("() => JSON.stringify({ checked: document.getElementById('remember').checked, disabled: document.getElementById('remember').disabled })")}");
            throw;
        }

        // The person types a user name and a date of birth, meets the gate at the password field and continues anyway.
        await portal.FillAsync("#username", markers.UserName);
        await portal.FillAsync("#dob", markers.FormValue);
        await portal.FocusAsync("#password");
        await WaitForOverlayAsync(portal);
        await portal.Keyboard.PressAsync("Shift+Tab");
        await portal.Keyboard.PressAsync("Enter");
        await browser.WaitForTabStateAsync(origin, t => t.GetProperty("proceeded").GetBoolean());
        await portal.FillAsync("#password", markers.Password);
        await portal.PressAsync("#password", "Enter");
        await portal.WaitForURLAsync(url => url.Contains("/home?", StringComparison.Ordinal));

        // A lookalike of the portal at a marked address: the sign-in its script attempts is stopped.
        var lookalike = await browser.OpenAsync(lookalikeOrigin + markers.LookalikeAddressPath);
        var lookalikeTab = await browser.WaitForTabStateAsync(lookalikeOrigin, t => t.GetProperty("bannerShown").GetBoolean());
        Assert.Equal("block", lookalikeTab.GetProperty("level").GetString());
        await lookalike.FillAsync("#username", markers.UserName);
        await lookalike.EvaluateAsync("password => { document.getElementById('password').value = password; document.forms[0].requestSubmit(); }", markers.Password);
        await WaitForOverlayAsync(lookalike);

        // Log out and clear, from the popup.
        var popup = await browser.OpenAsync($"chrome-extension://{ExtensionId}/popup/popup.html?tab={tabId}");
        await popup.WaitForSelectorAsync("body[data-ready=true]");
        await popup.ClickAsync("#clear-portal");
        await popup.WaitForFunctionAsync("() => document.getElementById('clear-result').textContent.length > 0", null, new() { Timeout = 20_000 });
        Assert.StartsWith("Done. Signed out and cleared", await popup.InnerTextAsync("#clear-result"), StringComparison.Ordinal);

        var audit = await RealHost.WaitForAuditAsync(browser.DataDirectory, output, Events);

        // A positive control for the extension's storage: a word the test itself stores through the extension's API
        // must be found by the same scan, or the scan is not reading the extension's storage.
        var canary = "canary" + Guid.NewGuid().ToString("N");
        await browser.EvaluateInWorkerAsync($"chrome.storage.local.set({{ privacyAuditCanary: '{canary}' }}).then(() => true)");

        // While everything runs: the database's write-ahead log and index exist only now.
        var live = Scan(folders!);
        output.WriteLine("— scanned while the browser and the host ran —");
        output.WriteLine(live.Describe());
        Assert.Contains(live.Files, f => f.Name.EndsWith("portalguard.db-wal", StringComparison.Ordinal));

        await browser.CloseBrowserAsync();
        var closed = Scan(folders!);
        output.WriteLine("— scanned after the browser and the host had exited —");
        output.WriteLine(closed.Describe());

        var found = live.Find(markers.All).Select(f => "live: " + f).Concat(closed.Find(markers.All).Select(f => "closed: " + f)).ToList();
        Assert.True(found.Count == 0, "PortalGuard wrote private data:" + Environment.NewLine + string.Join(Environment.NewLine, found));

        // The scan reads the right bytes: the portal's origin is in the database, the canary in the extension's storage.
        Assert.True(live.Contains(IsDatabase, origin), $"{origin} not found in the live database files");
        Assert.True(closed.Contains(IsDatabase, origin), $"{origin} not found in the database after the host exited");
        Assert.True(closed.Contains(IsDatabase, lookalikeOrigin), $"{lookalikeOrigin} not found in the database");
        Assert.True(closed.Contains(f => f.Area == ExtensionArea, canary), "the canary stored through chrome.storage.local was not found: the scan misses the extension's storage");
        Assert.NotEmpty(closed.Find([("canary", canary)]));
        Assert.Contains(origin, audit, StringComparison.Ordinal);

        AssertOwnerOnly(folders!.Data);
    }

    private const string HostArea = "host data folder";
    private const string ExtensionArea = "extension storage";
    private const string SharedArea = "web storage shared by all origins (the extension's included)";
    private const string PreferencesArea = "the extension's entry in the browser's preferences";

    private static bool IsDatabase(WrittenBytesScan.ScannedFile file) =>
        file.Area == HostArea && Path.GetFileName(file.Name).StartsWith("portalguard.db", StringComparison.Ordinal);

    /// <summary>What PortalGuard wrote: the host's whole data folder; in the profile, every folder and file named after the
    /// extension (its storage areas, IndexedDB, storage buckets), the extension-wide stores and cookies, the stores shared by origins
    /// (Local and Session Storage, service workers), and the extension's entry in the preferences files.</summary>
    private static WrittenBytesScan Scan(BrowserSession.Folders folders)
    {
        var scan = new WrittenBytesScan();
        scan.AddFolder(HostArea, folders.Data, folders.Data);

        var profile = Path.Combine(folders.Profile, "Default");
        foreach (var entry in new DirectoryInfo(profile).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
                     .Where(e => e.Name.Contains(ExtensionId, StringComparison.OrdinalIgnoreCase)))
        {
            if (entry is DirectoryInfo)
            {
                scan.AddFolder(ExtensionArea, entry.FullName, profile);
            }
            else
            {
                scan.AddFile(ExtensionArea, entry.FullName, profile);
            }
        }

        foreach (var store in new[] { "Extension State", "Extension Rules", "Extension Scripts" })
        {
            scan.AddFolder(ExtensionArea, Path.Combine(profile, store), profile);
        }

        foreach (var store in new[] { "Extension Cookies", "Extension Cookies-journal" })
        {
            scan.AddFile(ExtensionArea, Path.Combine(profile, store), profile);
        }

        foreach (var store in new[] { "Local Storage", "Session Storage", "Service Worker" })
        {
            scan.AddFolder(SharedArea, Path.Combine(profile, store), profile);
        }

        foreach (var preferences in new[] { "Preferences", "Secure Preferences" })
        {
            scan.AddJsonValue(PreferencesArea, Path.Combine(profile, preferences), profile, "extensions", "settings", ExtensionId);
        }

        return scan;
    }

    private void AssertOwnerOnly(string dataDirectory)
    {
        var entries = new DirectoryInfo(dataDirectory).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(new DirectoryInfo(dataDirectory)).ToList();
        foreach (var entry in entries)
        {
            output.WriteLine($"{Convert.ToString((int)entry.UnixFileMode, 8)} {entry.FullName}");
        }

        Assert.All(entries, e => Assert.Equal(
            e is DirectoryInfo ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite,
            e.UnixFileMode));
    }

    private static async Task WaitForOverlayAsync(IPage page)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await page.EvaluateAsync<bool>("() => document.querySelector('portalguard-overlay') !== null"))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the gate's overlay did not appear");
            }

            await Task.Delay(50);
        }
    }
}
