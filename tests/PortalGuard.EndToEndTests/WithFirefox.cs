namespace PortalGuard.EndToEndTests;

/// <summary>The Firefox tests share one test portal and one Firefox (see FirefoxFixture); the Chromium ones do not see it.</summary>
[CollectionDefinition(Name)]
public sealed class WithFirefox : ICollectionFixture<FirefoxFixture>
{
    public const string Name = "Firefox";
}
