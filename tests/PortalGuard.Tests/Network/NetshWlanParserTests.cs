using PortalGuard.Network;

namespace PortalGuard.Tests.Network;

public sealed class NetshWlanParserTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Theory]
    // fixture, state, SSID, open
    [InlineData(nameof(WifiFixtures.NetshConnectedWpa2), WifiState.Connected, "HomeNet", false)]
    [InlineData(nameof(WifiFixtures.NetshConnectedOpen), WifiState.Connected, "Airport Free WiFi", true)]
    [InlineData(nameof(WifiFixtures.NetshConnectedWep), WifiState.Connected, "OldRouter", true)]
    [InlineData(nameof(WifiFixtures.NetshConnectedOwe), WifiState.Connected, "Airport Free WiFi Secure", false)]
    [InlineData(nameof(WifiFixtures.NetshDisconnected), WifiState.None, null, false)]
    [InlineData(nameof(WifiFixtures.NetshNoInterface), WifiState.None, null, false)]
    [InlineData(nameof(WifiFixtures.NetshGermanOpen), WifiState.Connected, "Hotel-Gast", true)]
    [InlineData(nameof(WifiFixtures.NetshFrenchWpa2), WifiState.Connected, "Gare-WiFi", false)]
    [InlineData(nameof(WifiFixtures.NetshFrenchOpen), WifiState.Connected, "Gare-WiFi-Libre", true)]
    [InlineData(nameof(WifiFixtures.NetshSpanishDisconnected), WifiState.None, null, false)]
    [InlineData(nameof(WifiFixtures.NetshSpanishOpen), WifiState.Connected, "Cafe Centro", true)]
    [InlineData(nameof(WifiFixtures.NetshTwoInterfacesOneOpen), WifiState.Connected, "Free Public WiFi", true)]
    public void Recorded_output_gives_the_connection_and_whether_it_is_open(string fixture, WifiState state, string? ssid, bool open)
    {
        var facts = NetshWlanParser.Parse(Fixture(fixture), Now);

        Assert.Equal(state, facts.State);
        Assert.Equal(ssid, facts.Ssid);
        Assert.Equal(open, facts.Open);
        Assert.Null(facts.Problem);
        Assert.Equal(Now, facts.CheckedAt);
    }

    [Fact]
    public void Security_is_reported_as_authentication_and_cipher()
    {
        Assert.Equal("WPA2-Personal / CCMP", NetshWlanParser.Parse(WifiFixtures.NetshConnectedWpa2, Now).Security);
    }

    [Fact]
    public void Windows_line_endings_are_read_alike()
    {
        var facts = NetshWlanParser.Parse(WifiFixtures.NetshConnectedOpen.Replace("\n", "\r\n", StringComparison.Ordinal), Now);

        Assert.Equal("Airport Free WiFi", facts.Ssid);
        Assert.True(facts.Open);
    }

    [Fact]
    public void German_labels_mis_decoded_from_the_console_code_page_are_still_read()
    {
        // UTF-8 "ü" read as code page 850 comes out as "├╝".
        var garbled = WifiFixtures.NetshGermanOpen.Replace("ü", "├╝", StringComparison.Ordinal);

        var facts = NetshWlanParser.Parse(garbled, Now);

        Assert.Equal("Hotel-Gast", facts.Ssid);
        Assert.True(facts.Open);
    }

    [Fact]
    public void Unknown_language_is_connected_by_its_SSID_line_with_the_security_unread()
    {
        var facts = NetshWlanParser.Parse(WifiFixtures.NetshJapaneseWpa2, Now);

        Assert.Equal(WifiState.Connected, facts.State);
        Assert.Equal("HomeNet", facts.Ssid);
        Assert.False(facts.Open);
        Assert.Null(facts.Security);
        Assert.NotNull(facts.Problem);
    }

    [Fact]
    public void SSID_containing_a_colon_is_kept_whole()
    {
        var output = WifiFixtures.NetshConnectedOpen.Replace("Airport Free WiFi", "Gate 12: Free", StringComparison.Ordinal);

        Assert.Equal("Gate 12: Free", NetshWlanParser.Parse(output, Now).Ssid);
    }

    private static string Fixture(string name) =>
        (string)typeof(WifiFixtures).GetField(name)!.GetValue(null)!;
}
