using NSubstitute;
using PortalGuard.Install;
using PortalGuard.Storage;

namespace PortalGuard.Tests.Install;

/// <summary>The doctor's Windows path (through a substitute registry) and its hook for further checks.</summary>
public sealed class DoctorTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();
    private readonly IRegistry _registry = Substitute.For<IRegistry>();

    public DoctorTests() => _registry.GetDefaultValue(Arg.Any<RegistryLocation>()).Returns((string?)null);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Registry_key_naming_a_missing_manifest_is_a_failure_with_the_install_command_as_fix()
    {
        var missing = _temp.Combine("gone", "com.portalguard.host.json");
        _registry.GetDefaultValue(new RegistryLocation(RegistryHiveName.CurrentUser, RegistryBitness.Default, @"Software\Google\Chrome\NativeMessagingHosts\com.portalguard.host"))
            .Returns(missing);

        var report = await Doctor(HostOperatingSystem.Windows, []).RunAsync();

        var failure = Assert.Single(report.Checks, c => c.Area == "chrome (user)");
        Assert.Equal(DoctorStatus.Failed, failure.Status);
        Assert.Contains($"the registry names {missing}, which does not exist", failure.Message, StringComparison.Ordinal);
        Assert.Equal("portalguard install --browser chrome", failure.Fix);
        Assert.False(report.Healthy);
    }

    [Fact]
    public async Task Additional_checks_are_reported_and_a_failing_one_makes_the_report_unhealthy()
    {
        Directory.CreateDirectory(_temp.Combine("home", ".mozilla"));
        var policy = DoctorCheck.Failed("policy", "/etc/portalguard/policy.json is not valid JSON", "fix the file");

        var report = await Doctor(HostOperatingSystem.Linux, [() => [policy]]).RunAsync();

        Assert.Equal(policy, report.Checks[^1]);
        Assert.Contains(report.Checks, c => c.Area == "database" && c.Status == DoctorStatus.Ok);
        Assert.False(report.Healthy);
    }

    private Doctor Doctor(HostOperatingSystem system, IReadOnlyList<Func<IEnumerable<DoctorCheck>>> additional) =>
        new(
            new InstallPlatform(system, name => name is "HOME" or "USERPROFILE" ? _temp.Combine("home") : null, _temp.Combine("root")),
            _registry,
            _temp.Combine("data"),
            "0.0.0-test",
            TimeProvider.System,
            TimeSpan.FromSeconds(10),
            additional);
}
