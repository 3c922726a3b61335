namespace PortalGuard.Portals;

/// <summary>
/// Product and platform names that identify a portal when they appear on a page or inside another domain name
/// ("MyChart" on a page at some unknown domain). Kept here, not in <see cref="PortalEntry"/>, because names cannot be
/// derived safely from hosts: <c>patient.com</c> would make "patient" a brand word on every portal page.
/// </summary>
internal static class PortalBrandWords
{
    /// <summary>Brand words per catalog id, lowercase, letters and digits only. Label patterns of any entry are added to these.</summary>
    public static IReadOnlyDictionary<string, string[]> ByEntryId { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["epic-mychart"] = ["mychart"],
        ["kaiser-permanente"] = ["kaiserpermanente", "kaiser"],
        ["oracle-health-healthelife"] = ["healthelife", "iqhealth", "healtheintent", "cernerhealth"],
        ["followmyhealth"] = ["followmyhealth"],
        ["athenahealth"] = ["athenahealth"],
        ["nextgen-patient-portal"] = ["nextmd"],
        ["eclinicalworks-healow"] = ["healow", "eclinicalweb"],
        ["va-my-healthevet"] = ["myhealthevet"],
        ["via-avecore"] = ["avecore"],
    };
}
