using System.Security.Cryptography;

namespace PortalGuard.EndToEndTests;

/// <summary>Unique words planted where a person's private data lives on a portal visit — the address's path, query and
/// fragment, the page title, what is typed into the form — so that a scan of what PortalGuard wrote can look for each.
/// Each is new per run and shares no four letters in a row with another, so no compressor folds one into another.</summary>
public sealed record PrivacyMarkers(
    string Path,
    string Query,
    string Fragment,
    string Title,
    string UserName,
    string Password,
    string FormValue,
    string LookalikePath)
{
    public static PrivacyMarkers Create()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        string Next(string prefix)
        {
            while (true)
            {
                var word = prefix + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz23456789", 14);
                var grams = Enumerable.Range(0, word.Length - 3).Select(i => word.Substring(i, 4)).ToList();
                if (grams.All(g => !used.Contains(g)))
                {
                    used.UnionWith(grams);
                    return word;
                }
            }
        }

        return new PrivacyMarkers(
            Path: Next("MRN-"),
            Query: Next("qry"),
            Fragment: Next("frg"),
            Title: Next("ttl"),
            UserName: Next("usr"),
            Password: Next("pwd"),
            FormValue: Next("dob"),
            LookalikePath: Next("lka"));
    }

    /// <summary>Every marker with the kind of data it stands for.</summary>
    public IReadOnlyList<(string Kind, string Value)> All =>
    [
        ("URL path", Path), ("query string", Query), ("fragment", Fragment), ("page title", Title),
        ("user name", UserName), ("password", Password), ("form value", FormValue), ("lookalike URL path", LookalikePath),
    ];

    /// <summary>The portal page's address: a patient's record number in the path, a name in the query, a tab in the fragment.</summary>
    public string PortalPath => $"/patient/{Path}/results?name=Jane%20Doe%20{Query}&section=labs#{Fragment}";

    public string LookalikeAddressPath => $"/patient/{LookalikePath}/results?name={Query}#{Fragment}";

    /// <summary>Where signing in lands: the record number again, and the name in the query.</summary>
    public string HomePath => $"/patient/{Path}/home?visit={Query}";
}
