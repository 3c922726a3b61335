using PortalGuard.Portals;
using Xunit;

namespace PortalGuard.Tests.Portals;

public sealed class PublicSuffixListTests
{
    private static readonly PublicSuffixList List = PublicSuffixList.Default;

    // The well-known public suffix test vectors, written out as rows: host → registrable domain (null when none).
    [Theory]
    // Unlisted TLD: the default rule "*".
    [InlineData("example", null)]
    [InlineData("example.example", "example.example")]
    [InlineData("b.example.example", "example.example")]
    [InlineData("a.b.example.example", "example.example")]
    // TLD with one rule.
    [InlineData("biz", null)]
    [InlineData("domain.biz", "domain.biz")]
    [InlineData("b.domain.biz", "domain.biz")]
    [InlineData("a.b.domain.biz", "domain.biz")]
    // TLD with some second-level rules.
    [InlineData("com", null)]
    [InlineData("example.com", "example.com")]
    [InlineData("b.example.com", "example.com")]
    [InlineData("a.b.example.com", "example.com")]
    [InlineData("uk.com", null)]
    [InlineData("example.uk.com", "example.uk.com")]
    [InlineData("b.example.uk.com", "example.uk.com")]
    [InlineData("test.ac", "test.ac")]
    // Two-level suffixes.
    [InlineData("co.uk", null)]
    [InlineData("bbc.co.uk", "bbc.co.uk")]
    [InlineData("www.bbc.co.uk", "bbc.co.uk")]
    // TLD with only a wildcard rule, and an exception.
    [InlineData("ck", null)]
    [InlineData("test.ck", null)]
    [InlineData("b.test.ck", "b.test.ck")]
    [InlineData("a.b.test.ck", "b.test.ck")]
    [InlineData("www.ck", "www.ck")]
    [InlineData("www.www.ck", "www.ck")]
    // More complex TLD: wildcards and exceptions below a listed name.
    [InlineData("jp", null)]
    [InlineData("test.jp", "test.jp")]
    [InlineData("www.test.jp", "test.jp")]
    [InlineData("ac.jp", null)]
    [InlineData("test.ac.jp", "test.ac.jp")]
    [InlineData("www.test.ac.jp", "test.ac.jp")]
    [InlineData("kyoto.jp", null)]
    [InlineData("test.kyoto.jp", "test.kyoto.jp")]
    [InlineData("ide.kyoto.jp", null)]
    [InlineData("b.ide.kyoto.jp", "b.ide.kyoto.jp")]
    [InlineData("a.b.ide.kyoto.jp", "b.ide.kyoto.jp")]
    [InlineData("c.kobe.jp", null)]
    [InlineData("b.c.kobe.jp", "b.c.kobe.jp")]
    [InlineData("a.b.c.kobe.jp", "b.c.kobe.jp")]
    [InlineData("city.kobe.jp", "city.kobe.jp")]
    [InlineData("www.city.kobe.jp", "city.kobe.jp")]
    // A wildcard two levels down.
    [InlineData("sch.uk", "sch.uk")] // "*.sch.uk" covers its children, not sch.uk itself
    [InlineData("anything.sch.uk", null)]
    [InlineData("school.anything.sch.uk", "school.anything.sch.uk")]
    // US K12.
    [InlineData("us", null)]
    [InlineData("test.us", "test.us")]
    [InlineData("www.test.us", "test.us")]
    [InlineData("ak.us", null)]
    [InlineData("test.ak.us", "test.ak.us")]
    [InlineData("www.test.ak.us", "test.ak.us")]
    [InlineData("k12.ak.us", null)]
    [InlineData("test.k12.ak.us", "test.k12.ak.us")]
    [InlineData("www.test.k12.ak.us", "test.k12.ak.us")]
    // The PRIVATE section applies, as in browsers.
    [InlineData("github.io", null)]
    [InlineData("someone.github.io", "someone.github.io")]
    [InlineData("www.someone.github.io", "someone.github.io")]
    [InlineData("blogspot.com", null)]
    [InlineData("x.blogspot.com", "x.blogspot.com")]
    // Mixed case and a trailing dot are normalised.
    [InlineData("COM", null)]
    [InlineData("example.COM", "example.com")]
    [InlineData("WwW.example.COM", "example.com")]
    [InlineData("www.example.com.", "example.com")]
    // IDN rules are compared in punycode; Unicode input is converted first.
    [InlineData("xn--85x722f.com.cn", "xn--85x722f.com.cn")]
    [InlineData("xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("www.xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("shishi.xn--55qx5d.cn", "shishi.xn--55qx5d.cn")]
    [InlineData("xn--55qx5d.cn", null)]
    [InlineData("xn--85x722f.xn--fiqs8s", "xn--85x722f.xn--fiqs8s")]
    [InlineData("www.xn--85x722f.xn--fiqs8s", "xn--85x722f.xn--fiqs8s")]
    [InlineData("shishi.xn--fiqs8s", "shishi.xn--fiqs8s")]
    [InlineData("xn--fiqs8s", null)]
    [InlineData("食狮.com.cn", "xn--85x722f.com.cn")]
    [InlineData("食狮.公司.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("www.食狮.公司.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("shishi.公司.cn", "shishi.xn--55qx5d.cn")]
    [InlineData("公司.cn", null)]
    [InlineData("食狮.中国", "xn--85x722f.xn--fiqs8s")]
    [InlineData("中国", null)]
    // Not domain names: IP literals and malformed hosts have no registrable domain.
    [InlineData("127.0.0.1", null)]
    [InlineData("2001:db8::1", null)]
    [InlineData(".com", null)]
    [InlineData(".example.com", null)]
    [InlineData("a..example.com", null)]
    [InlineData("", null)]
    public void Registrable_domain_follows_the_public_suffix_algorithm(string host, string? expected)
    {
        Assert.Equal(expected, List.GetRegistrableDomain(host));
    }

    [Theory]
    [InlineData("mychart.ucsf.edu", "edu")]
    [InlineData("www.bbc.co.uk", "co.uk")]
    [InlineData("someone.github.io", "github.io")]
    [InlineData("b.test.ck", "test.ck")]
    [InlineData("www.ck", "ck")]
    [InlineData("www.city.kobe.jp", "kobe.jp")]
    [InlineData("intranet.corp", "corp")]
    [InlineData("co.uk", "co.uk")]
    public void Public_suffix_is_the_prevailing_rule_or_the_last_label(string host, string expected)
    {
        Assert.Equal(expected, List.GetPublicSuffix(host));
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("::1")]
    [InlineData("a..b")]
    public void Public_suffix_of_something_that_is_not_a_domain_name_is_an_argument_error(string host)
    {
        Assert.Throws<ArgumentException>(() => List.GetPublicSuffix(host));
    }

    [Fact]
    public void Embedded_list_is_loaded_once_with_both_sections()
    {
        Assert.Same(PublicSuffixList.Default, PublicSuffixList.Default);
        Assert.True(List.RuleCount > 9000, $"only {List.RuleCount} rules loaded");
        Assert.True(List.IsPublicSuffix("co.uk"));
        Assert.True(List.IsPublicSuffix("github.io"));
        Assert.False(List.IsPublicSuffix("ucsf.edu"));
    }

    [Fact]
    public void Parsed_list_honours_wildcards_exceptions_and_text_after_the_rule()
    {
        using var reader = new StringReader("""
            // comment
            example   trailing words are ignored
            *.wild.example
            !keep.wild.example

            """);
        var list = PublicSuffixList.Parse(reader);

        Assert.Null(list.GetRegistrableDomain("x.wild.example"));
        Assert.Equal("y.x.wild.example", list.GetRegistrableDomain("z.y.x.wild.example"));
        Assert.Equal("keep.wild.example", list.GetRegistrableDomain("www.keep.wild.example"));
        Assert.Equal("wild.example", list.GetRegistrableDomain("wild.example"));
    }

    [Fact]
    public void Embedded_list_keeps_its_licence_header()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream("PortalGuard.Portals.public_suffix_list.dat");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        var head = reader.ReadLine() + reader.ReadLine();
        Assert.Contains("Mozilla Public", head);
        Assert.Contains("License, v. 2.0", head);
    }
}
