using PortalGuard.Portals;
using Xunit;

namespace PortalGuard.Tests.Portals;

public sealed class EmbeddedCatalogTests
{
    private const string ValidEntry = """
        {
          "id": "example-portal",
          "name": "Example Portal",
          "vendor": "Example Vendor",
          "product": "Example",
          "hosts": ["portal.example-health.org"],
          "platformSuffixes": ["example-portal.com"],
          "labelPatterns": ["exampleportal"],
          "vpnCompatibility": "usually",
          "notes": null,
          "twoFactor": "offered",
          "signOutPath": "/logout",
          "source": "test"
        }
        """;

    [Fact]
    public void Shipped_catalog_loads_and_has_the_portals_of_the_issue_table()
    {
        var catalog = EmbeddedCatalog.Load();

        Assert.Equal(
            ["athenahealth", "eclinicalworks-healow", "epic-mychart", "followmyhealth", "kaiser-permanente", "nextgen-patient-portal",
             "oracle-health-healthelife", "patient-com", "va-my-healthevet", "via-avecore"],
            catalog.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(catalog, e => Assert.False(e.UserDefined));
        Assert.All(catalog, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
        Assert.Same(catalog, EmbeddedCatalog.Load());
    }

    [Theory]
    [InlineData("epic-mychart", VpnCompatibility.Yes, "May require data-center IP allow-listing.")]
    [InlineData("kaiser-permanente", VpnCompatibility.Unknown, null)]
    [InlineData("oracle-health-healthelife", VpnCompatibility.Usually, "Test from your location before travel.")]
    [InlineData("followmyhealth", VpnCompatibility.Yes, "Occasionally blocks non-US IP addresses.")]
    [InlineData("athenahealth", VpnCompatibility.Unknown, null)]
    [InlineData("nextgen-patient-portal", VpnCompatibility.Unknown, null)]
    [InlineData("eclinicalworks-healow", VpnCompatibility.Unknown, null)]
    [InlineData("va-my-healthevet", VpnCompatibility.Unknown, null)]
    [InlineData("via-avecore", VpnCompatibility.Sometimes, "May require secondary authentication.")]
    [InlineData("patient-com", VpnCompatibility.Yes, "Usually allows VPN access.")]
    public void Shipped_entry_carries_the_vpn_compatibility_of_the_guidance(string id, VpnCompatibility expected, string? notes)
    {
        var entry = Assert.Single(EmbeddedCatalog.Load(), e => e.Id == id);
        Assert.Equal(expected, entry.VpnCompatibility);
        Assert.Equal(notes, entry.Notes);
    }

    [Fact]
    public void Name_only_entry_has_empty_host_lists()
    {
        var entry = Assert.Single(EmbeddedCatalog.Load(), e => e.Id == "via-avecore");
        Assert.Empty(entry.Hosts);
        Assert.Empty(entry.PlatformSuffixes);
        Assert.Empty(entry.LabelPatterns);
    }

    [Fact]
    public void Every_brand_word_list_names_a_shipped_entry()
    {
        var ids = EmbeddedCatalog.Load().Select(e => e.Id).ToHashSet();
        Assert.All(PortalBrandWords.ByEntryId.Keys, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void Valid_catalog_text_parses_with_camel_case_enums()
    {
        var entry = Assert.Single(EmbeddedCatalog.Parse($"[{ValidEntry}]"));
        Assert.Equal(VpnCompatibility.Usually, entry.VpnCompatibility);
        Assert.Equal(TwoFactorSupport.Offered, entry.TwoFactor);
        Assert.Equal(["portal.example-health.org"], entry.Hosts);
        Assert.False(entry.UserDefined);
    }

    [Fact]
    public void Catalog_round_trips_through_serialize_with_camel_case_enum_strings()
    {
        var json = EmbeddedCatalog.Serialize(EmbeddedCatalog.Load());
        Assert.Contains("\"vpnCompatibility\": \"sometimes\"", json);
        Assert.Contains("\"twoFactor\": \"unknown\"", json);
        Assert.Equal(EmbeddedCatalog.Load().Select(e => e.Id), EmbeddedCatalog.Parse(json).Select(e => e.Id));
    }

    [Fact]
    public void Catalog_stream_is_parsed_like_text()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"[{ValidEntry}]"));
        Assert.Single(EmbeddedCatalog.Parse(stream));
    }

    [Fact]
    public void Empty_catalog_array_is_valid()
    {
        Assert.Empty(EmbeddedCatalog.Parse("[]"));
    }

    [Theory]
    // JSON errors carry a 1-based position.
    [InlineData("", "not valid at line 1")]
    [InlineData("[", "not valid at line 1")]
    [InlineData("[\n  {\"id\": \"x\",\n   \"name\" \"missing colon\"}]", "not valid at line 3")]
    [InlineData("{}", "could not be converted to an array of portal entries")]
    [InlineData("null", "not null")]
    [InlineData("[null]", "each entry must be an object")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": [], "labelPatterns": [], "vpnCompatibility": "maybe"}]""", "vpnCompatibility is one of \"yes\"")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": [], "labelPatterns": [], "vpnCompatibility": 1}]""", "vpnCompatibility is one of")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": [], "labelPatterns": [], "twoFactor": "sms"}]""", "twoFactor is one of")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": [], "labelPatterns": [], "platformSufixes": []}]""", "platformSufixes")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": [null], "platformSuffixes": [], "labelPatterns": []}]""", "hosts")]
    [InlineData("""[{"id": "x", "id": "y", "name": "n", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": [], "labelPatterns": []}]""", "duplicate")]
    // Catalog rules name the entry and the field.
    [InlineData("""[{"id": "Bad Id", "name": "n", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": [], "labelPatterns": []}]""", "entry 0 (\"Bad Id\"): id")]
    [InlineData("""[{"id": "x", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": [], "labelPatterns": []}]""", "name is missing")]
    [InlineData("""[{"id": "x", "name": "n", "product": "p", "hosts": [], "platformSuffixes": [], "labelPatterns": []}]""", "vendor is missing")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "platformSuffixes": [], "labelPatterns": []}]""", "must each be present")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": ["https://mychart.example.org"], "platformSuffixes": [], "labelPatterns": []}]""", "remove the scheme")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": ["mychart.example.org/MyChart"], "platformSuffixes": [], "labelPatterns": []}]""", "remove the path")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": ["mychart.example.org:443"], "platformSuffixes": [], "labelPatterns": []}]""", "remove the port")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": ["MyChart.example.org"], "platformSuffixes": [], "labelPatterns": []}]""", "lowercase ASCII")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": ["mychart.example.org."], "platformSuffixes": [], "labelPatterns": []}]""", "lowercase ASCII")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": ["bücher.de"], "platformSuffixes": [], "labelPatterns": []}]""", "xn--bcher-kva.de")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": ["10.0.0.1"], "platformSuffixes": [], "labelPatterns": []}]""", "IP address")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": ["co.uk"], "labelPatterns": []}]""", "public suffix")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": ["github.io"], "labelPatterns": []}]""", "public suffix")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": [], "labelPatterns": ["my.chart"]}]""", "labelPatterns")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": [], "labelPatterns": ["my"]}]""", "labelPatterns")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": [], "labelPatterns": [], "signOutPath": "https://evil.example/"}]""", "signOutPath")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": [], "labelPatterns": []}, {"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": [], "labelPatterns": []}]""", "entry 1 (\"x\"): the id is used")]
    [InlineData("""[{"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": ["a.example.org"], "platformSuffixes": [], "labelPatterns": []}, {"id": "y", "name": "n", "vendor": "v", "product": "p", "hosts": ["a.example.org"], "platformSuffixes": [], "labelPatterns": []}]""", "host \"a.example.org\" is listed twice")]
    public void Broken_catalog_gives_a_clear_format_error(string json, string reasonContains)
    {
        var exception = Assert.Throws<CatalogFormatException>(() => EmbeddedCatalog.Parse(json));
        Assert.Contains(reasonContains, exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Json_error_reports_line_position_and_path()
    {
        const string json = """
            [
              {"id": "x", "name": "n", "vendor": "v", "product": "p", "hosts": [], "platformSuffixes": [], "labelPatterns": [],
               "vpnCompatibility": "maybe"}
            ]
            """;
        var exception = Assert.Throws<CatalogFormatException>(() => EmbeddedCatalog.Parse(json));
        Assert.Equal(3, exception.LineNumber);
        Assert.Equal("$[0].vpnCompatibility", exception.JsonPath);
        Assert.NotNull(exception.BytePositionInLine);
    }

    [Fact]
    public void Rule_error_reports_the_entry_index()
    {
        var exception = Assert.Throws<CatalogFormatException>(() => EmbeddedCatalog.Parse($"[{ValidEntry}, {ValidEntry}]"));
        Assert.Equal(1, exception.EntryIndex);
    }

    [Fact]
    public void Shipped_catalog_follows_every_catalog_rule()
    {
        // The host skips this check at run time (it needs the Public Suffix List); the build is where it must hold.
        PortalEntryValidator.ValidateAll(EmbeddedCatalog.Load());
    }
}
