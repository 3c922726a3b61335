using PortalGuard.Storage;
using Xunit;

namespace PortalGuard.Tests.Storage;

public sealed class AuditOriginTests
{
    [Theory]
    [InlineData("https://mychart.example.org", "https://mychart.example.org")]
    [InlineData("https://mychart.example.org/", "https://mychart.example.org")]
    [InlineData("https://mychart.example.org/MyChart/patient/123?mrn=9#notes", "https://mychart.example.org")]
    [InlineData("https://MyChart.Example.ORG/Login", "https://mychart.example.org")]
    [InlineData("https://someone:secret@mychart.example.org/", "https://mychart.example.org")]
    [InlineData("https://mychart.example.org:443/x", "https://mychart.example.org")]
    [InlineData("https://mychart.example.org:8443/x", "https://mychart.example.org:8443")]
    [InlineData("http://mychart.example.org:80", "http://mychart.example.org")]
    [InlineData("http://127.0.0.1:8080/patient/1", "http://127.0.0.1:8080")]
    [InlineData("https://[::1]:8443/patient/1", "https://[::1]:8443")]
    [InlineData("https://mychart.example.org./", "https://mychart.example.org")]
    [InlineData("  https://mychart.example.org  ", "https://mychart.example.org")]
    [InlineData("https://mÿchart.example.org/patient/1", "https://xn--mchart-pza.example.org")]
    public void Url_or_origin_is_reduced_to_scheme_host_and_port(string value, string expected)
    {
        Assert.Equal(expected, AuditOrigin.Reduce(value, "origin"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("mychart.example.org")]
    [InlineData("mychart.example.org/patient/123")]
    [InlineData("/MyChart/patient/123?mrn=9")]
    [InlineData("file:///home/someone/patient-123.pdf")]
    [InlineData("ftp://files.example.org/patient/123")]
    [InlineData("wss://mychart.example.org/socket")]
    [InlineData("data:text/html,patient-123")]
    public void Anything_that_is_not_an_http_url_is_refused_without_repeating_it(string? value)
    {
        var refused = Assert.Throws<ArgumentException>(() => AuditOrigin.Reduce(value, "origin"));

        Assert.DoesNotContain("123", refused.Message, StringComparison.Ordinal);
        Assert.Equal("origin", refused.ParamName);
    }
}
