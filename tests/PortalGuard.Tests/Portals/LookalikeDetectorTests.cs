using PortalGuard.Portals;
using Xunit;

namespace PortalGuard.Tests.Portals;

public sealed class LookalikeDetectorTests
{
    private static readonly PortalClassifier Classifier = new(EmbeddedCatalog.Load());

    // input → the catalog name imitated, the entry, and how.
    [Theory]
    // Homographs: the same confusable skeleton as a catalog label, host or brand.
    [InlineData("https://followmyhеalth.com/", "followmyhealth.com", "followmyhealth", "Homograph")] // Cyrillic е
    [InlineData("https://xn--followmyhalth-43k.com/", "followmyhealth.com", "followmyhealth", "Homograph")] // the same, as punycode
    [InlineData("https://fo11owmyhealth.com/", "followmyhealth.com", "followmyhealth", "Homograph")]
    [InlineData("https://heal0w.com/", "healow.com", "eclinicalworks-healow", "Homograph")]
    [InlineData("https://һealow.com/", "healow.com", "eclinicalworks-healow", "Homograph")] // Cyrillic һ
    [InlineData("https://rnychart.com/", "mychart", "epic-mychart", "Homograph")]
    [InlineData("https://mychаrt.com/", "mychart", "epic-mychart", "Homograph")] // Cyrillic а
    [InlineData("https://mуchart.net/", "mychart", "epic-mychart", "Homograph")] // Cyrillic у
    [InlineData("https://kр.org/", "kp.org", "kaiser-permanente", "Homograph")] // Cyrillic р
    [InlineData("https://www.ucsf.еdu/", "ucsf.edu", "epic-mychart", "Homograph")]
    [InlineData("https://iqheаlth.com/", "iqhealth.com", "oracle-health-healthelife", "Homograph")]
    [InlineData("https://barn-hs.iqheаlth.com/self-enroll/", "iqhealth.com", "oracle-health-healthelife", "Homograph")]
    [InlineData("https://athenahealth.cοm/", "athenahealth.com", "athenahealth", "Homograph")] // Greek ο in the TLD
    [InlineData("https://portal.athenaheaIth.com/", "athenahealth.com", "athenahealth", "EditDistance")] // capital I folds to i: one replacement
    [InlineData("https://patіent.com/", "patient.com", "patient-com", "Homograph")] // Ukrainian і
    [InlineData("https://ucsf.еdu/", "ucsf.edu", "epic-mychart", "Homograph")] // Cyrillic е in the TLD
    [InlineData("https://mychart.ucsf.еdu/", "mychart.ucsf.edu", "epic-mychart", "Homograph")]
    [InlineData("https://ｍｙｃｈａｒｔ-login.com/", "mychart", "epic-mychart", "ComboSquatting")] // fullwidth folds to ASCII
    // Edit distance one on a distinctive label: insertion, deletion, substitution, adjacent swap, hyphens.
    [InlineData("https://followmyhealht.com/", "followmyhealth.com", "followmyhealth", "EditDistance")]
    [InlineData("https://followmyheallth.com/", "followmyhealth.com", "followmyhealth", "EditDistance")]
    [InlineData("https://folowmyhealth.com/", "followmyhealth.com", "followmyhealth", "EditDistance")]
    [InlineData("https://followmyhealth.com.evil.example/", "followmyhealth.com", "followmyhealth", "TargetEmbedding")]
    [InlineData("https://fellowmyhealth.com/", "followmyhealth.com", "followmyhealth", "EditDistance")]
    [InlineData("https://follow-myhealth.com/", "followmyhealth.com", "followmyhealth", "EditDistance")]
    [InlineData("https://follow-my-health.org/", "followmyhealth.com", "followmyhealth", "EditDistance")]
    [InlineData("https://iqheatlh.com/", "iqhealth.com", "oracle-health-healthelife", "EditDistance")]
    [InlineData("https://healthelntent.com/", "healtheintent.com", "oracle-health-healthelife", "EditDistance")]
    [InlineData("https://cernerheath.com/", "cernerhealth.com", "oracle-health-healthelife", "EditDistance")]
    [InlineData("https://athenahealh.com/", "athenahealth.com", "athenahealth", "EditDistance")]
    [InlineData("https://nextrnd.com/", "nextmd.com", "nextgen-patient-portal", "Homograph")]
    [InlineData("https://nexmd.com/", "nextmd.com", "nextgen-patient-portal", "EditDistance")]
    [InlineData("https://healo.com/", "healow.com", "eclinicalworks-healow", "EditDistance")]
    [InlineData("https://hea1ow.net/", "healow.com", "eclinicalworks-healow", "Homograph")]
    [InlineData("https://eclinicaweb.com/", "eclinicalweb.com", "eclinicalworks-healow", "EditDistance")]
    [InlineData("https://kaiserpermanante.org/", "kaiserpermanente.org", "kaiser-permanente", "EditDistance")]
    [InlineData("https://kaiserpermanente1.org/", "kaiserpermanente.org", "kaiser-permanente", "EditDistance")]
    [InlineData("https://denverheatlh.org/", "denverhealth.org", "epic-mychart", "EditDistance")]
    [InlineData("https://mycahrt.com/", "mychart", "epic-mychart", "EditDistance")]
    [InlineData("https://myhealthevte.com/", "myhealth.va.gov", "va-my-healthevet", "EditDistance")]
    [InlineData("https://mychsrt.com/", "mychart", "epic-mychart", "EditDistance")]
    [InlineData("https://followmyhealth1.github.io/", "followmyhealth.com", "followmyhealth", "EditDistance")]
    // A catalog name embedded as labels or hyphen-joined words of another domain.
    [InlineData("https://mychart.ucsf.edu.login-check.net/", "mychart.ucsf.edu", "epic-mychart", "TargetEmbedding")]
    [InlineData("https://kaiserpermanente-org.com/", "kaiserpermanente.org", "kaiser-permanente", "TargetEmbedding")]
    [InlineData("https://healthy-kaiserpermanente-org.example/", "healthy.kaiserpermanente.org", "kaiser-permanente", "TargetEmbedding")]
    [InlineData("https://followmyhealth.com.secure-portal.net/", "followmyhealth.com", "followmyhealth", "TargetEmbedding")]
    [InlineData("https://www.followmyhealth-com.ru/", "followmyhealth.com", "followmyhealth", "TargetEmbedding")]
    [InlineData("https://kp.org.account-review.info/", "kp.org", "kaiser-permanente", "TargetEmbedding")]
    [InlineData("https://myhealth.va.gov.claims.example/", "myhealth.va.gov", "va-my-healthevet", "TargetEmbedding")]
    [InlineData("https://va-gov.example.com/", "va.gov", "va-my-healthevet", "TargetEmbedding")]
    [InlineData("https://barn-hs.iqhealth.com.evil.example/", "iqhealth.com", "oracle-health-healthelife", "TargetEmbedding")]
    [InlineData("https://ucsf.edu.mychart.example/", "ucsf.edu", "epic-mychart", "TargetEmbedding")]
    [InlineData("https://patient.com.someone.github.io/", "patient.com", "patient-com", "TargetEmbedding")]
    // A brand's domain under another public suffix.
    [InlineData("https://followmyhealth.net/", "followmyhealth.com", "followmyhealth", "SuffixVariant")]
    [InlineData("https://followmyhealth.co.uk/", "followmyhealth.com", "followmyhealth", "SuffixVariant")]
    [InlineData("https://healow.org/", "healow.com", "eclinicalworks-healow", "SuffixVariant")]
    [InlineData("https://nextmd.net/", "nextmd.com", "nextgen-patient-portal", "SuffixVariant")]
    [InlineData("https://iqhealth.io/", "iqhealth.com", "oracle-health-healthelife", "SuffixVariant")]
    [InlineData("https://kaiserpermanente.co/", "kaiserpermanente.org", "kaiser-permanente", "SuffixVariant")]
    [InlineData("https://www.athenahealth.net/", "athenahealth.com", "athenahealth", "SuffixVariant")]
    // Combo-squatting: a brand joined to a lure word in one label.
    [InlineData("https://mychart-login.com/", "mychart", "epic-mychart", "ComboSquatting")]
    [InlineData("https://mychartlogin.net/", "mychart", "epic-mychart", "ComboSquatting")]
    [InlineData("https://secure-mychart.org/", "mychart", "epic-mychart", "ComboSquatting")]
    [InlineData("https://securemychart.org/", "mychart", "epic-mychart", "ComboSquatting")]
    [InlineData("https://mychart-verify.example.org/", "mychart", "epic-mychart", "ComboSquatting")]
    [InlineData("https://mychart-account-update.com/", "mychart", "epic-mychart", "ComboSquatting")]
    [InlineData("https://mychart-login.someone.github.io/", "mychart", "epic-mychart", "ComboSquatting")]
    [InlineData("https://healthelife-signin.com/", "iqhealth.com", "oracle-health-healthelife", "ComboSquatting")]
    [InlineData("https://followmyhealth-secure.com/", "followmyhealth.com", "followmyhealth", "ComboSquatting")]
    [InlineData("https://verify-followmyhealth.net/", "followmyhealth.com", "followmyhealth", "ComboSquatting")]
    [InlineData("https://healowaccount.com/", "healow.com", "eclinicalworks-healow", "ComboSquatting")]
    [InlineData("https://myhealthevet-update.com/", "myhealth.va.gov", "va-my-healthevet", "ComboSquatting")]
    [InlineData("https://athenahealth-password.com/", "athenahealth.com", "athenahealth", "ComboSquatting")]
    [InlineData("https://kaiser-login.com/", "kaiserpermanente.org", "kaiser-permanente", "ComboSquatting")]
    [InlineData("https://nextmd-confirm.net/", "nextmd.com", "nextgen-patient-portal", "ComboSquatting")]
    [InlineData("https://login.mychart-auth.com/", "mychart", "epic-mychart", "ComboSquatting")]
    public void Imitation_names_the_catalog_name_it_imitates(string input, string imitated, string portalId, string kind)
    {
        Assert.True(WebTargetParser.TryParse(input, out var target, out var error), error);

        var identity = Classifier.Classify(target);

        Assert.Equal(PortalIdentityStatus.Lookalike, identity.Status);
        Assert.Equal(imitated, identity.LookalikeOf);
        Assert.Equal(portalId, identity.Portal?.Id);
        Assert.Equal(kind, Classifier.ExplainLookalike(identity)?.Kind.ToString());
    }

