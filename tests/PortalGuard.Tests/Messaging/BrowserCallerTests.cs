using PortalGuard.Messaging;

namespace PortalGuard.Tests.Messaging;

public sealed class BrowserCallerTests
{
    [Theory]
    [InlineData("chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh/", null, "Chromium", "chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh/")]
    [InlineData("chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh/", "--parent-window=1234", "Chromium", "chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh/")]
    [InlineData("/home/ann/.mozilla/native-messaging-hosts/com.portalguard.host.json", "portalguard@portalguard.org", "Firefox", "portalguard@portalguard.org")]
    public void Browser_launch_is_recognised(string first, string? second, string family, string identity)
    {
        var args = second is null ? new[] { first } : [first, second];

        var caller = BrowserCaller.FromArguments(args);

        Assert.NotNull(caller);
        Assert.Equal(family, caller.Family.ToString());
        Assert.Equal(identity, caller.Identity);
    }

    [Theory]
    [InlineData("check", "mychart.ucsf.edu")]
    [InlineData("status", null)]
    [InlineData("settings.json", "--json")]
    [InlineData("relative/manifest.json", "portalguard@portalguard.org")]
    public void Command_line_is_not_a_browser_launch(string first, string? second)
    {
        var args = second is null ? new[] { first } : [first, second];

        Assert.Null(BrowserCaller.FromArguments(args));
    }

    [Theory]
    [InlineData("chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh/", true)]
    [InlineData("chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/", false)]
    [InlineData("chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh.evil/", false)]
    public void Only_our_chromium_extension_is_allowed_by_default(string origin, bool allowed)
    {
        var callers = AllowedCallers.FromEnvironment(_ => null);

        Assert.Equal(allowed, callers.Allows(new BrowserCaller(BrowserFamily.Chromium, origin)));
    }

    [Theory]
    [InlineData("portalguard@portalguard.org", true)]
    [InlineData("someone-else@example.org", false)]
    public void Only_our_firefox_addon_is_allowed_by_default(string addonId, bool allowed)
    {
        var callers = AllowedCallers.FromEnvironment(_ => null);

        Assert.Equal(allowed, callers.Allows(new BrowserCaller(BrowserFamily.Firefox, addonId)));
    }

    [Fact]
    public void Extra_callers_come_from_the_environment()
    {
        var callers = AllowedCallers.FromEnvironment(name => name == AllowedCallers.EnvironmentVariable
            ? " chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh , dev@example.org"
            : null);

        Assert.True(callers.Allows(new BrowserCaller(BrowserFamily.Chromium, "chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/")));
        Assert.True(callers.Allows(new BrowserCaller(BrowserFamily.Firefox, "dev@example.org")));
    }
}
