using PortalGuard.Portals;
using PortalGuard.Storage;
using Xunit;

namespace PortalGuard.IntegrationTests.Storage;

public sealed class CatalogStoreTests : IDisposable
{
    private readonly TempStore _temp = new();

    private CatalogStore Catalog => _temp.Store.Catalog;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Merged_shipped_entries_are_listed_in_id_order_with_every_field()
    {
        var full = new PortalEntry(
            "cerner-healthelife", "HealtheLife", "Oracle Health", "HealtheLife",
            ["example.iqhealth.com"], ["iqhealth.com"], ["healthelife"],
            VpnCompatibility.Sometimes, "Some instances refuse VPN exits.", TwoFactorSupport.NotOffered, "/logout", "vendor page");
        Catalog.MergeEmbedded([SampleEntries.Portal("zeta"), full, SampleEntries.Portal("alpha")]);

        var listed = Catalog.List();

        Assert.Equal(["alpha", "cerner-healthelife", "zeta"], listed.Select(e => e.Id));
        var read = listed[1];
        Assert.Equal(full.Hosts, read.Hosts);
        Assert.Equal(full.PlatformSuffixes, read.PlatformSuffixes);
        Assert.Equal(full.LabelPatterns, read.LabelPatterns);
        Assert.Equal(full with { Hosts = read.Hosts, PlatformSuffixes = read.PlatformSuffixes, LabelPatterns = read.LabelPatterns }, read);
        Assert.All(listed, e => Assert.False(e.UserDefined));
    }

