using System.Text;

namespace PortalGuard.Network;

/// <summary>
/// Reads <c>nmcli -t -f ACTIVE,SSID,SECURITY device wifi list</c>: one line per access point in range, fields separated
/// by ':' (a ':' or '\' inside a field is escaped with '\'), ACTIVE <c>yes</c> on the one in use. SECURITY is empty for an
/// open network and lists the schemes otherwise (<c>WEP</c>, <c>WPA1 WPA2</c>, <c>WPA3</c>, <c>OWE</c>, <c>802.1X</c>).
/// </summary>
internal static class NmcliWifiParser
{
    public static readonly string[] Arguments = ["-t", "-f", "ACTIVE,SSID,SECURITY", "device", "wifi", "list", "--rescan", "no"];

    /// <summary>
    /// "yes" in the languages nmcli is translated into most, for the case where the C locale did not take (nmcli translates
    /// even its terse output).
    /// </summary>
    private static readonly HashSet<string> Yes = new(StringComparer.OrdinalIgnoreCase)
    {
        "yes", "ja", "oui", "sí", "si", "sì", "sim", "tak", "да", "так", "evet", "igen", "ano", "kyllä", "是", "はい", "예",
    };

    public static WifiFacts Parse(string output, DateTimeOffset checkedAt)
    {
        ArgumentNullException.ThrowIfNull(output);
        WifiFacts? connected = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = SplitTerse(line.TrimEnd('\r'));
            if (fields.Count < 3 || !Yes.Contains(fields[0]))
            {
                continue;
            }

            var security = fields[2].Trim();
            var facts = new WifiFacts(
                WifiState.Connected,
                fields[1].Length == 0 ? null : fields[1],
                security is "" or "--" ? "open" : security,
                IsOpen(security),
                Problem: null,
                checkedAt);

            // Two Wi-Fi adapters, each connected: the open one is the one to report.
            if (connected is null || (facts.Open && !connected.Open))
            {
                connected = facts;
            }
        }

        return connected ?? WifiFacts.NotConnected(checkedAt);
    }

    /// <summary>No scheme at all, or WEP alone (broken for two decades). OWE ("Enhanced Open") encrypts, so it is not open.</summary>
    private static bool IsOpen(string security)
    {
        var schemes = security.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return schemes.Length == 0 || schemes.All(static s => s is "--" || s.Equals("WEP", StringComparison.OrdinalIgnoreCase));
    }

    private static List<string> SplitTerse(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                current.Append(line[++i]);
            }
            else if (c == ':')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
