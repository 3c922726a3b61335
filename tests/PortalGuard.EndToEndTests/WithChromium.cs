namespace PortalGuard.EndToEndTests;

/// <summary>The browser tests share one test portal (certificates and HTTPS server).</summary>
[CollectionDefinition(Name)]
public sealed class WithChromium : ICollectionFixture<PortalFixture>
{
    public const string Name = "Chromium";
}