    // False positives matter as much as misses: these stay what they are.
    [Theory]
    // Well-known unrelated sites.
    [InlineData("https://www.google.com/")]
    [InlineData("https://www.bing.com/")]
    [InlineData("https://duckduckgo.com/")]
    [InlineData("https://www.bbc.co.uk/news")]
    [InlineData("https://www.nytimes.com/")]
    [InlineData("https://www.theguardian.com/")]
    [InlineData("https://www.cnn.com/")]
    [InlineData("https://www.wikipedia.org/")]
    [InlineData("https://github.com/")]
    [InlineData("https://www.chase.com/")]
    [InlineData("https://www.bankofamerica.com/")]
    [InlineData("https://www.wellsfargo.com/")]
    [InlineData("https://www.paypal.com/")]
    [InlineData("https://www.amazon.com/")]
    [InlineData("https://login.microsoftonline.com/")]
    [InlineData("https://accounts.google.com/")]
    [InlineData("https://appleid.apple.com/")]
    [InlineData("https://www.chartjs.org/")]
    [InlineData("https://mychemicalromance.com/")]
    [InlineData("https://www.webmd.com/")]
    [InlineData("https://www.healthline.com/")]
    [InlineData("https://www.mayoclinic.org/")]
    [InlineData("https://www.clevelandclinic.org/")]
    [InlineData("https://www.cdc.gov/")]
    [InlineData("https://www.nih.gov/")]
    [InlineData("https://www.cerner.com/")]
    [InlineData("https://www.epic.com/")]
    [InlineData("https://www.nextgen.com/")]
    [InlineData("https://www.eclinicalworks.com/")]
    [InlineData("https://www.veradigm.com/")]
    [InlineData("https://www.oracle.com/health/")]
    // Near neighbours of short or ordinary catalog labels are different words, not imitations.
    [InlineData("https://patent.com/")]
    [InlineData("https://patients.org/")]
    [InlineData("https://patient.info/")]
    [InlineData("https://www.utah.com/")]
    [InlineData("https://ucsd.edu/")]
    [InlineData("https://ucla.edu/")]
    [InlineData("https://mycart.com/")]
    [InlineData("https://mychat.com/")]
    [InlineData("https://kaiser.com/")]
    [InlineData("https://kaiserslautern.de/")]
    [InlineData("https://healthy.com/")]
    [InlineData("https://kq.org/")]
    [InlineData("https://vb.gov/")]
    [InlineData("https://myhealthevett.com/")] // a domainless brand counts swaps and replacements only
    [InlineData("https://chin.org/")]
    [InlineData("https://ochre.org/")]
    // A digit for a digit is a different name, not an imitation.
    [InlineData("https://site45.example/")]
    // Hosts under a catalog organisation's own registrable domain are never lookalikes: only it names them.
    [InlineData("https://www.kp.org/")]
    [InlineData("https://athenahealth.com/")]
    [InlineData("https://www.athenahealth.com/")]
    [InlineData("https://www.ucsf.edu/")]
    [InlineData("https://mychart-login.ucsf.edu/")]
    [InlineData("https://mychаrt.ucsf.edu/")] // Cyrillic а, but under ucsf.edu
    [InlineData("https://login.va.gov/")]
    [InlineData("https://kaiserpermanente.org/")]
    // The brand alone, or the brand and a lure in different labels, is not combo-squatting.
    [InlineData("https://mychart.com/")]
    [InlineData("https://mychart.securehealth.org/")]
    [InlineData("https://secure.example-health.org/")]
    [InlineData("https://login.example-health.org/")]
    [InlineData("https://kaiseraccountants.com/")]
    // Bare public suffixes and IP literals.
    [InlineData("https://github.io/")]
    [InlineData("https://co.uk/")]
    [InlineData("https://192.0.2.10/")]
    public void Unrelated_or_own_domain_is_not_a_lookalike(string input)
    {
        Assert.True(WebTargetParser.TryParse(input, out var target, out var error), error);

        var identity = Classifier.Classify(target);

        Assert.NotEqual(PortalIdentityStatus.Lookalike, identity.Status);
        Assert.Null(identity.LookalikeOf);
    }

    [Fact]
    public void User_entry_is_protected_from_lookalikes_too()
    {
        var mine = new PortalEntry(
            "st-elsewhere", "St Elsewhere", "Epic Systems", "MyChart", ["mychart.stelsewhere.org"], [], [],
            VpnCompatibility.Unknown, null, TwoFactorSupport.Unknown, null, "added by the user", UserDefined: true);
        var classifier = new PortalClassifier([.. EmbeddedCatalog.Load(), mine]);

        Assert.True(WebTargetParser.TryParse("https://stelsewhere-org.example/", out var target, out _));
        var identity = classifier.Classify(target);

        Assert.Equal(PortalIdentityStatus.Lookalike, identity.Status);
        Assert.Equal("stelsewhere.org", identity.LookalikeOf);
        Assert.Equal("st-elsewhere", identity.Portal?.Id);
    }
}
