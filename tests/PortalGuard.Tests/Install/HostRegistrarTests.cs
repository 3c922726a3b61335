using NSubstitute;
using PortalGuard.Install;

namespace PortalGuard.Tests.Install;

/// <summary>Windows registration rules against a substitute registry: the real one cannot exist here.</summary>
public sealed class HostRegistrarTests : IDisposable
{
    private static readonly RegistryLocation UserKey = new(RegistryHiveName.CurrentUser, RegistryBitness.Default, @"Software\Google\Chrome\NativeMessagingHosts\com.portalguard.host");
    private static readonly RegistryLocation MachineKey64 = new(RegistryHiveName.LocalMachine, RegistryBitness.Bits64, @"Software\Mozilla\NativeMessagingHosts\com.portalguard.host");
    private static readonly RegistryLocation MachineKey32 = MachineKey64 with { View = RegistryBitness.Bits32 };

    private readonly TemporaryFolder _temp = new();
    private readonly IRegistry _registry = Substitute.For<IRegistry>();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Install_writes_the_file_then_points_the_key_at_it()
    {
        var target = Target(UserKey);

        var result = Registrar().Install(target, HostManifest.ForChromium(Program()), force: false);

        Assert.True(File.Exists(target.ManifestPath));
        _registry.Received(1).SetDefaultValue(UserKey, target.ManifestPath);
        Assert.Equal(HostManifestChange.Created, Assert.Single(result.RegistryChanges).Change);
    }

    [Fact]
    public void Machine_scope_sets_both_registry_views()
    {
        var target = Target(MachineKey64, MachineKey32);

        Registrar().Install(target, HostManifest.ForFirefox(Program()), force: false);

        _registry.Received(1).SetDefaultValue(MachineKey64, target.ManifestPath);
        _registry.Received(1).SetDefaultValue(MachineKey32, target.ManifestPath);
    }

    [Fact]
    public void Installing_again_leaves_a_key_that_already_names_the_file_untouched()
    {
        var target = Target(UserKey);
        Registrar().Install(target, HostManifest.ForChromium(Program()), force: false);
        _registry.GetDefaultValue(UserKey).Returns(target.ManifestPath);
        _registry.ClearReceivedCalls();

        var result = Registrar().Install(target, HostManifest.ForChromium(Program()), force: false);

        _registry.DidNotReceiveWithAnyArgs().SetDefaultValue(default!, default!);
        Assert.Equal(HostManifestChange.Unchanged, Assert.Single(result.RegistryChanges).Change);
        Assert.Equal(HostManifestChange.Unchanged, result.Manifest.Change);
    }

    [Fact]
    public void Key_naming_another_programs_manifest_is_refused_and_nothing_is_written()
    {
        var target = Target(UserKey);
        KeyNamesAnotherProgramsManifest();

        var exception = Assert.Throws<HostManifestConflictException>(() => Registrar().Install(target, HostManifest.ForChromium(Program()), force: false));

        Assert.Contains(UserKey.Display, exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target.ManifestPath));
        _registry.DidNotReceiveWithAnyArgs().SetDefaultValue(default!, default!);
    }

    [Fact]
    public void Force_replaces_a_key_of_another_program()
    {
        var target = Target(UserKey);
        KeyNamesAnotherProgramsManifest();

        var result = Registrar().Install(target, HostManifest.ForChromium(Program()), force: true);

        _registry.Received(1).SetDefaultValue(UserKey, target.ManifestPath);
        Assert.Equal(HostManifestChange.Updated, Assert.Single(result.RegistryChanges).Change);
    }

    [Fact]
    public void Stale_key_naming_a_missing_file_is_replaced()
    {
        var target = Target(UserKey);
        _registry.GetDefaultValue(UserKey).Returns(_temp.Combine("gone.json"));

        Registrar().Install(target, HostManifest.ForChromium(Program()), force: false);

        _registry.Received(1).SetDefaultValue(UserKey, target.ManifestPath);
    }

    [Fact]
    public void Uninstall_deletes_the_keys_and_the_file_install_wrote()
    {
        var target = Target(MachineKey64, MachineKey32);
        Registrar().Install(target, HostManifest.ForFirefox(Program()), force: false);
        _registry.GetDefaultValue(Arg.Any<RegistryLocation>()).Returns(target.ManifestPath);
        _registry.DeleteKey(Arg.Any<RegistryLocation>()).Returns(true);

        var result = Registrar().Uninstall(target, force: false);

        _registry.Received(1).DeleteKey(MachineKey64);
        _registry.Received(1).DeleteKey(MachineKey32);
        Assert.False(File.Exists(target.ManifestPath));
        Assert.All(result.RegistryChanges, c => Assert.Equal(HostManifestChange.Removed, c.Change));
        Assert.Equal(HostManifestChange.Removed, result.Manifest.Change);
    }

    [Fact]
    public void Uninstall_leaves_a_key_of_another_program_alone()
    {
        var target = Target(UserKey);
        KeyNamesAnotherProgramsManifest();

        Assert.Throws<HostManifestConflictException>(() => Registrar().Uninstall(target, force: false));

        _registry.DidNotReceiveWithAnyArgs().DeleteKey(default!);
    }

    [Fact]
    public void Registry_target_without_a_registry_is_not_supported()
    {
        Assert.Throws<PlatformNotSupportedException>(() => new HostRegistrar(null).Install(Target(UserKey), HostManifest.ForChromium(Program()), force: false));
    }

    private HostRegistrar Registrar() => new(_registry);

    private void KeyNamesAnotherProgramsManifest()
    {
        var foreign = _temp.Combine("host.json");
        File.WriteAllText(foreign, """{"name":"com.portalguard.host","path":"C:\\Other\\other.exe","type":"stdio"}""");
        _registry.GetDefaultValue(UserKey).Returns(foreign);
    }

    private ManifestTarget Target(params RegistryLocation[] keys) => new(Browser.Chrome, InstallScope.User, _temp.Combine("PortalGuard", "NativeMessagingHosts", "chrome"), keys);

    private string Program() => File.Exists(_temp.Combine("bin", "portalguard")) ? _temp.Combine("bin", "portalguard") : _temp.CreateProgram("bin", "portalguard");
}
