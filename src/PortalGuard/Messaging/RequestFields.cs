using System.Text.Json;

namespace PortalGuard.Messaging;

/// <summary>Reads typed fields out of a request object, with an <see cref="InvalidRequestException"/> naming the field on a mistake.</summary>
/// <remarks>Hand-written rather than deserialised: the error must name the field, and unknown extra fields are allowed.</remarks>
internal static class RequestFields
{
    public static string RequiredString(JsonElement obj, string name, string path = "")
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            throw new InvalidRequestException(path + name, $"The field '{path + name}' is required.");
        }

        return value.ValueKind == JsonValueKind.String
            ? Text(value, path + name)
            : throw new InvalidRequestException(path + name, $"The field '{path + name}' must be a string.");
    }

    /// <summary>
    /// Whether a JSON string holds valid Unicode text. JSON allows escapes of lone surrogates (<c>"\ud800"</c>) that no
    /// valid text has; the reader refuses them only when the value is read, so every string field is read through here.
    /// </summary>
    public static bool IsValidText(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Text(JsonElement value, string field) =>
        IsValidText(value)
            ? value.GetString()!
            : throw new InvalidRequestException(field, $"The field '{field}' is not valid Unicode text.");

    public static string? OptionalString(JsonElement obj, string name, string path = "")
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? Text(value, path + name)
            : throw new InvalidRequestException(path + name, $"The field '{path + name}' must be a string or null.");
    }

    public static bool? OptionalBool(JsonElement obj, string name, string path = "")
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InvalidRequestException(path + name, $"The field '{path + name}' must be true or false."),
        };
    }

    public static int? OptionalInt(JsonElement obj, string name, int min, int max, string path = "")
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            throw new InvalidRequestException(path + name, $"The field '{path + name}' must be a whole number from {min} to {max}.");
        }

        return number;
    }

    public static JsonElement? OptionalObject(JsonElement obj, string name, string path = "")
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw new InvalidRequestException(path + name, $"The field '{path + name}' must be an object.");
    }

    public static JsonElement RequiredObject(JsonElement obj, string name, string path = "") =>
        OptionalObject(obj, name, path) ?? throw new InvalidRequestException(path + name, $"The field '{path + name}' is required.");

    public static IReadOnlyList<string> OptionalStringArray(JsonElement obj, string name, int maxItems, string path = "")
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > maxItems)
        {
            throw new InvalidRequestException(path + name, $"The field '{path + name}' must be an array of at most {maxItems} strings.");
        }

        var items = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new InvalidRequestException(path + name, $"The field '{path + name}' must contain only strings.");
            }

            items.Add(Text(item, path + name));
        }

        return items;
    }
}
