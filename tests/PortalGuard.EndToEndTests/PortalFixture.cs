using System.Globalization;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>What every browser test shares: the test portal's certificates, its HTTPS server and the server of the pages
/// that fight the content script.
/// Also decides whether the tests can run: without Chromium they fail in CI and return early elsewhere.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    /// <summary>A portal in the embedded catalog, so the host knows it.</summary>
    public const string PortalHost = "mychart.ucsf.edu";

    /// <summary>The same page under a name that imitates the portal: the host calls it a lookalike.</summary>
    public const string LookalikeHost = "mychart-ucsf.edu.login-check.net";

    /// <summary>A name in no catalog, which the browser policy's <c>extraPortals</c> makes a portal (ManagedPortalTests).</summary>
    public const string ManagedHost = "patients.acme-clinic.example";

    /// <summary>A site in no catalog and imitating nothing: a sign-in service some page frames, or an innocent page (FrameLoginTests).</summary>
    public const string PartnerHost = "signin.clinic-partner.example";

    /// <summary>Another such site, whose frames carry no password field (an advertising network's).</summary>
    public const string AdHost = "ads.adnetwork.example";

    public const string ChromiumVariable = "PORTALGUARD_CHROMIUM";

    private TestCertificates? _certificates;
    private TestPortalServer? _server;
    private HostilePageServer? _hostilePages;

    public static string ChromiumPath => Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string CertutilPath => "/usr/bin/certutil";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? Missing { get; private set; }

    public TestCertificates Certificates => _certificates ?? throw new InvalidOperationException(Missing);

    public int Port => _server?.Port ?? throw new InvalidOperationException(Missing);

    /// <summary>The page's origin as the browser reports it (the port is not the default one).</summary>
    public string Origin => $"https://{PortalHost}:{Port}";

    public string LoginUrl => Origin + TestPortalServer.LoginPath;

    public string LookalikeOrigin => $"https://{LookalikeHost}:{Port}";

    /// <summary>The pages that attack the content script or hide their password field (HostilePageTests, HiddenPasswordFieldTests).</summary>
    public HostilePageServer HostilePages => _hostilePages ?? throw new InvalidOperationException(Missing);

    /// <summary>The hostile page server's origin under the portal's name, or under the lookalike's.</summary>
    public string HostileOrigin(bool lookalike) => HostilePages.Origin(lookalike);

    /// <summary>The hostile page server's origin under any of the names the browser maps to it.</summary>
    public string HostileOriginOf(string host) =>
        string.Create(CultureInfo.InvariantCulture, $"https://{host}:{HostilePages.Port}");

    public async Task InitializeAsync()
    {
        Missing = !OperatingSystem.IsLinux() ? "the end-to-end tests drive Chromium on Linux only"
            : !File.Exists(ChromiumPath) ? $"{ChromiumPath} not found (apt-get install chromium, or set {ChromiumVariable})"
            : !File.Exists(CertutilPath) ? $"{CertutilPath} not found (apt-get install libnss3-tools)"
            : null;
        if (Missing is not null)
        {
            return;
        }

        _certificates = TestCertificates.Create(PortalHost, LookalikeHost, ManagedHost, PartnerHost, AdHost);
        _server = await TestPortalServer.StartAsync(_certificates.Server);
        _hostilePages = await HostilePageServer.StartAsync(_certificates.Server);
    }

    /// <summary>True when the tests can run. Otherwise fails the test in CI, and elsewhere says why and lets it return.</summary>
    public bool CanRun(ITestOutputHelper output)
    {
        if (Missing is null)
        {
            return true;
        }

        Assert.False(IsCi, $"CI=true and the end-to-end tests cannot run: {Missing}");
        output.WriteLine($"End-to-end test not run: {Missing}. Install Chromium and libnss3-tools to run it.");
        return false;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_hostilePages is not null)
        {
            await _hostilePages.DisposeAsync();
        }

        _certificates?.Dispose();
    }
}
