using System.Text;

namespace PortalGuard.Network;

/// <summary>
/// Reads <c>netsh wlan show interfaces</c>: one block of "Label : value" lines per wireless interface, separated by blank
/// lines. Windows translates the labels and some values and prints them in the console's code page, so labels are
/// compared by their ASCII letters only (<c>État</c> is <c>tat</c>, <c>Verschlüsselung</c> is <c>verschlsselung</c>,
/// whatever the accents were decoded as) against the common languages; the SSID line, named <c>SSID</c> in every
/// language and printed only while connected, is what finally says "connected".
/// </summary>
internal static class NetshWlanParser
{
    public static readonly string[] Arguments = ["wlan", "show", "interfaces"];

    private static readonly HashSet<string> StateLabels = new(StringComparer.Ordinal) { "state", "status", "tat", "estado", "stato", "stan", "durum" };

    private static readonly HashSet<string> AuthenticationLabels = new(StringComparer.Ordinal)
    {
        "authentication", "authentifizierung", "authentification", "autenticacin", "autenticazione", "autenticao", "uwierzytelnianie", "kimlikdorulama",
    };

    private static readonly HashSet<string> CipherLabels = new(StringComparer.Ordinal)
    {
        "cipher", "verschlsselung", "chiffrement", "cifrado", "crittografia", "cifra", "codificao", "szyfr", "ifre",
    };

    private static readonly HashSet<string> ConnectedValues = new(StringComparer.Ordinal) { "connected", "verbunden", "connect", "conectado", "connesso", "poczono", "baland" };

    private static readonly HashSet<string> NoCipherValues = new(StringComparer.Ordinal)
    {
        "none", "keine", "keiner", "aucun", "aucune", "ninguno", "ninguna", "nessuno", "nessuna", "nenhum", "nenhuma", "brak", "yok",
    };

    private static readonly HashSet<string> OpenAuthenticationValues = new(StringComparer.Ordinal)
    {
        "open", "offen", "ouvert", "ouverte", "ouvrir", "abierta", "abierto", "aperta", "aperto", "aberta", "aberto", "otwarte", "ak",
    };

    public static WifiFacts Parse(string output, DateTimeOffset checkedAt)
    {
        ArgumentNullException.ThrowIfNull(output);
        WifiFacts? connected = null;
        foreach (var block in Blocks(output))
        {
            if (Describe(block, checkedAt) is not { } facts)
            {
                continue;
            }

            if (connected is null || (facts.Open && !connected.Open))
            {
                connected = facts;
            }
        }

        return connected ?? WifiFacts.NotConnected(checkedAt);
    }

    private static WifiFacts? Describe(List<(string Label, string Value)> block, DateTimeOffset checkedAt)
    {
        string? ssid = null, state = null, authentication = null, cipher = null;
        foreach (var (label, value) in block)
        {
            var key = Letters(label);
            if (label.Trim() == "SSID")
            {
                ssid = value;
            }
            else if (StateLabels.Contains(key))
            {
                state = Letters(value);
            }
            else if (AuthenticationLabels.Contains(key))
            {
                authentication = value;
            }
            else if (CipherLabels.Contains(key))
            {
                cipher = value;
            }
        }

        // A recognised state other than connected (disconnected, authenticating, associating) is not a connection yet.
        var isConnected = (state is not null && ConnectedValues.Contains(state))
            || ((state is null || !IsKnownState(state)) && !string.IsNullOrEmpty(ssid));
        if (!isConnected)
        {
            return null;
        }

        if (authentication is null && cipher is null)
        {
            return new WifiFacts(WifiState.Connected, NullIfEmpty(ssid), Security: null, Open: false, "the Wi-Fi security could not be read from netsh's output", checkedAt);
        }

        var cipherKey = cipher is null ? null : Letters(cipher);
        var open = cipherKey is not null
            ? NoCipherValues.Contains(cipherKey) || cipherKey.StartsWith("wep", StringComparison.Ordinal)
            : OpenAuthenticationValues.Contains(Letters(authentication!)) || Letters(authentication!).StartsWith("wep", StringComparison.Ordinal);
        var security = string.Join(" / ", new[] { authentication, cipher }.Where(static s => !string.IsNullOrEmpty(s)));
        return new WifiFacts(WifiState.Connected, NullIfEmpty(ssid), security, open, Problem: null, checkedAt);
    }

    /// <summary>The disconnected and in-between states in the common languages: a state that is none of these and not "connected" is an unknown word.</summary>
    private static bool IsKnownState(string state) =>
        ConnectedValues.Contains(state)
        || state.StartsWith("disconnect", StringComparison.Ordinal) // disconnected, disconnecting
        || state.StartsWith("dconnect", StringComparison.Ordinal) // déconnecté
        || state.StartsWith("desconect", StringComparison.Ordinal)
        || state.StartsWith("disconness", StringComparison.Ordinal)
        || state.StartsWith("getrennt", StringComparison.Ordinal)
        || state.StartsWith("authenticat", StringComparison.Ordinal)
        || state.StartsWith("associat", StringComparison.Ordinal)
        || state.StartsWith("discovering", StringComparison.Ordinal);

    private static IEnumerable<List<(string Label, string Value)>> Blocks(string output)
    {
        var block = new List<(string, string)>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (block.Count > 0)
                {
                    yield return block;
                    block = [];
                }

                continue;
            }

            // The first ':' ends the label: labels have none, values may (MAC addresses, SSIDs).
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                block.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }

    /// <summary>The ASCII letters of <paramref name="text"/>, lowercased: accents and their mis-decodings drop out.</summary>
    private static string Letters(string text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }

        return letters.ToString();
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
