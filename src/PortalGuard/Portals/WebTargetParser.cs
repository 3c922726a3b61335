using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PortalGuard.Portals;

/// <summary>
/// Reduces what a person types or a browser reports (a bare host, <c>host:port</c>, or an http/https URL) to a
/// <see cref="WebTarget"/>, finding the host the way a browser would, so a URL cannot show one name and visit another.
/// </summary>
/// <remarks>
/// Follows the WHATWG URL Standard where it decides which host is visited: userinfo before the last <c>@</c> is not the
/// host, backslashes end the authority like slashes, percent-encoding in the host is decoded, IDN becomes punycode, and a
/// host ending in a number is an IPv4 address (<c>0x7f.1</c>, <c>2130706433</c>). Stricter than a browser in one way:
/// only letters, digits, hyphen and underscore may remain in a domain name.
/// The path, query and fragment are never looked at beyond finding where they start, and never kept; error messages
/// never repeat the input, which may carry a patient identifier.
/// </remarks>
internal static class WebTargetParser
{
    private const int HttpsPort = 443;
    private const int HttpPort = 80;

    /// <summary>Parses <paramref name="input"/>; on failure <paramref name="error"/> is one human sentence.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out WebTarget? target, [NotNullWhen(false)] out string? error)
    {
        target = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "Enter a web address or a host name.";
            return false;
        }

        var text = CleanInput(input);
        if (text.Length == 0)
        {
            error = "Enter a web address or a host name.";
            return false;
        }

        if (!text.StartsWith('[') && text.Contains("::", StringComparison.Ordinal) && IPAddress.TryParse(text, out var bareIpv6) && bareIpv6.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // An IPv6 address typed without brackets: "fe80::1" would otherwise read as scheme "fe80".
            return TryParseIpv6(text, out var ipv6Host, out _, out error) && Ok(new WebTarget("https", ipv6Host, HttpsPort, IsIpLiteral: true), out target);
        }

        string scheme;
        string rest;
        var schemeLength = SchemeLength(text);
        var candidate = text[..schemeLength].ToLowerInvariant();
        if (candidate is "https" or "http")
        {
            scheme = candidate;

            // For http(s), browsers skip any run of slashes and backslashes after the scheme ("https:/\host" works).
            rest = text[(schemeLength + 1)..].TrimStart('/', '\\');
        }
        else if (schemeLength == 0 || IsPortAfterColon(text, schemeLength))
        {
            // A bare host or host:port, or a scheme-relative "//host": assume https, as a browser's address bar does.
            scheme = "https";
            rest = text.TrimStart('/', '\\');
        }
        else
        {
            error = candidate.Length <= 20
                ? $"Only http and https addresses can be checked, not \"{candidate}:\"."
                : "Only http and https addresses can be checked.";
            return false;
        }

