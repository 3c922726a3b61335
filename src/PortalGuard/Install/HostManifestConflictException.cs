namespace PortalGuard.Install;

/// <summary>A manifest with PortalGuard's host name exists but was not written for PortalGuard, so it is left alone.</summary>
internal sealed class HostManifestConflictException : Exception
{
    public HostManifestConflictException()
    {
    }

    public HostManifestConflictException(string message)
        : base(message)
    {
    }

    public HostManifestConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HostManifestConflictException(string manifestPath, string existingProgram)
        : base($"{manifestPath} already exists and starts another program ({existingProgram}); it was left alone. Use --force to replace it.")
    {
        ManifestPath = manifestPath;
        ExistingProgram = existingProgram;
    }

    public string? ManifestPath { get; }

    /// <summary>The <c>path</c> the existing manifest names, or a description of why it could not be read.</summary>
    public string? ExistingProgram { get; }
}
