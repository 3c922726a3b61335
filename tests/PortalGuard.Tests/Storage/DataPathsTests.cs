using PortalGuard.Storage;
using Xunit;

namespace PortalGuard.Tests.Storage;

public sealed class DataPathsTests
{
    [Theory]
    [InlineData("Linux", "/home/ana", null, null, "/home/ana/.local/share/portalguard")]
    [InlineData("Linux", "/home/ana", "XDG_DATA_HOME=/data/ana", null, "/data/ana/portalguard")]
    [InlineData("Linux", "/home/ana", "XDG_DATA_HOME=/data/ana/", null, "/data/ana/portalguard")]
    [InlineData("Linux", "/home/ana", "XDG_DATA_HOME=relative/data", null, "/home/ana/.local/share/portalguard")]
    [InlineData("Linux", "/home/ana", "XDG_DATA_HOME=", null, "/home/ana/.local/share/portalguard")]
    [InlineData("Windows", @"C:\Users\Ana", @"LOCALAPPDATA=C:\Users\Ana\AppData\Local", null, @"C:\Users\Ana\AppData\Local\PortalGuard")]
    [InlineData("Windows", @"C:\Users\Ana", null, null, @"C:\Users\Ana\AppData\Local\PortalGuard")]
    [InlineData("Windows", @"C:\Users\Ana", "XDG_DATA_HOME=/data/ana", null, @"C:\Users\Ana\AppData\Local\PortalGuard")]
    [InlineData("MacOS", "/Users/ana", null, null, "/Users/ana/Library/Application Support/PortalGuard")]
    [InlineData("MacOS", "/Users/ana", "XDG_DATA_HOME=/data/ana", null, "/Users/ana/Library/Application Support/PortalGuard")]
    [InlineData("Linux", "/home/ana", "XDG_DATA_HOME=/data/ana", "/srv/portalguard", "/srv/portalguard")]
    [InlineData("Windows", @"C:\Users\Ana", null, @"D:\PortalGuard", @"D:\PortalGuard")]
    [InlineData("MacOS", "/Users/ana", null, "/Volumes/Kiosk/pg", "/Volumes/Kiosk/pg")]
    public void Data_directory_follows_each_systems_convention_unless_the_variable_overrides_it(
        string operatingSystem, string home, string? variable, string? overrideDirectory, string expected)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (variable is not null)
        {
            var parts = variable.Split('=', 2);
            environment[parts[0]] = parts[1];
        }

        if (overrideDirectory is not null)
        {
            environment[DataPaths.DataDirectoryVariable] = overrideDirectory;
        }

        var directory = DataPaths.DataDirectory(name => environment.GetValueOrDefault(name), Enum.Parse<HostOperatingSystem>(operatingSystem), home);

        Assert.Equal(expected, directory);
    }

    [Fact]
    public void Without_a_home_folder_or_variable_the_message_says_which_variable_to_set()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => DataPaths.DataDirectory(_ => null, HostOperatingSystem.Linux, ""));

        Assert.Contains(DataPaths.DataDirectoryVariable, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Database_and_logs_live_inside_the_data_directory()
    {
        Assert.Equal(Path.Combine("/srv/pg", "portalguard.db"), DataPaths.DatabaseFile("/srv/pg"));
        Assert.Equal(Path.Combine("/srv/pg", "logs"), DataPaths.LogDirectory("/srv/pg"));
    }

    [Fact]
    public void Data_directory_of_this_process_honours_the_variable()
    {
        // Read-only check against the real environment: the test runner normally has neither variable set, so only the shape is asserted.
        var directory = DataPaths.DataDirectory();

        Assert.True(Path.IsPathRooted(directory), directory);
    }
}
