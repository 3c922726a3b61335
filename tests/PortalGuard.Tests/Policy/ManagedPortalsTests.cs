using PortalGuard.Policy;
using PortalGuard.Portals;

namespace PortalGuard.Tests.Policy;

public sealed class ManagedPortalsTests
{
    private static readonly PortalEntry MachinePolicyPortal = new(
        "acme-mychart", "Acme MyChart", "Epic Systems", "MyChart", ["portal.acme-health.org"], [], [],
        VpnCompatibility.Yes, Notes: null, TwoFactorSupport.Unknown, SignOutPath: null, Source: "machine policy", UserDefined: true);

    private static readonly PortalClassifier Catalog = new([MachinePolicyPortal, .. EmbeddedCatalog.Load()]);

    [Theory]
    [InlineData("patients.acme-clinic.example", "added")] // a name the catalog does not know
    [InlineData("mychart.acme-clinic.example", "added")] // a vendor's pattern, unverified until the organisation vouches for it
    [InlineData("mychart.ucsf.edu", "alreadyKnown")] // a shipped instance keeps its catalog entry
    [InlineData("acme.followmyhealth.com", "alreadyKnown")] // under a shipped platform domain
    [InlineData("portal.acme-health.org", "alreadyKnown")] // the machine policy's own portal
    [InlineData("mychart-ucsf.edu.login-check.net", "refused")] // a lookalike: known would turn a block into a pass
    [InlineData("https://patients.acme-clinic.example", "refused")]
    [InlineData("Patients.Acme-Clinic.example", "refused")]
    [InlineData("patients.acme-clinic.example.", "refused")]
    [InlineData("10.0.0.7", "refused")]
    [InlineData("co.uk", "refused")]
    [InlineData("", "refused")]
    public void Each_host_is_added_kept_as_the_catalog_has_it_or_refused(string host, string outcome)
    {
        var result = ManagedPortals.Admit([host], Catalog);

        Assert.Equal(outcome, result.Added.Count == 1 ? "added" : result.AlreadyKnown.Count == 1 ? "alreadyKnown" : result.Refused.Count == 1 ? "refused" : "nothing");
    }

    [Theory]
    [InlineData("mychart-ucsf.edu.login-check.net", "lookalike")]
    [InlineData("https://patients.acme-clinic.example", "not-a-host")]
    [InlineData("Patients.Acme-Clinic.example", "not-a-host")]
    [InlineData("patients.acme-clinic.example.", "not-a-host")]
    [InlineData("patients acme", "not-a-host")]
    [InlineData("", "not-a-host")]
    [InlineData("10.0.0.7", "address")]
    [InlineData("co.uk", "public-suffix")]
    public void Each_refusal_carries_a_stable_code_the_extension_words_for_people(string host, string code)
    {
        var refused = Assert.Single(ManagedPortals.Admit([host], Catalog).Refused);

        Assert.Equal(code, refused.Code);
        Assert.False(string.IsNullOrWhiteSpace(refused.Problem));
    }

    [Fact]
    public void A_refused_lookalike_names_the_portal_it_imitates()
    {
        var refused = Assert.Single(ManagedPortals.Admit(["mychart-ucsf.edu.login-check.net"], Catalog).Refused);

        Assert.Equal("mychart.ucsf.edu", refused.ImitatedHost);
        Assert.Equal("Epic MyChart", refused.ImitatedName);
    }

    [Fact]
    public void A_null_item_is_not_a_host()
    {
        Assert.Equal("not-a-host", Assert.Single(ManagedPortals.Admit([null], Catalog).Refused).Code);
    }

    [Fact]
    public void An_unknown_host_becomes_a_known_portal_marked_as_browser_policy()
    {
        var result = ManagedPortals.Admit(["patients.acme-clinic.example"], Catalog);

        var entry = Assert.Single(result.Entries);
        Assert.Equal(["patients.acme-clinic.example"], entry.Hosts);
        Assert.Empty(entry.PlatformSuffixes);
        Assert.Empty(entry.LabelPatterns);
        Assert.Equal("patients.acme-clinic.example", entry.Name);
        Assert.Equal(ManagedPortals.Source, entry.Source);
        Assert.True(entry.UserDefined);
        Assert.Null(PortalEntryValidator.FindUserEntryProblem(entry));
    }

    [Fact]
    public void A_vendor_pattern_host_takes_the_vendors_facts()
    {
        var entry = Assert.Single(ManagedPortals.Admit(["mychart.acme-clinic.example"], Catalog).Entries);

        Assert.Equal("Epic MyChart", entry.Name);
        Assert.Equal("Epic Systems", entry.Vendor);
        Assert.Equal(VpnCompatibility.Yes, entry.VpnCompatibility);
        Assert.Equal(["mychart.acme-clinic.example"], entry.Hosts);
        Assert.Empty(entry.LabelPatterns);
    }

    [Fact]
    public void A_lookalike_is_refused_with_the_portal_it_imitates_and_where_to_list_it_instead()
    {
        var problem = Assert.Single(ManagedPortals.Admit(["patients.acme-clinic.example", "mychart-ucsf.edu.login-check.net"], Catalog).Refused);

        Assert.Equal(1, problem.Index);
        Assert.Contains("imitates mychart.ucsf.edu", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("machine policy", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_is_refused_without_repeating_its_path()
    {
        var problem = Assert.Single(ManagedPortals.Admit(["patients.acme-clinic.example/MyChart/patient?id=4711"], Catalog).Refused);

        Assert.DoesNotContain("4711", problem.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("MyChart/", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicates_count_once_and_items_that_are_not_strings_are_refused()
    {
        var result = ManagedPortals.Admit(["patients.acme-clinic.example", null, "patients.acme-clinic.example"], Catalog);

        Assert.Equal(["patients.acme-clinic.example"], result.Added);
        Assert.Equal(1, Assert.Single(result.Refused).Index);
    }

    [Fact]
    public void Only_the_first_thousand_hosts_are_used()
    {
        var hosts = Enumerable.Range(0, ManagedPortals.MaxHosts + 5).Select(i => $"p{i}.acme-clinic.example").ToArray();

        var result = ManagedPortals.Admit(hosts, Catalog);

        Assert.Equal(ManagedPortals.MaxHosts, result.Added.Count);
        Assert.Equal((ManagedPortals.MaxHosts, "too-many"), (Assert.Single(result.Refused).Index, Assert.Single(result.Refused).Code));
    }
}
