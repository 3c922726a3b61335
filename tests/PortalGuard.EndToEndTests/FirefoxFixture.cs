using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>What the Firefox tests share: the test portal's certificates and HTTPS server, and one Firefox with the
/// add-on and the real host, started by the first test that asks for it and closed after the last.
/// Also decides whether the tests can run: without Firefox they fail in CI and return early elsewhere.</summary>
public sealed class FirefoxFixture : IAsyncLifetime
{
    public const string FirefoxVariable = "PORTALGUARD_FIREFOX";

    private TestCertificates? _certificates;
    private TestPortalServer? _server;
    private HostilePageServer? _hostilePages;
    private FirefoxBrowser? _browser;

    public static string FirefoxPath => Environment.GetEnvironmentVariable(FirefoxVariable) is { Length: > 0 } path ? path : "/usr/bin/firefox-esr";

    /// <summary>Why the Firefox tests cannot run here, or null when they can.</summary>
    public string? Missing { get; private set; }

    public TestCertificates Certificates => _certificates ?? throw new InvalidOperationException(Missing);

    public TestPortalServer Server => _server ?? throw new InvalidOperationException(Missing);

    public string Origin => $"https://{PortalFixture.PortalHost}:{Server.Port}";

    public string LoginUrl => Origin + TestPortalServer.LoginPath;

    public string LookalikeOrigin => $"https://{PortalFixture.LookalikeHost}:{Server.Port}";

    /// <summary>The pages that attack the content script or hide their password field, as the Chromium tests get them from PortalFixture.</summary>
    public HostilePageServer HostilePages => _hostilePages ?? throw new InvalidOperationException(Missing);

    public async Task InitializeAsync()
    {
        Missing = !OperatingSystem.IsLinux() ? "the Firefox end-to-end tests drive Debian's firefox-esr on Linux only"
            : !File.Exists(FirefoxPath) ? $"{FirefoxPath} not found (apt-get install firefox-esr, or set {FirefoxVariable})"
            : !File.Exists(PortalFixture.CertutilPath) ? $"{PortalFixture.CertutilPath} not found (apt-get install libnss3-tools)"
            : !OnPath("node") ? "node not found on PATH (it builds the Firefox folder: extension/tools/build-firefox.mjs)"
            : null;
        if (Missing is not null)
        {
            return;
        }

        _certificates = TestCertificates.Create(PortalFixture.PortalHost, PortalFixture.LookalikeHost);
        _server = await TestPortalServer.StartAsync(_certificates.Server);
        _hostilePages = await HostilePageServer.StartAsync(_certificates.Server);
    }

    /// <summary>True when the tests can run. Otherwise fails the test in CI, and elsewhere says why and lets it return.</summary>
    public bool CanRun(ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Missing is null)
        {
            return true;
        }

        Assert.False(PortalFixture.IsCi, $"CI=true and the Firefox end-to-end tests cannot run: {Missing}");
        output.WriteLine($"Firefox end-to-end test not run: {Missing}. Install firefox-esr and libnss3-tools to run it.");
        return false;
    }

    /// <summary>The collection's Firefox, started on first use; its lines go to <paramref name="output"/> from now on.</summary>
    public async Task<FirefoxBrowser> BrowserAsync(ITestOutputHelper output)
    {
        // The collection's tests run one after another (AssemblyInfo): no two ask at once.
        _browser ??= await FirefoxBrowser.LaunchAsync(this, output, folders => RealHost.InstallForFirefoxAsync(folders, output));
        _browser.Output = output;
        return _browser;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            _browser.Output = null;
            await _browser.DisposeAsync();
        }

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
