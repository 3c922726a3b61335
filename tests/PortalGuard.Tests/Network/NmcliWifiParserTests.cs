using PortalGuard.Network;

namespace PortalGuard.Tests.Network;

public sealed class NmcliWifiParserTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Theory]
    // output line(s), state, SSID, security reported, open
    [InlineData("yes:HomeNet:WPA2", WifiState.Connected, "HomeNet", "WPA2", false)]
    [InlineData("yes:Home:WPA2 WPA3", WifiState.Connected, "Home", "WPA2 WPA3", false)]
    [InlineData("yes:eduroam:WPA2 802.1X", WifiState.Connected, "eduroam", "WPA2 802.1X", false)]
    [InlineData("yes:Hotel Guest:", WifiState.Connected, "Hotel Guest", "open", true)]
    [InlineData("yes:Hotel Guest:--", WifiState.Connected, "Hotel Guest", "open", true)]
    [InlineData("yes:OldRouter:WEP", WifiState.Connected, "OldRouter", "WEP", true)]
    [InlineData("yes:Airport Free WiFi Secure:OWE", WifiState.Connected, "Airport Free WiFi Secure", "OWE", false)] // Enhanced Open encrypts
    [InlineData("yes:Cafe\\:Corner:", WifiState.Connected, "Cafe:Corner", "open", true)] // ':' inside a field is escaped
    [InlineData("yes:back\\\\slash:WPA2", WifiState.Connected, "back\\slash", "WPA2", false)]
    [InlineData("yes::WPA2", WifiState.Connected, null, "WPA2", false)] // hidden network
    [InlineData("ja:Hotel Gast:", WifiState.Connected, "Hotel Gast", "open", true)] // German, when the C locale did not take
    [InlineData("oui:Gare:WPA2", WifiState.Connected, "Gare", "WPA2", false)]
    [InlineData("no:HomeNet:WPA2", WifiState.None, null, null, false)]
    [InlineData("", WifiState.None, null, null, false)] // no Wi-Fi adapter: nmcli lists nothing
    public void Active_access_point_decides(string output, WifiState state, string? ssid, string? security, bool open)
    {
        var facts = NmcliWifiParser.Parse(output, Now);

        Assert.Equal(new WifiFacts(state, ssid, security, open, Problem: null, Now), facts);
    }

    [Fact]
    public void Recorded_home_network_list_is_connected_and_not_open()
    {
        var facts = NmcliWifiParser.Parse(WifiFixtures.NmcliHomeWpa2, Now);

        Assert.Equal(WifiState.Connected, facts.State);
        Assert.Equal("HomeNet", facts.Ssid);
        Assert.False(facts.Open);
    }

    [Fact]
    public void Recorded_hotel_list_is_open_despite_secured_neighbours()
    {
        var facts = NmcliWifiParser.Parse(WifiFixtures.NmcliHotelOpen.Replace("\n", "\r\n", StringComparison.Ordinal), Now);

        Assert.Equal("Hotel Guest", facts.Ssid);
        Assert.True(facts.Open);
    }

    [Fact]
    public void Recorded_list_with_nothing_active_is_not_connected()
    {
        Assert.Equal(WifiState.None, NmcliWifiParser.Parse(WifiFixtures.NmcliNothingActive, Now).State);
    }

    [Fact]
    public void Two_adapters_connected_report_the_open_one()
    {
        var facts = NmcliWifiParser.Parse("yes:HomeNet:WPA2\nyes:Free WiFi:\n", Now);

        Assert.Equal("Free WiFi", facts.Ssid);
        Assert.True(facts.Open);
    }
}
