using PortalGuard.Host.Cli;

namespace PortalGuard.Tests.Cli;

public sealed class CliArgumentsTests
{
    [Fact]
    public void Flags_options_and_positionals_are_told_apart()
    {
        var parsed = CliArguments.Parse(["mychart.ucsf.edu", "--json", "--fail-on", "warn"], ["--json"], ["--fail-on"]);

        Assert.Equal(["mychart.ucsf.edu"], parsed.Positionals);
        Assert.True(parsed.Has("--json"));
        Assert.Equal("warn", parsed.Value("--fail-on"));
    }

    [Fact]
    public void Option_value_may_follow_an_equals_sign()
    {
        var parsed = CliArguments.Parse(["--since=7d"], [], ["--since"]);

        Assert.Equal("7d", parsed.Value("--since"));
    }

    [Theory]
    [InlineData("--jsn")]
    [InlineData("--fail-on")]
    public void Unknown_option_or_missing_value_is_a_usage_error(string arg)
    {
        Assert.Throws<UsageException>(() => CliArguments.Parse([arg], ["--json"], ["--fail-on"]));
    }

    [Fact]
    public void Wrong_number_of_positionals_is_a_usage_error()
    {
        var parsed = CliArguments.Parse(["a", "b"], [], []);

        var ex = Assert.Throws<UsageException>(() => parsed.ExpectPositionals(1, "x <one>"));
        Assert.Contains("'b'", ex.Message);
    }

    [Theory]
    [InlineData("7d", "2026-11-16T12:00:00Z")]
    [InlineData("24h", "2026-11-22T12:00:00Z")]
    [InlineData("30m", "2026-11-23T11:30:00Z")]
    [InlineData("2026-11-01", "2026-11-01T00:00:00Z")]
    public void Since_takes_a_date_or_a_span(string value, string expected)
    {
        var now = DateTimeOffset.Parse("2026-11-23T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AuditCommand.ParseSince(value, now));
    }

    [Fact]
    public void Since_that_is_neither_is_a_usage_error()
    {
        Assert.Throws<UsageException>(() => AuditCommand.ParseSince("last tuesday", DateTimeOffset.UnixEpoch));
    }
}
