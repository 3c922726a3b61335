using PortalGuard.Install;

namespace PortalGuard.Tests.Install;

/// <summary>Each way a manifest can be wrong, reported as the browser would suffer it, with a fix.</summary>
public sealed class ManifestInspectorTests : IDisposable
{
    private const string Origin = "chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh/";
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("bad JSON", "{\"name\":", "is not valid JSON")]
    [InlineData("not an object", "[1]", "not an object")]
    [InlineData("wrong name", "{\"name\":\"com.other\",\"type\":\"stdio\",\"path\":\"PROGRAM\",\"allowed_origins\":[\"" + Origin + "\"]}", "has name 'com.other'")]
    [InlineData("relative path", "{\"name\":\"com.portalguard.host\",\"type\":\"stdio\",\"path\":\"bin/portalguard\",\"allowed_origins\":[\"" + Origin + "\"]}", "is relative")]
    [InlineData("missing program", "{\"name\":\"com.portalguard.host\",\"type\":\"stdio\",\"path\":\"/no/such/portalguard\",\"allowed_origins\":[\"" + Origin + "\"]}", "does not exist")]
    [InlineData("not executable", "{\"name\":\"com.portalguard.host\",\"type\":\"stdio\",\"path\":\"PLAINFILE\",\"allowed_origins\":[\"" + Origin + "\"]}", "is not executable")]
    [InlineData("wrong origin", "{\"name\":\"com.portalguard.host\",\"type\":\"stdio\",\"path\":\"PROGRAM\",\"allowed_origins\":[\"chrome-extension://abcdefghijklmnopabcdefghijklmnop/\"]}", "does not list PortalGuard's extension")]
    [InlineData("wrong type", "{\"name\":\"com.portalguard.host\",\"type\":\"pipe\",\"path\":\"PROGRAM\",\"allowed_origins\":[\"" + Origin + "\"]}", "type 'pipe'")]
    public void Broken_manifest_fails_with_a_fix(string _, string json, string expected)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var program = _temp.CreateProgram("bin", "portalguard");
        var plain = _temp.Combine("plain", "portalguard");
        Directory.CreateDirectory(Path.GetDirectoryName(plain)!);
        File.WriteAllText(plain, "#!/bin/sh\n");
        var manifest = _temp.Combine("com.portalguard.host.json");
        File.WriteAllText(manifest, json.Replace("PROGRAM", program, StringComparison.Ordinal).Replace("PLAINFILE", plain, StringComparison.Ordinal));

        var inspection = ManifestInspector.Inspect(manifest, Browser.Chrome, "chrome (user)", "portalguard install --browser chrome", windowsRules: false);

        var failure = Assert.Single(inspection.Checks, c => c.Status == DoctorStatus.Failed);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(failure.Fix));
    }

    [Fact]
    public void Firefox_manifest_must_list_the_add_on_id()
    {
        var program = _temp.CreateProgram("bin", "portalguard");
        var manifest = _temp.Combine("com.portalguard.host.json");
        File.WriteAllBytes(manifest, HostManifestInstaller.Serialize(HostManifest.ForChromium(program)));

        var inspection = ManifestInspector.Inspect(manifest, Browser.Firefox, "firefox (user)", "portalguard install --browser firefox", windowsRules: false);

        Assert.Contains(inspection.Checks, c => c.Status == DoctorStatus.Failed && c.Message.Contains("allowed_extensions", StringComparison.Ordinal));
    }

    [Fact]
    public void Manifest_written_by_install_is_ok_and_names_the_program_to_start()
    {
        var program = _temp.CreateProgram("bin", "portalguard");
        var manifest = _temp.Combine("com.portalguard.host.json");
        File.WriteAllBytes(manifest, HostManifestInstaller.Serialize(HostManifest.ForFirefox(program)));

        var inspection = ManifestInspector.Inspect(manifest, Browser.Firefox, "firefox (user)", "portalguard install --browser firefox", windowsRules: false);

        Assert.Equal(program, inspection.Program);
        Assert.Equal(DoctorStatus.Ok, Assert.Single(inspection.Checks).Status);
    }
}
