namespace PortalGuard.Messaging;

/// <summary>A request that is JSON but not a valid request: names the field so the extension's developer sees the mistake.</summary>
internal sealed class InvalidRequestException : Exception
{
    public InvalidRequestException()
    {
    }

    public InvalidRequestException(string message)
        : base(message)
    {
    }

    public InvalidRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidRequestException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public string? Field { get; }
}
