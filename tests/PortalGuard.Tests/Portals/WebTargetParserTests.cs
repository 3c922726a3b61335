using PortalGuard.Portals;
using Xunit;

namespace PortalGuard.Tests.Portals;

public sealed class WebTargetParserTests
{
    [Theory]
    // Bare hosts, host:port and URLs.
    [InlineData("mychart.ucsf.edu", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    [InlineData("mychart.ucsf.edu:8443", "https://mychart.ucsf.edu:8443", "mychart.ucsf.edu", 8443, false)]
    [InlineData("mychart.ucsf.edu/MyChart/Authentication/Login", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    [InlineData("localhost:8080", "https://localhost:8080", "localhost", 8080, false)]
    [InlineData("//mychart.ucsf.edu/x", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    [InlineData("https://mychart.ucsf.edu/MyChart/", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    [InlineData("http://mychart.ucsf.edu", "http://mychart.ucsf.edu", "mychart.ucsf.edu", 80, false)]
    [InlineData("https://mychart.ucsf.edu:443/", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    [InlineData("http://mychart.ucsf.edu:443/", "http://mychart.ucsf.edu:443", "mychart.ucsf.edu", 443, false)]
    [InlineData("https://mychart.ucsf.edu:/", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    // Case, trailing dot, surrounding space, tabs and newlines inside.
    [InlineData("HTTPS://MyChart.UCSF.edu./MyChart/", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    [InlineData("  https://mychart.ucsf.edu  ", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    [InlineData("https://my\tchart.ucsf\n.edu/", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    // Path, query and fragment are dropped, whatever they contain.
    [InlineData("https://mychart.ucsf.edu/MyChart/Patient?mrn=12345#results", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    [InlineData("https://mychart.ucsf.edu?next=https://evil.example/", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    [InlineData("https://mychart.ucsf.edu#@evil.example", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    // Userinfo is never the host; a backslash ends the authority as a slash does.
    [InlineData("https://mychart.ucsf.edu@evil.example/", "https://evil.example", "evil.example", 443, false)]
    [InlineData("https://user:pass@mychart.ucsf.edu/", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    [InlineData("https://a@b@evil.example/", "https://evil.example", "evil.example", 443, false)]
    [InlineData("https://evil.example\\@mychart.ucsf.edu/", "https://evil.example", "evil.example", 443, false)]
    [InlineData("https://evil.example/@mychart.ucsf.edu/", "https://evil.example", "evil.example", 443, false)]
    [InlineData("https:/\\mychart.ucsf.edu/", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    [InlineData("https:mychart.ucsf.edu", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    // Percent-encoded hosts are decoded as a browser does.
    [InlineData("https://%6Dychart.ucsf.edu/", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)]
    [InlineData("https://b%C3%BCcher.de/", "https://xn--bcher-kva.de", "xn--bcher-kva.de", 443, false)]
    // IDN becomes punycode; punycode stays as it is.
    [InlineData("https://bücher.de/", "https://xn--bcher-kva.de", "xn--bcher-kva.de", 443, false)]
    [InlineData("BÜCHER.de", "https://xn--bcher-kva.de", "xn--bcher-kva.de", 443, false)]
    [InlineData("https://xn--bcher-kva.de/", "https://xn--bcher-kva.de", "xn--bcher-kva.de", 443, false)]
    [InlineData("https://mychаrt.ucsf.edu/", "https://xn--mychrt-6nf.ucsf.edu", "xn--mychrt-6nf.ucsf.edu", 443, false)] // Cyrillic а
    [InlineData("ＭＹＣＨＡＲＴ．ucsf．edu", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)] // fullwidth letters and dots
    [InlineData("mychart。ucsf。edu", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)] // ideographic full stop
    [InlineData("my\u00ADchart.ucsf\u200B.edu", "https://mychart.ucsf.edu", "mychart.ucsf.edu", 443, false)] // soft hyphen, zero-width space
    [InlineData("食狮.公司.cn", "https://xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn", 443, false)]
    // Underscores occur in real host names.
    [InlineData("my_portal.example.org", "https://my_portal.example.org", "my_portal.example.org", 443, false)]
    // IP literals, including the forms browsers accept.
    [InlineData("https://10.1.2.3/", "https://10.1.2.3", "10.1.2.3", 443, true)]
    [InlineData("http://0x7f.1/", "http://127.0.0.1", "127.0.0.1", 80, true)]
    [InlineData("2130706433", "https://127.0.0.1", "127.0.0.1", 443, true)]
    [InlineData("http://0177.0.0.1/", "http://127.0.0.1", "127.0.0.1", 80, true)]
    [InlineData("http://127.1/", "http://127.0.0.1", "127.0.0.1", 80, true)]
    [InlineData("http://1.2.3.4./", "http://1.2.3.4", "1.2.3.4", 80, true)]
    [InlineData("http://%31%32%37.0.0.1/", "http://127.0.0.1", "127.0.0.1", 80, true)]
    [InlineData("https://[::1]/", "https://[::1]", "::1", 443, true)]
    [InlineData("https://[2001:DB8::0:1]:8443/x", "https://[2001:db8::1]:8443", "2001:db8::1", 8443, true)]
    [InlineData("[::1]:8080", "https://[::1]:8080", "::1", 8080, true)]
    [InlineData("fe80::1", "https://[fe80::1]", "fe80::1", 443, true)]
    public void Accepted_input_is_reduced_to_scheme_host_and_port(string input, string origin, string host, int port, bool isIp)
    {
        Assert.True(WebTargetParser.TryParse(input, out var target, out var error), error);
        Assert.Equal(host, target.Host);
        Assert.Equal(port, target.Port);
        Assert.Equal(isIp, target.IsIpLiteral);
        Assert.Equal(origin, target.Origin);
    }

    [Theory]
    [InlineData(null, "Enter")]
    [InlineData("", "Enter")]
    [InlineData("   \t ", "Enter")]
    [InlineData("javascript:alert(document.cookie)", "\"javascript:\"")]
    [InlineData("JavaScript:alert(1)", "\"javascript:\"")]
    [InlineData("data:text/html,<form action=x>", "\"data:\"")]
    [InlineData("file:///etc/passwd", "\"file:\"")]
    [InlineData("ftp://mychart.ucsf.edu/", "\"ftp:\"")]
    [InlineData("mailto:someone@mychart.ucsf.edu", "\"mailto:\"")]
    [InlineData("chrome-extension://abcdef/", "\"chrome-extension:\"")]
    [InlineData("https://", "no host")]
    [InlineData("https:///", "no host")]
    [InlineData("https://user@/", "no host")]
    [InlineData("https://mychart.ucsf.edu:99999/", "port")]
    [InlineData("https://mychart.ucsf.edu:44a/", "port")]
    [InlineData("https://mychart..ucsf.edu/", "empty label")]
    [InlineData("https://.ucsf.edu/", "empty label")]
    [InlineData("https://mychart.ucsf.edu../", "empty label")]
    [InlineData("https://my chart.ucsf.edu/", "not allowed")]
    [InlineData("https://my<chart>.ucsf.edu/", "not allowed")]
    [InlineData("https://mychart$.ucsf.edu/", "not allowed")]
    [InlineData("https://mychart%.ucsf.edu/", "not allowed")]
    [InlineData("https://mychart%2Fx.ucsf.edu/", "not allowed")]
    [InlineData("https://%C3%28.example/", "not valid UTF-8")]
    [InlineData("https://xn--zz.example/", "punycode")]
    [InlineData("https://xn--mychart-.example/", "punycode")]
    [InlineData("https://[::1/", "closing bracket")]
    [InlineData("https://[::1]x/", "after the IPv6")]
    [InlineData("https://[fe80::1%25eth0]/", "IPv6")]
    [InlineData("https://[1.2.3.4]/", "not allowed")]
    [InlineData("https://1:2:3/", "square brackets")]
    [InlineData("http://256.0.0.1/", "IPv4")]
    [InlineData("http://1.2.3.4.5/", "IPv4")]
    [InlineData("http://example.09/", "IPv4")]
    public void Refused_input_gets_a_one_line_reason(string? input, string reasonContains)
    {
        Assert.False(WebTargetParser.TryParse(input, out var target, out var error));
        Assert.Null(target);
        Assert.Contains(reasonContains, error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void Host_longer_than_253_characters_is_refused()
    {
        var host = string.Join('.', Enumerable.Repeat(new string('a', 50), 5)) + ".com"; // 259 characters
        Assert.False(WebTargetParser.TryParse(host, out _, out var error));
        Assert.Contains("253", error);
    }

    [Fact]
    public void Label_longer_than_63_characters_is_refused()
    {
        Assert.False(WebTargetParser.TryParse($"https://{new string('a', 64)}.example/", out _, out var error));
        Assert.Contains("63", error);
        Assert.True(WebTargetParser.TryParse($"https://{new string('a', 63)}.example/", out _, out _));
    }

    [Fact]
    public void Error_message_never_repeats_the_path_or_query()
    {
        Assert.False(WebTargetParser.TryParse("https://my chart.example/Patient?mrn=123456789", out _, out var error));
        Assert.DoesNotContain("123456789", error);
        Assert.DoesNotContain("Patient", error);
    }
}
