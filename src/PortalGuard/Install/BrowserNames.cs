using System.Globalization;

namespace PortalGuard.Install;

/// <summary>The names a person types and reads for each browser.</summary>
internal static class BrowserNames
{
    public const string Choices = "chrome, chromium, edge, brave, vivaldi, firefox or all";

    public static IReadOnlyList<Browser> All { get; } = Enum.GetValues<Browser>();

    /// <summary>The lower-case name used on the command line and in output (<c>chrome</c>, <c>firefox</c>).</summary>
    public static string Name(Browser browser) => browser.ToString().ToLower(CultureInfo.InvariantCulture);

    public static bool IsChromiumFamily(Browser browser) => browser != Browser.Firefox;

    /// <summary>Parses one browser name; aliases are the names the browsers' own packages use.</summary>
    public static Browser? Parse(string value) => value.ToLowerInvariant() switch
    {
        "chromium" or "chromium-browser" => Browser.Chromium,
        "chrome" or "google-chrome" => Browser.Chrome,
        "edge" or "microsoft-edge" => Browser.Edge,
        "brave" or "brave-browser" => Browser.Brave,
        "vivaldi" => Browser.Vivaldi,
        "firefox" => Browser.Firefox,
        _ => null,
    };
}
