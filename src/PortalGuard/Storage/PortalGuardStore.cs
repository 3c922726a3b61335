namespace PortalGuard.Storage;

/// <summary>Everything PortalGuard keeps on disk, behind one object the host holds for its lifetime.</summary>
internal sealed class PortalGuardStore : IDisposable
{
    private PortalGuardStore(PortalGuardDatabase database, TimeProvider time)
    {
        Database = database;
        Catalog = new CatalogStore(database);
        Settings = new SettingsStore(database);
        Audit = new AuditLog(database, time);
        Certificates = new CertificateHistory(database);
    }

    public PortalGuardDatabase Database { get; }

    public CatalogStore Catalog { get; }

    public SettingsStore Settings { get; }

    public AuditLog Audit { get; }

    public CertificateHistory Certificates { get; }

    /// <summary>Opens (creating when missing) <c>&lt;dataDir&gt;/portalguard.db</c>.</summary>
    /// <exception cref="StorageUnavailableException">The database cannot be used; it has not been changed.</exception>
    public static PortalGuardStore Open(string dataDirectory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var database = PortalGuardDatabase.Open(DataPaths.DatabaseFile(dataDirectory));
        return new PortalGuardStore(database, time);
    }

    public void Dispose() => Database.Dispose();
}