        var authorityEnd = rest.AsSpan().IndexOfAny("/\\?#");
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];

        // Userinfo ("https://mychart.ucsf.edu@evil.example/") is everything up to the last '@': never the host.
        var at = authority.LastIndexOf('@');
        var hostAndPort = at < 0 ? authority : authority[(at + 1)..];

        if (!TrySplitPort(hostAndPort, out var rawHost, out var portText, out error))
        {
            return false;
        }

        var port = scheme == "https" ? HttpsPort : HttpPort;
        if (portText.Length > 0)
        {
            if (portText.AsSpan().ContainsAnyExceptInRange('0', '9')
                || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port)
                || port > ushort.MaxValue)
            {
                error = "The port is not a number from 0 to 65535.";
                return false;
            }
        }

        if (!TryParseHost(rawHost, out var host, out var isIp, out error))
        {
            return false;
        }

        target = new WebTarget(scheme, host, port, isIp);
        return true;
    }

    // The URL Standard strips leading and trailing C0 controls and spaces, and removes tabs and newlines anywhere.
    private static string CleanInput(string input)
    {
        var start = 0;
        var end = input.Length;
        while (start < end && input[start] <= ' ')
        {
            start++;
        }

        while (end > start && input[end - 1] <= ' ')
        {
            end--;
        }

        var trimmed = input.AsSpan(start, end - start);
        if (!trimmed.ContainsAny('\t', '\n', '\r'))
        {
            return trimmed.ToString();
        }

        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool Ok(WebTarget value, out WebTarget? target)
    {
        target = value;
        return true;
    }

    // Length of a leading "scheme:" (letter, then letters, digits, '+', '-', '.'), or 0 when there is none.
    private static int SchemeLength(string text)
    {
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            return 0;
        }

        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ':')
            {
                return i;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return 0;
            }
        }

        return 0;
    }

    // "mychart.ucsf.edu:8443" and "localhost:8080/x" look like a scheme followed by a colon; digits after the colon
    // (up to the end or a path) mean host:port instead.
    private static bool IsPortAfterColon(string text, int colon)
    {
        var i = colon + 1;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > colon + 1 && (i == text.Length || text[i] is '/' or '\\' or '?' or '#');
    }

    private static bool TrySplitPort(string hostAndPort, out string host, out string port, [NotNullWhen(false)] out string? error)
    {
        host = hostAndPort;
        port = string.Empty;
        error = null;

        if (hostAndPort.StartsWith('['))
        {
            var close = hostAndPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = "The IPv6 address has no closing bracket.";
                return false;
            }

            host = hostAndPort[..(close + 1)];
            var after = hostAndPort[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    error = "Unexpected characters after the IPv6 address.";
                    return false;
                }

                port = after[1..];
            }

            return true;
        }

        if (hostAndPort.AsSpan().Count(':') > 1)
        {
            error = "An IPv6 address in a web address must be in square brackets.";
            return false;
        }

        var colon = hostAndPort.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            host = hostAndPort[..colon];
            port = hostAndPort[(colon + 1)..];
        }

        return true;
    }

    private static bool TryParseHost(string rawHost, [NotNullWhen(true)] out string? host, out bool isIp, [NotNullWhen(false)] out string? error)
    {
        host = null;
        isIp = false;
        if (rawHost.Length == 0)
        {
            error = "The address has no host name.";
            return false;
        }

        if (rawHost.Contains(':', StringComparison.Ordinal))
        {
            return TryParseIpv6(rawHost.Trim('[', ']'), out host, out isIp, out error);
        }

        if (rawHost.Contains('[', StringComparison.Ordinal) || rawHost.Contains(']', StringComparison.Ordinal))
        {
            error = "The host name contains a character that is not allowed in a domain name.";
            return false;
        }

        if (!TryPercentDecode(rawHost, out var decoded))
        {
            error = "The host name has a percent-encoded part that is not valid UTF-8.";
            return false;
        }

        if (!IdnHostName.TryToAscii(decoded, out var ascii, out error))
        {
            return false;
        }

        if (IdnHostName.EndsInNumber(ascii))
        {
            if (!TryParseIpv4(ascii, out host))
            {
                error = "The host looks like an IPv4 address but is not a valid one.";
                return false;
            }

            isIp = true;
            return true;
        }

        host = ascii;
        return true;
    }

    private static bool TryParseIpv6(string text, [NotNullWhen(true)] out string? host, out bool isIp, [NotNullWhen(false)] out string? error)
    {
        host = null;
        isIp = false;

        // Zone identifiers ("fe80::1%eth0") are not part of web addresses.
        if (text.Contains('%', StringComparison.Ordinal)
            || !IPAddress.TryParse(text, out var address)
            || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            error = "The host is not a valid IPv6 address.";
            return false;
        }

        host = address.ToString();
        isIp = true;
        error = null;
        return true;
    }

    // Decodes %XX escapes as UTF-8. Malformed escapes are left as they are; the '%' then fails host validation.
    private static bool TryPercentDecode(string text, out string decoded)
    {
        decoded = text;
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return true;
        }

        var source = Encoding.UTF8.GetBytes(text);
        var bytes = new byte[source.Length];
        var length = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '%' && i + 2 < source.Length && IsHex(source[i + 1]) && IsHex(source[i + 2]))
            {
                bytes[length++] = (byte)((HexValue(source[i + 1]) << 4) | HexValue(source[i + 2]));
                i += 2;
            }
            else
            {
                bytes[length++] = source[i];
            }
        }

        try
        {
            decoded = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    // The URL Standard's IPv4 parser: one to four parts, each decimal, octal (leading 0) or hex (0x); the last part fills
    // the remaining bytes. "0x7f.1" is 127.0.0.1 and "2130706433" is 127.0.0.1.
    private static bool TryParseIpv4(string host, [NotNullWhen(true)] out string? address)
    {
        address = null;
        var parts = host.Split('.');
        if (parts.Length > 4)
        {
            return false;
        }

        var numbers = new ulong[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryParseIpv4Number(parts[i], out numbers[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < numbers.Length - 1; i++)
        {
            if (numbers[i] > 255)
            {
                return false;
            }
        }

        var lastLimit = 1UL << (8 * (5 - numbers.Length));
        if (numbers[^1] >= lastLimit)
        {
            return false;
        }

        var value = numbers[^1];
        for (var i = 0; i < numbers.Length - 1; i++)
        {
            value += numbers[i] << (8 * (3 - i));
        }

        address = string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}");
        return true;
    }

    private static bool TryParseIpv4Number(string part, out ulong value)
    {
        value = 0;
        if (part.Length == 0)
        {
            return false;
        }

        var digits = part.AsSpan();
        var radix = 10;
        if (digits.StartsWith("0x", StringComparison.Ordinal))
        {
            radix = 16;
            digits = digits[2..];
        }
        else if (digits.Length > 1 && digits[0] == '0')
        {
            radix = 8;
            digits = digits[1..];
        }

        if (digits.IsEmpty)
        {
            // "0x" alone is zero, as in browsers.
            return true;
        }

        foreach (var c in digits)
        {
            int digit;
            if (char.IsAsciiDigit(c))
            {
                digit = c - '0';
            }
            else if (c is >= 'a' and <= 'f')
            {
                digit = c - 'a' + 10;
            }
            else
            {
                return false;
            }

            if (digit >= radix)
            {
                return false;
            }

            value = (value * (ulong)radix) + (ulong)digit;
            if (value > uint.MaxValue)
            {
                return false;
            }
        }

        return true;
    }
}
