using PortalGuard.Portals;
using Xunit;

namespace PortalGuard.Tests.Portals;

public sealed class ConfusableSkeletonTests
{
    [Fact]
    public void Confusables_table_maps_common_homoglyphs_to_ascii()
    {
        var skeleton = ConfusableSkeleton.Default;
        Assert.True(skeleton.Count > 1000, $"only {skeleton.Count} mappings loaded");
        Assert.Equal("mychart", skeleton.Skeleton("mychаrt").Replace("rn", "m", StringComparison.Ordinal)); // Cyrillic а
        Assert.Equal(skeleton.Skeleton("paypal"), skeleton.Skeleton("раураl")); // all Cyrillic
        Assert.Equal(skeleton.Skeleton("healow"), skeleton.Skeleton("heal0w"));
        Assert.Equal(skeleton.Skeleton("mychart"), skeleton.Skeleton("rnychart"));
        Assert.Equal("日本", skeleton.Skeleton("日本"));
    }

    [Fact]
    public void Confusables_table_keeps_its_unicode_licence()
    {
        using var stream = typeof(ConfusableSkeleton).Assembly.GetManifestResourceStream("PortalGuard.Portals.confusables_skeleton.txt");
        Assert.NotNull(stream);
        var text = new StreamReader(stream).ReadToEnd();
        Assert.Contains("Unicode, Inc.", text);
        Assert.Contains("Permission is hereby granted", text);
    }

    [Fact]
    public void Parsed_table_maps_code_points_and_refuses_malformed_lines()
    {
        var table = ConfusableSkeleton.Parse(new StringReader("# comment\n0430 ; a # CYRILLIC SMALL LETTER A\n1D42E ; o\n"));
        Assert.Equal("oa", table.Skeleton("\U0001D42Eа"));
        Assert.Throws<FormatException>(() => ConfusableSkeleton.Parse(new StringReader("zzzz ; a\n")));
        Assert.Throws<FormatException>(() => ConfusableSkeleton.Parse(new StringReader("0430 ;\n")));
    }
}
