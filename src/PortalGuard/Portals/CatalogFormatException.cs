namespace PortalGuard.Portals;

/// <summary>A catalog file (the embedded one or one being imported) is not valid JSON or breaks a catalog rule; the message says what and where.</summary>
internal sealed class CatalogFormatException : Exception
{
    public CatalogFormatException()
    {
    }

    public CatalogFormatException(string message)
        : base(message)
    {
    }

    public CatalogFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>1-based line of a JSON syntax or type error, when known.</summary>
    public long? LineNumber { get; init; }

    /// <summary>1-based byte position in <see cref="LineNumber"/>, when known.</summary>
    public long? BytePositionInLine { get; init; }

    /// <summary>JSON path of the offending value (<c>$[2].hosts</c>), when known.</summary>
    public string? JsonPath { get; init; }

    /// <summary>0-based index of the offending entry for a rule violation, when known.</summary>
    public int? EntryIndex { get; init; }
}