    [Fact]
    public void Entries_are_stored_as_camel_case_json_with_enums_as_camel_case_strings()
    {
        Catalog.MergeEmbedded([SampleEntries.Portal("epic-mychart") with { TwoFactor = TwoFactorSupport.NotOffered }]);

        var json = Assert.Single(_temp.Store.Database.Query(c => RawSqlite.Column(c, "SELECT entry_json FROM portals;")));

        Assert.Contains("\"id\":\"epic-mychart\"", json, StringComparison.Ordinal);
        Assert.Contains("\"vpnCompatibility\":\"usually\"", json, StringComparison.Ordinal);
        Assert.Contains("\"twoFactor\":\"notOffered\"", json, StringComparison.Ordinal);
        Assert.Contains("\"userDefined\":false", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_upgrade_keeps_user_entries_and_removes_vanished_shipped_ones()
    {
        Catalog.MergeEmbedded([SampleEntries.Portal("epic-mychart"), SampleEntries.Portal("old-portal"), SampleEntries.Portal("athena")]);
        Catalog.AddUserEntry(SampleEntries.Portal("my-clinic", "portal.my-clinic.example"));

        Catalog.MergeEmbedded([SampleEntries.Portal("epic-mychart", name: "MyChart (renamed)"), SampleEntries.Portal("athena"), SampleEntries.Portal("new-portal")]);

        var listed = Catalog.List();
        Assert.Equal(["athena", "epic-mychart", "my-clinic", "new-portal"], listed.Select(e => e.Id));
        Assert.Equal("MyChart (renamed)", Catalog.Find("epic-mychart")!.Name);
        Assert.Null(Catalog.Find("old-portal"));
        var mine = Catalog.Find("my-clinic")!;
        Assert.True(mine.UserDefined);
        Assert.Equal(["portal.my-clinic.example"], mine.Hosts);
    }

    [Fact]
    public void User_entry_with_a_shipped_id_overrides_it_across_upgrades_and_removing_it_brings_the_shipped_one_back()
    {
        Catalog.MergeEmbedded([SampleEntries.Portal("epic-mychart", "mychart.shipped.example")]);

        Catalog.AddUserEntry(SampleEntries.Portal("epic-mychart", "mychart.mine.example"));
        Catalog.MergeEmbedded([SampleEntries.Portal("epic-mychart", "mychart.shipped-v2.example")]);

        var effective = Assert.Single(Catalog.List());
        Assert.True(effective.UserDefined);
        Assert.Equal(["mychart.mine.example"], effective.Hosts);
        Assert.Equal(["mychart.mine.example"], Catalog.Find("epic-mychart")!.Hosts);

        Assert.True(Catalog.RemoveUserEntry("epic-mychart"));

        var shipped = Catalog.Find("epic-mychart")!;
        Assert.False(shipped.UserDefined);
        Assert.Equal(["mychart.shipped-v2.example"], shipped.Hosts);
    }

    [Fact]
    public void Adding_an_existing_user_id_replaces_that_entry()
    {
        Catalog.AddUserEntry(SampleEntries.Portal("my-clinic", "one.example.org"));
        Catalog.AddUserEntry(SampleEntries.Portal("my-clinic", "two.example.org"));

        var entry = Assert.Single(Catalog.List());
        Assert.Equal(["two.example.org"], entry.Hosts);
    }

    [Fact]
    public void Shipped_entries_cannot_be_removed()
    {
        Catalog.MergeEmbedded([SampleEntries.Portal("epic-mychart")]);

        Assert.False(Catalog.RemoveUserEntry("epic-mychart"));
        Assert.False(Catalog.RemoveUserEntry("never-existed"));

        Assert.NotNull(Catalog.Find("epic-mychart"));
    }

    [Fact]
    public void Merging_the_same_catalog_again_writes_nothing()
    {
        Catalog.MergeEmbedded([SampleEntries.Portal("epic-mychart"), SampleEntries.Portal("athena")]);
        var changesBefore = _temp.Store.Database.Query(c => (long)c.Scalar("SELECT total_changes();")!);

        Catalog.MergeEmbedded([SampleEntries.Portal("athena"), SampleEntries.Portal("epic-mychart")]);

        Assert.Equal(changesBefore, _temp.Store.Database.Query(c => (long)c.Scalar("SELECT total_changes();")!));
    }

    [Theory]
    [InlineData("Bad-Id", "portal.example.org", "id")]
    [InlineData("-leading-hyphen", "portal.example.org", "id")]
    [InlineData("", "portal.example.org", "id")]
    [InlineData("ok-id", "https://portal.example.org", "scheme")]
    [InlineData("ok-id", "portal.example.org/MyChart/patient/123", "path")]
    [InlineData("ok-id", "portal.example.org:8443", "port")]
    [InlineData("ok-id", "Portal.Example.org", "lowercase")]
    [InlineData("ok-id", "portal example.org", "spaces")]
    [InlineData("ok-id", "pörtal.example.org", "ASCII")]
    [InlineData("ok-id", "portal..example.org", "valid host name")]
    [InlineData("ok-id", "", "empty")]
    public void Adding_a_malformed_entry_is_refused_with_a_clear_message_and_changes_nothing(string id, string host, string expectedWords)
    {
        Catalog.MergeEmbedded([SampleEntries.Portal("epic-mychart")]);
        Catalog.AddUserEntry(SampleEntries.Portal("ok-id", "original.example.org"));
        var before = Catalog.List();

        var refused = Assert.Throws<ArgumentException>(() => Catalog.AddUserEntry(SampleEntries.Portal(id, host)));

        Assert.Contains(expectedWords, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("patient/123", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Catalog.List(), PortalEntryComparer.Instance);
    }

    public static TheoryData<string, PortalEntry> MalformedEntries() => new()
    {
        { "name", SampleEntries.Portal("ok-id") with { Name = "  " } },
        { "at least one host", SampleEntries.Portal("ok-id") with { Hosts = [] } },
        { "two labels", SampleEntries.Portal("ok-id") with { Hosts = [], PlatformSuffixes = ["com"] } },
        { "label", SampleEntries.Portal("ok-id") with { Hosts = [], LabelPatterns = ["my.chart"] } },
        { "signOutPath", SampleEntries.Portal("ok-id") with { SignOutPath = "logout" } },
        { "vpnCompatibility", SampleEntries.Portal("ok-id") with { VpnCompatibility = (VpnCompatibility)42 } },
    };

    [Theory]
    [MemberData(nameof(MalformedEntries))]
    public void Entry_breaking_a_rule_other_than_the_host_is_refused_and_changes_nothing(string expectedWords, PortalEntry entry)
    {
        var refused = Assert.Throws<ArgumentException>(() => Catalog.AddUserEntry(entry));

        Assert.Contains(expectedWords, refused.Message, StringComparison.Ordinal);
        Assert.Empty(Catalog.List());
    }

    [Fact]
    public void Entry_matching_only_by_suffix_or_label_pattern_is_accepted()
    {
        Catalog.AddUserEntry(SampleEntries.Portal("by-suffix") with { Hosts = [], PlatformSuffixes = ["portal-vendor.example"] });
        Catalog.AddUserEntry(SampleEntries.Portal("by-label") with { Hosts = [], LabelPatterns = ["mychart"] });

        Assert.Equal(["by-label", "by-suffix"], Catalog.List().Select(e => e.Id));
    }

    [Fact]
    public void Shipped_catalog_with_a_repeated_id_is_refused_and_changes_nothing()
    {
        Catalog.MergeEmbedded([SampleEntries.Portal("epic-mychart")]);

        Assert.Throws<ArgumentException>(() => Catalog.MergeEmbedded([SampleEntries.Portal("athena"), SampleEntries.Portal("athena")]));

        Assert.Equal(["epic-mychart"], Catalog.List().Select(e => e.Id));
    }

    [Fact]
    public void User_entries_survive_closing_and_reopening_the_store()
    {
        Catalog.AddUserEntry(SampleEntries.Portal("my-clinic"));

        Assert.True(_temp.Reopen().Catalog.Find("my-clinic")!.UserDefined);
    }

    // Records compare lists by reference; entries read back hold new lists.
    private sealed class PortalEntryComparer : IEqualityComparer<PortalEntry>
    {
        public static PortalEntryComparer Instance { get; } = new();

        public bool Equals(PortalEntry? x, PortalEntry? y) =>
            x is not null && y is not null
            && x.Hosts.SequenceEqual(y.Hosts) && x.PlatformSuffixes.SequenceEqual(y.PlatformSuffixes) && x.LabelPatterns.SequenceEqual(y.LabelPatterns)
            && x == y with { Hosts = x.Hosts, PlatformSuffixes = x.PlatformSuffixes, LabelPatterns = x.LabelPatterns };

        public int GetHashCode(PortalEntry obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
