namespace PortalGuard.Install;

/// <summary>What installing or uninstalling did to the manifest file.</summary>
internal enum HostManifestChange
{
    /// <summary>There was no manifest; one was written.</summary>
    Created,

    /// <summary>PortalGuard's earlier manifest was rewritten (another executable path, or older content).</summary>
    Updated,

    /// <summary>The manifest already said exactly this; the file was not touched.</summary>
    Unchanged,

    /// <summary>PortalGuard's manifest was deleted.</summary>
    Removed,

    /// <summary>There was no manifest to delete.</summary>
    Absent,
}
