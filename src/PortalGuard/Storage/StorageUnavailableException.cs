namespace PortalGuard.Storage;

/// <summary>The database cannot be used (corrupt, from a newer schema, unreadable). The file is never overwritten.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageUnavailableException(string databasePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        DatabasePath = databasePath;
    }

    /// <summary>The database file concerned.</summary>
    public string? DatabasePath { get; }
}
