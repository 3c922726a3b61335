using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PortalGuard.Portals;

/// <summary>
/// Turns a domain name as typed or percent-decoded into the lowercase ASCII (punycode) form every comparison in
/// PortalGuard uses, and back to Unicode for display and homograph checks.
/// </summary>
/// <remarks>
/// <see cref="IdnMapping"/> performs the full UTS-46 mapping (case folding, NFKC width folding, validity checks) only
/// when ICU is loaded. With <c>InvariantGlobalization</c> on, it is a bare RFC 3492 punycode encoder: it would encode
/// <c>MÜNCHEN</c> with a capital and leave fullwidth <c>ＭＹＣＨＡＲＴ</c> unfolded. So the mappings that matter for
/// portal identity (lowercasing, fullwidth ASCII, ideographic full stops) are done here first, in either mode, and a
/// punycode label is checked by decoding and re-encoding it.
/// </remarks>
internal static class IdnHostName
{
    /// <summary>Longest host name DNS can carry, without the trailing dot.</summary>
    public const int MaxLength = 253;

    /// <summary>Longest DNS label.</summary>
    public const int MaxLabelLength = 63;

    private const string AcePrefix = "xn--";

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    private static readonly SearchValues<char> FoldedOrIgnored = SearchValues.Create(
        "\u00AD\u034F\u180B\u180C\u180D\u200B\u2060\u3002\uFEFF\uFF61"
        + "\uFE00\uFE01\uFE02\uFE03\uFE04\uFE05\uFE06\uFE07\uFE08\uFE09\uFE0A\uFE0B\uFE0C\uFE0D\uFE0E\uFE0F"
        + string.Concat(Enumerable.Range(0xFF01, 0xFF5E - 0xFF01 + 1).Select(c => (char)c)));

    // Not thread-affine: IdnMapping's conversion methods keep no state between calls.
    private static readonly IdnMapping Mapping = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    /// <summary>
    /// Converts <paramref name="domain"/> to lowercase ASCII without a trailing dot, or explains in one line why it is not a
    /// usable host name. Allowed after conversion: letters, digits, hyphen and underscore; labels of 1 to 63 characters;
    /// at most 253 characters in all.
    /// </summary>
    public static bool TryToAscii(string domain, [NotNullWhen(true)] out string? ascii, [NotNullWhen(false)] out string? error)
    {
        ascii = null;
        var mapped = PreMap(domain);
        if (mapped.EndsWith('.'))
        {
            mapped = mapped[..^1];
        }

        if (mapped.Length == 0)
        {
            error = "The host name is empty.";
            return false;
        }

        if (!IsAscii(mapped))
        {
            // Refuse early what IdnMapping would otherwise have to chew through.
            if (mapped.Length > MaxLength * 4)
            {
                error = "The host name is too long.";
                return false;
            }

            try
            {
                mapped = Mapping.GetAscii(mapped).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                error = "The host name is not a valid international domain name.";
                return false;
            }
        }

        if (!TryValidateAscii(mapped, out error))
        {
            return false;
        }

        ascii = mapped;
        return true;
    }

    /// <summary>The Unicode form of an ASCII host for display and confusable checks; the input itself when a label cannot be decoded.</summary>
    public static string ToUnicode(string asciiHost)
    {
        if (!asciiHost.Contains(AcePrefix, StringComparison.Ordinal))
        {
            return asciiHost;
        }

        try
        {
            return Mapping.GetUnicode(asciiHost);
        }
        catch (ArgumentException)
        {
            return asciiHost;
        }
    }

    /// <summary>
    /// The URL Standard's "ends in a number" check on a lowercase ASCII host: when the last label is all digits or
    /// <c>0x</c> and hex digits, a browser reads the host as an IPv4 address, never as a domain name.
    /// </summary>
    public static bool EndsInNumber(string host)
    {
        var last = host.AsSpan(host.LastIndexOf('.') + 1);
        if (last.StartsWith("0x", StringComparison.Ordinal))
        {
            return !last[2..].ContainsAnyExcept(HexDigits);
        }

        return !last.IsEmpty && !last.ContainsAnyExceptInRange('0', '9');
    }

    private static bool TryValidateAscii(string host, [NotNullWhen(false)] out string? error)
    {
        if (host.Length > MaxLength)
        {
            error = "The host name is longer than 253 characters.";
            return false;
        }

        var labelStart = 0;
        for (var i = 0; i <= host.Length; i++)
        {
            if (i < host.Length && host[i] != '.')
            {
                var c = host[i];
                if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
                {
                    error = "The host name contains a character that is not allowed in a domain name.";
                    return false;
                }

                continue;
            }

            var label = host.AsSpan(labelStart, i - labelStart);
            if (label.IsEmpty)
            {
                error = "The host name has an empty label (two dots in a row, or a leading dot).";
                return false;
            }

            if (label.Length > MaxLabelLength)
            {
                error = "A label of the host name is longer than 63 characters.";
                return false;
            }

            if (label.StartsWith(AcePrefix, StringComparison.Ordinal) && !IsCanonicalPunycode(label.ToString()))
            {
                error = "The host name has a punycode (xn--) label that does not decode to a valid name.";
                return false;
            }

            labelStart = i + 1;
        }

        error = null;
        return true;
    }

    // A punycode label is accepted only when it decodes and encodes back to itself, as browsers require:
    // this refuses garbage such as "xn--zz" and alternative encodings that would dodge an exact comparison.
    private static bool IsCanonicalPunycode(string label)
    {
        try
        {
            var unicode = Mapping.GetUnicode(label);
            if (unicode.Length == 0 || IsAscii(unicode))
            {
                return false;
            }

            var again = Mapping.GetAscii(PreMap(unicode)).ToLowerInvariant();
            return string.Equals(again, label, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // Lowercase, fold fullwidth ASCII (U+FF01..U+FF5E) and the ideographic full stops to their ASCII forms, and drop the
    // invisible code points UTS-46 maps to nothing (soft hyphen, zero-width space, word joiner, variation selectors, BOM):
    // the part of UTS-46 mapping that IdnMapping skips under invariant globalization and that a homograph can hide in.
    private static string PreMap(string domain)
    {
        if (!domain.AsSpan().ContainsAny(FoldedOrIgnored))
        {
            return domain.ToLowerInvariant();
        }

        var builder = new System.Text.StringBuilder(domain.Length);
        foreach (var c in domain)
        {
            switch (c)
            {
                case >= '\uFF01' and <= '\uFF5E':
                    builder.Append((char)(c - 0xFEE0));
                    break;
                case '\u3002' or '\uFF61':
                    builder.Append('.');
                    break;
                case '\u00AD' or '\u034F' or (>= '\u180B' and <= '\u180D') or '\u200B' or '\u2060' or (>= '\uFE00' and <= '\uFE0F') or '\uFEFF':
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString().ToLowerInvariant();
    }

    private static bool IsAscii(string value) => System.Text.Ascii.IsValid(value);
}
