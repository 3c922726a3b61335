namespace PortalGuard.Install;

/// <summary>Registers the host with one browser: writes the manifest file where the browser reads it and, on Windows,
/// points the browser's registry key(s) at that file. Uninstalling undoes exactly that, keys first.</summary>
/// <remarks>A registry key is PortalGuard's when it already names this target's manifest file, or names a file that is
/// PortalGuard's manifest; a key naming another program's manifest is refused unless forced. A key naming a file that
/// no longer exists is stale: no browser can use it, so installing replaces it.</remarks>
internal sealed class HostRegistrar(IRegistry? registry)
{
    /// <exception cref="HostManifestConflictException">The manifest file or a registry key belongs to another program.</exception>
    public HostRegistrationResult Install(ManifestTarget target, HostManifest manifest, bool force)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(manifest);
        var keys = RequireRegistry(target);

        // Check every key before writing anything, so a refusal leaves the machine as it was.
        var current = keys.Select(key => (Key: key, Value: ValueOf(key))).ToList();
        if (!force)
        {
            EnsureKeysOurs(current, target);
        }

        var file = HostManifestInstaller.Install(manifest, target.Folder, force);
        var changes = new List<RegistryChange>();
        foreach (var (key, value) in current)
        {
            if (value is not null && PathsEqual(value, file.ManifestPath))
            {
                changes.Add(new RegistryChange(key, HostManifestChange.Unchanged));
                continue;
            }

            registry!.SetDefaultValue(key, file.ManifestPath);
            changes.Add(new RegistryChange(key, value is null ? HostManifestChange.Created : HostManifestChange.Updated));
        }

        return new HostRegistrationResult(target, file, changes);
    }

    /// <exception cref="HostManifestConflictException">The manifest file or a registry key belongs to another program.</exception>
    public HostRegistrationResult Uninstall(ManifestTarget target, bool force)
    {
        ArgumentNullException.ThrowIfNull(target);
        var keys = RequireRegistry(target);
        var current = keys.Select(key => (Key: key, Value: ValueOf(key))).ToList();
        if (!force)
        {
            EnsureKeysOurs(current, target);

            if (File.Exists(target.ManifestPath) && !HostManifestInstaller.IsOurManifest(target.ManifestPath))
            {
                // Let the file check raise its own, more precise, refusal before any key is deleted.
                HostManifestInstaller.Uninstall(target.Folder, HostIdentity.HostName, force: false);
            }
        }

        var changes = new List<RegistryChange>();
        foreach (var (key, value) in current)
        {
            var deleted = value is not null && registry!.DeleteKey(key);
            changes.Add(new RegistryChange(key, deleted ? HostManifestChange.Removed : HostManifestChange.Absent));
        }

        var file = HostManifestInstaller.Uninstall(target.Folder, HostIdentity.HostName, force);
        return new HostRegistrationResult(target, file, changes);
    }

    private IReadOnlyList<RegistryLocation> RequireRegistry(ManifestTarget target)
    {
        if (target.RegistryKeys.Count > 0 && registry is null)
        {
            throw new PlatformNotSupportedException($"Registering with {BrowserNames.Name(target.Browser)} needs the Windows registry, which this system does not have.");
        }

        return target.RegistryKeys;
    }

    private static void EnsureKeysOurs(List<(RegistryLocation Key, string? Value)> current, ManifestTarget target)
    {
        foreach (var (key, value) in current)
        {
            if (value is not null && !PathsEqual(value, target.ManifestPath) && File.Exists(value) && !HostManifestInstaller.IsOurManifest(value))
            {
                throw new HostManifestConflictException(key.Display, value);
            }
        }
    }

    // An empty default value names nothing, the same as no value.
    private string? ValueOf(RegistryLocation key) => registry!.GetDefaultValue(key) is { Length: > 0 } value ? value : null;

    // Windows paths compare without case; the values come from this program, so no further normalisation is needed.
    private static bool PathsEqual(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
