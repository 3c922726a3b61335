using System.Text.Json;
using PortalGuard.Portals;
using Xunit;

namespace PortalGuard.Tests.Portals;

public sealed class PortalClassifierTests
{
    private static readonly PortalClassifier Classifier = new(EmbeddedCatalog.Load());

    // input → normalised host, status (as the protocol spells it), catalog id (null when none), registrable domain.
    [Theory]
    // Known: exact catalog instances, whatever the spelling of the URL.
    [InlineData("https://MyChart.UCSF.edu./MyChart/", "mychart.ucsf.edu", "known", "epic-mychart", "ucsf.edu")]
    [InlineData("mychart.denverhealth.org", "mychart.denverhealth.org", "known", "epic-mychart", "denverhealth.org")]
    [InlineData("https://mychart.med.utah.edu/mychart/Authentication/Login", "mychart.med.utah.edu", "known", "epic-mychart", "utah.edu")]
    [InlineData("https://mychartos.ochin.org/mychart/", "mychartos.ochin.org", "known", "epic-mychart", "ochin.org")]
    [InlineData("https://healthy.kaiserpermanente.org/", "healthy.kaiserpermanente.org", "known", "kaiser-permanente", "kaiserpermanente.org")]
    [InlineData("https://kp.org", "kp.org", "known", "kaiser-permanente", "kp.org")]
    [InlineData("https://cernerhealth.com/", "cernerhealth.com", "known", "oracle-health-healthelife", "cernerhealth.com")]
    [InlineData("https://nextmd.com/", "nextmd.com", "known", "nextgen-patient-portal", "nextmd.com")]
    [InlineData("https://healow.com/apps/jsp/webview/signIn.jsp", "healow.com", "known", "eclinicalworks-healow", "healow.com")]
    [InlineData("https://myhealth.va.gov/mhv-portal-web/home", "myhealth.va.gov", "known", "va-my-healthevet", "va.gov")]
    [InlineData("https://patient.com/", "patient.com", "known", "patient-com", "patient.com")]
    [InlineData("http://mychart.ucsf.edu:8080/", "mychart.ucsf.edu", "known", "epic-mychart", "ucsf.edu")]
    // Known: any host on a vendor platform domain, and the domain itself.
    [InlineData("https://barn-hs.iqhealth.com/self-enroll/", "barn-hs.iqhealth.com", "known", "oracle-health-healthelife", "iqhealth.com")]
    [InlineData("https://iqhealth.com/", "iqhealth.com", "known", "oracle-health-healthelife", "iqhealth.com")]
    [InlineData("https://a.b.healtheintent.com/", "a.b.healtheintent.com", "known", "oracle-health-healthelife", "healtheintent.com")]
    [InlineData("https://followmyhealth.com/", "followmyhealth.com", "known", "followmyhealth", "followmyhealth.com")]
    [InlineData("https://someclinic.followmyhealth.com/Login/Home/Index", "someclinic.followmyhealth.com", "known", "followmyhealth", "followmyhealth.com")]
    [InlineData("https://FOLLOWMYHEALTH.COM.", "followmyhealth.com", "known", "followmyhealth", "followmyhealth.com")]
    [InlineData("https://12345.portal.athenahealth.com/", "12345.portal.athenahealth.com", "known", "athenahealth", "athenahealth.com")]
    [InlineData("https://portal.athenahealth.com/", "portal.athenahealth.com", "known", "athenahealth", "athenahealth.com")]
    [InlineData("https://mycw10.eclinicalweb.com/portal1234/jsp/100mp/login_otp.jsp", "mycw10.eclinicalweb.com", "known", "eclinicalworks-healow", "eclinicalweb.com")]
    // A platform suffix covers its subdomains, not its parent or siblings.
    [InlineData("https://athenahealth.com/", "athenahealth.com", "unknown", null, "athenahealth.com")]
    [InlineData("https://www.athenahealth.com/", "www.athenahealth.com", "unknown", null, "athenahealth.com")]
    [InlineData("https://portal-athenahealth.com/", "portal-athenahealth.com", "unknown", null, "portal-athenahealth.com")]
    // Exact hosts are exact.
    [InlineData("https://www.kp.org/", "www.kp.org", "unknown", null, "kp.org")]
    [InlineData("https://kaiserpermanente.org/", "kaiserpermanente.org", "unknown", null, "kaiserpermanente.org")]
    [InlineData("https://ucsf.edu/", "ucsf.edu", "unknown", null, "ucsf.edu")]
    [InlineData("https://va.gov/", "va.gov", "unknown", null, "va.gov")]
    // Vendor pattern: the vendor's leading label on some organisation's own domain, not listed, so unverified.
    [InlineData("https://mychart.example-health.org/MyChart/", "mychart.example-health.org", "vendorPattern", "epic-mychart", "example-health.org")]
    [InlineData("https://MYCHART.ucsd.edu/", "mychart.ucsd.edu", "vendorPattern", "epic-mychart", "ucsd.edu")]
    [InlineData("https://mychart.nhs.example.co.uk/", "mychart.nhs.example.co.uk", "vendorPattern", "epic-mychart", "example.co.uk")]
    [InlineData("https://mychart.kp.org/", "mychart.kp.org", "vendorPattern", "epic-mychart", "kp.org")]
    // Not a vendor pattern: the label is the registrable domain itself (anyone can register it), or a different label.
    [InlineData("https://mychart.github.io/", "mychart.github.io", "unknown", null, "mychart.github.io")]
    [InlineData("https://mychart.co.uk/", "mychart.co.uk", "unknown", null, "mychart.co.uk")]
    [InlineData("https://mychart.com/", "mychart.com", "unknown", null, "mychart.com")]
    [InlineData("https://www.mychart.example.org/", "www.mychart.example.org", "unknown", null, "example.org")]
    [InlineData("https://mychart2.example.org/", "mychart2.example.org", "unknown", null, "example.org")]
    [InlineData("https://mychartos.example.org/", "mychartos.example.org", "unknown", null, "example.org")]
    // Unknown: unrelated sites.
    [InlineData("https://www.google.com/", "www.google.com", "unknown", null, "google.com")]
    [InlineData("https://www.bbc.co.uk/news", "www.bbc.co.uk", "unknown", null, "bbc.co.uk")]
    [InlineData("https://www.chartjs.org/", "www.chartjs.org", "unknown", null, "chartjs.org")]
    [InlineData("https://mychemicalromance.com/", "mychemicalromance.com", "unknown", null, "mychemicalromance.com")]
    [InlineData("https://intranet/", "intranet", "unknown", null, null)]
    // The userinfo trick: the name before '@' is not the host.
    [InlineData("https://mychart.ucsf.edu@evil.example/MyChart/", "evil.example", "unknown", null, "evil.example")]
    [InlineData("https://followmyhealth.com:pw@203.0.113.9/", "203.0.113.9", "unknown", null, null)]
    [InlineData("https://evil.example\\@mychart.ucsf.edu", "evil.example", "unknown", null, "evil.example")]
    // A catalog name embedded in another domain is a lookalike, not the portal nor a vendor pattern (LookalikeDetectorTests has more).
    [InlineData("https://mychart.ucsf.edu.login-check.net/", "mychart.ucsf.edu.login-check.net", "lookalike", "epic-mychart", "login-check.net")]
    [InlineData("https://followmyhealth.com.evil.example/", "followmyhealth.com.evil.example", "lookalike", "followmyhealth", "evil.example")]
    // IP literals are never a portal, whatever form they take.
    [InlineData("https://127.0.0.1/MyChart/", "127.0.0.1", "unknown", null, null)]
    [InlineData("http://0x7f.1/", "127.0.0.1", "unknown", null, null)]
    [InlineData("2130706433", "127.0.0.1", "unknown", null, null)]
    [InlineData("https://[::1]:8443/", "::1", "unknown", null, null)]
    // IDN: compared in punycode, so a homograph is a different host.
    [InlineData("https://mychаrt.ucsf.edu/", "xn--mychrt-6nf.ucsf.edu", "unknown", null, "ucsf.edu")] // Cyrillic а
    [InlineData("https://ＭＹＣＨＡＲＴ．ucsf．edu/", "mychart.ucsf.edu", "known", "epic-mychart", "ucsf.edu")] // fullwidth, as a browser folds it
    [InlineData("https://mychart.bücher.de/", "mychart.xn--bcher-kva.de", "vendorPattern", "epic-mychart", "xn--bcher-kva.de")]
    [InlineData("https://www.食狮.公司.cn/", "www.xn--85x722f.xn--55qx5d.cn", "unknown", null, "xn--85x722f.xn--55qx5d.cn")]
    public void Host_is_classified_against_the_catalog(string input, string host, string status, string? portalId, string? registrableDomain)
    {
        Assert.True(WebTargetParser.TryParse(input, out var target, out var error), error);

        var identity = Classifier.Classify(target);

        Assert.Equal(host, identity.Host);
        Assert.Equal(status, JsonNamingPolicy.CamelCase.ConvertName(identity.Status.ToString()));
        Assert.Equal(portalId, identity.Portal?.Id);
        Assert.Equal(registrableDomain, identity.RegistrableDomain);
        Assert.Equal(identity.Status == PortalIdentityStatus.Lookalike, identity.LookalikeOf is not null);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,MyChart")]
    [InlineData("file:///C:/mychart.ucsf.edu")]
    [InlineData("ftp://mychart.ucsf.edu/")]
    public void Non_web_schemes_never_reach_classification(string input)
    {
        Assert.False(WebTargetParser.TryParse(input, out _, out var error));
        Assert.StartsWith("Only http and https", error);
    }

    [Fact]
    public void Ip_literal_target_is_unknown_even_if_its_text_were_in_the_catalog()
    {
        var identity = Classifier.Classify(new WebTarget("https", "10.0.0.1", 443, IsIpLiteral: true));
        Assert.Equal(PortalIdentityStatus.Unknown, identity.Status);
        Assert.Null(identity.RegistrableDomain);
    }

    [Fact]
    public void Brand_words_include_the_portal_products_and_label_patterns()
    {
        Assert.Superset(
            new HashSet<string> { "mychart", "healthelife", "followmyhealth", "healow", "myhealthevet", "athenahealth", "nextmd", "kaiser", "kaiserpermanente" },
            Classifier.BrandWords.ToHashSet());
        Assert.DoesNotContain("patient", Classifier.BrandWords);
        Assert.Equal("epic-mychart", Classifier.FindBrandOwner("MyChart")?.Id);
        Assert.Null(Classifier.FindBrandOwner("chart"));
    }

    [Fact]
    public void User_entry_wins_over_a_shipped_entry_for_the_same_host()
    {
        var shipped = EmbeddedCatalog.Load();
        var mine = new PortalEntry(
            "my-clinic", "My clinic", "Epic Systems", "MyChart", ["mychart.ucsf.edu", "mychart.myclinic.example"], [], ["myclinicportal"],
            VpnCompatibility.Unknown, null, TwoFactorSupport.Unknown, null, "added by the user", UserDefined: true);
        var classifier = new PortalClassifier([.. shipped, mine]);

        Assert.Equal("my-clinic", Classify(classifier, "mychart.ucsf.edu").Portal?.Id);
        Assert.Equal("my-clinic", Classify(classifier, "mychart.myclinic.example").Portal?.Id);
        Assert.Equal("epic-mychart", Classify(classifier, "mychart.denverhealth.org").Portal?.Id);
        Assert.Equal(PortalIdentityStatus.VendorPattern, Classify(classifier, "myclinicportal.other.example").Status);
        Assert.Contains("myclinicportal", classifier.BrandWords);
    }

    [Fact]
    public void Empty_catalog_classifies_everything_unknown()
    {
        var classifier = new PortalClassifier([]);
        Assert.Equal(PortalIdentityStatus.Unknown, Classify(classifier, "mychart.ucsf.edu").Status);
        Assert.Empty(classifier.BrandWords);
    }

    private static PortalIdentity Classify(PortalClassifier classifier, string input)
    {
        Assert.True(WebTargetParser.TryParse(input, out var target, out var error), error);
        return classifier.Classify(target);
    }
}
