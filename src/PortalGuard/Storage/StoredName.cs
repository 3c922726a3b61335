namespace PortalGuard.Storage;

/// <summary>Enum values as the database stores them: their camelCase names, the same spelling the JSON and the protocol use.</summary>
internal static class StoredName
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1));
    }

    /// <summary>Null when the text names no member (a row written by a build that knew more codes).</summary>
    public static TEnum? Parse<TEnum>(string? text)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text) || !char.IsAsciiLetter(text[0]))
        {
            return null;
        }

        return Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
    }
}
