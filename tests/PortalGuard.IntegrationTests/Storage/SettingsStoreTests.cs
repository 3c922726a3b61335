using PortalGuard.Storage;
using Xunit;

namespace PortalGuard.IntegrationTests.Storage;

public sealed class SettingsStoreTests : IDisposable
{
    private readonly TempStore _temp = new();

    private SettingsStore Settings => _temp.Store.Settings;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Settings_never_set_read_as_the_defaults()
    {
        Assert.Equal(PortalGuardSettings.Defaults, Settings.Get());
    }

    [Fact]
    public void Stored_settings_tell_a_users_choice_from_a_default()
    {
        Assert.Equal(new StoredSettings(null, null, null), Settings.GetStored());

        Settings.Set("requireVpn", "false");

        Assert.Equal(new StoredSettings(null, false, null), Settings.GetStored());
    }

    [Theory]
    [InlineData("sharedDevice", "true", true, false, 0)]
    [InlineData("sharedDevice", "FALSE", false, false, 0)]
    [InlineData("requireVpn", "True", false, true, 0)]
    [InlineData("idleTimeoutMinutes", "0", false, false, 0)]
    [InlineData("idleTimeoutMinutes", "15", false, false, 15)]
    [InlineData("idleTimeoutMinutes", "1440", false, false, 1440)]
    [InlineData("IdleTimeoutMinutes", " 30 ", false, false, 30)]
    public void Setting_a_key_is_returned_and_kept_across_reopening(string key, string value, bool sharedDevice, bool requireVpn, int idleMinutes)
    {
        var expected = new PortalGuardSettings(sharedDevice, requireVpn, idleMinutes);

        Assert.Equal(expected, Settings.Set(key, value));

        Assert.Equal(expected, _temp.Reopen().Settings.Get());
    }

    [Theory]
    [InlineData("sharedDevice", "yes", "true or false")]
    [InlineData("sharedDevice", "1", "true or false")]
    [InlineData("requireVpn", "", "true or false")]
    [InlineData("idleTimeoutMinutes", "-1", "0 to 1440")]
    [InlineData("idleTimeoutMinutes", "1441", "0 to 1440")]
    [InlineData("idleTimeoutMinutes", "ten", "0 to 1440")]
    [InlineData("idleTimeoutMinutes", "1.5", "0 to 1440")]
    public void Bad_value_is_refused_naming_the_key_and_the_allowed_values_and_changes_nothing(string key, string value, string allowed)
    {
        Settings.Set("idleTimeoutMinutes", "5");
        Settings.Set("sharedDevice", "true");
        var before = Settings.Get();

        var refused = Assert.Throws<ArgumentException>(() => Settings.Set(key, value));

        Assert.Contains(key, refused.Message, StringComparison.Ordinal);
        Assert.Contains(allowed, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Settings.Get());
    }

    [Fact]
    public void Unknown_key_is_refused_listing_the_known_keys()
    {
        var refused = Assert.Throws<ArgumentException>(() => Settings.Set("rememberPasswords", "true"));

        Assert.Contains("rememberPasswords", refused.Message, StringComparison.Ordinal);
        Assert.Contains("sharedDevice", refused.Message, StringComparison.Ordinal);
        Assert.Contains("requireVpn", refused.Message, StringComparison.Ordinal);
        Assert.Contains("idleTimeoutMinutes", refused.Message, StringComparison.Ordinal);
        Assert.Equal(PortalGuardSettings.Defaults, Settings.Get());
    }

    [Fact]
    public void Update_stores_every_field_at_once()
    {
        var wanted = new PortalGuardSettings(SharedDevice: true, RequireVpn: true, IdleTimeoutMinutes: 20);

        Assert.Equal(wanted, Settings.Update(wanted));
        Assert.Equal(wanted, Settings.Get());
        Assert.Equal(PortalGuardSettings.Defaults, Settings.Update(PortalGuardSettings.Defaults));
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(1441)]
    public void Update_with_an_idle_timeout_out_of_range_is_refused_and_changes_nothing(int minutes)
    {
        var refused = Assert.Throws<ArgumentException>(() => Settings.Update(new PortalGuardSettings(true, true, minutes)));

        Assert.Contains("idleTimeoutMinutes", refused.Message, StringComparison.Ordinal);
        Assert.Equal(PortalGuardSettings.Defaults, Settings.Get());
    }

    [Fact]
    public void Stored_value_this_build_cannot_read_falls_back_to_the_default_for_that_key_only()
    {
        Settings.Set("requireVpn", "true");
        _temp.Store.Database.Transact(c => c.Execute("INSERT INTO settings (key, value) VALUES ('idleTimeoutMinutes', 'soon');"));

        Assert.Equal(new PortalGuardSettings(false, true, 0), Settings.Get());
    }
}
