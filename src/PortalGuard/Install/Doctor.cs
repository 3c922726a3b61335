using PortalGuard.Storage;

namespace PortalGuard.Install;

/// <summary><c>portalguard doctor</c>'s checks: for each browser found, is the host registered where it looks, is the
/// manifest right, does the host start and answer hello, is the browser sandboxed; then the database and where data
/// and logs live. Every failure carries its fix.</summary>
/// <param name="additionalChecks">More checks run after the built-in ones; the machine-policy check is added here.</param>
internal sealed class Doctor(
    InstallPlatform platform,
    IRegistry? registry,
    string dataDirectory,
    string hostVersion,
    TimeProvider time,
    TimeSpan handshakeTimeout,
    IReadOnlyList<Func<IEnumerable<DoctorCheck>>> additionalChecks)
{
    public static readonly TimeSpan DefaultHandshakeTimeout = TimeSpan.FromSeconds(10);

    public async Task<DoctorReport> RunAsync()
    {
        var checks = new List<DoctorCheck>();
        var anyBrowser = false;
        foreach (var browser in BrowserNames.All)
        {
            anyBrowser |= await CheckBrowserAsync(browser, checks).ConfigureAwait(false);
        }

        if (!anyBrowser)
        {
            checks.Add(DoctorCheck.Failed(
                "browsers",
                "no supported browser was found for this user (no profile folder, snap or Flatpak of " + BrowserNames.Choices.Replace(" or all", string.Empty, StringComparison.Ordinal) + ")",
                "start your browser once so it creates its profile, then run: portalguard install --browser all"));
        }

        checks.AddRange(CheckStorage());
        foreach (var source in additionalChecks)
        {
            checks.AddRange(source());
        }

        return new DoctorReport(
            checks.TrueForAll(c => c.Status != DoctorStatus.Failed),
            hostVersion,
            dataDirectory,
            DataPaths.DatabaseFile(dataDirectory),
            DataPaths.LogDirectory(dataDirectory),
            checks);
    }

    /// <returns>Whether the browser is on this machine (or has a manifest, which counts too).</returns>
    private async Task<bool> CheckBrowserAsync(Browser browser, List<DoctorCheck> checks)
    {
        var name = BrowserNames.Name(browser);
        var found = BrowserDetector.IsFound(browser, platform);
        var manifests = new List<(ManifestTarget Target, string Path)>();
        var looked = new List<string>();
        foreach (var scope in Enum.GetValues<InstallScope>())
        {
            var target = ManifestLocations.Resolve(browser, scope, userDataDir: null, platform);
            var path = FindManifest(target, out var where);
            looked.Add(where);
            if (path is not null)
            {
                manifests.Add((target, path));
            }
        }

        if (!found && manifests.Count == 0)
        {
            return false;
        }

        var profile = ManifestLocations.ProfileFolder(browser, platform);
        var sandboxes = BrowserDetector.Sandboxed(browser, platform);
        checks.Add(DoctorCheck.Info(name, Directory.Exists(profile) ? $"{name} found ({profile})"
            : sandboxes.Count > 0 ? $"{name} found as a {sandboxes[0].Kind} ({sandboxes[0].Evidence})"
            : $"{name} not found, but a manifest for it is installed"));
        foreach (var sandboxed in sandboxes)
        {
            checks.Add(SandboxAdvice.For(sandboxed, name));
        }

        if (manifests.Count == 0)
        {
            checks.Add(DoctorCheck.Failed(
                name,
                $"PortalGuard is not registered with {name} (looked in {string.Join(" and ", looked)}); the extension will report the host as not found",
                $"portalguard install --browser {name}"));
            return true;
        }

        foreach (var (target, path) in manifests)
        {
            var area = $"{name} ({target.Scope.ToString().ToLowerInvariant()})";
            var reinstall = $"portalguard install --browser {name}" + (target.Scope == InstallScope.System ? " --scope system" : string.Empty);
            if (!File.Exists(path))
            {
                // Only a registry key can name a file that is not there.
                checks.Add(DoctorCheck.Failed(area, $"the registry names {path}, which does not exist, so {name} cannot find the host", reinstall));
                continue;
            }

            var inspection = ManifestInspector.Inspect(path, browser, area, reinstall, platform.IsWindows);
            checks.AddRange(inspection.Checks);
            if (inspection.Program is not null)
            {
                var failure = await HostHandshake.FailureAsync(inspection.Program, browser, path, handshakeTimeout, time).ConfigureAwait(false);
                checks.Add(failure is null
                    ? DoctorCheck.Ok(area, $"the host starts as {name} starts it and answers hello")
                    : DoctorCheck.Failed(area, $"{inspection.Program} was started as {name} would start it, but {failure}", $"run '{inspection.Program} version' to see it fail, and see its log in {DataPaths.LogDirectory(dataDirectory)}"));
            }
        }

        return true;
    }

    /// <summary>The manifest the browser would read for this target, or null. On Windows that is the file a registry key
    /// names; elsewhere the file in the folder.</summary>
    private string? FindManifest(ManifestTarget target, out string where)
    {
        if (target.RegistryKeys.Count == 0)
        {
            where = target.ManifestPath;
            return File.Exists(target.ManifestPath) ? target.ManifestPath : null;
        }

        where = string.Join(", ", target.RegistryKeys.Select(k => k.Display));
        if (registry is null)
        {
            return null;
        }

        return target.RegistryKeys.Select(registry.GetDefaultValue).FirstOrDefault(v => v is not null);
    }

    private IEnumerable<DoctorCheck> CheckStorage()
    {
        const string area = "data";
        yield return DoctorCheck.Info(area, $"data folder {dataDirectory} (set {DataPaths.DataDirectoryVariable} to move it); logs in {DataPaths.LogDirectory(dataDirectory)}");
        using var store = StoreHandle.Open(dataDirectory, time);
        yield return store.Store is not null
            ? DoctorCheck.Ok("database", $"database {DataPaths.DatabaseFile(dataDirectory)} opens and reads")
            : DoctorCheck.Failed(
                "database",
                $"database {DataPaths.DatabaseFile(dataDirectory)} cannot be used: {store.Error?.Message} (the guard still warns, but forgets settings and keeps no audit trail)",
                $"make {dataDirectory} yours and writable (chown/chmod), move a damaged portalguard.db aside, or set {DataPaths.DataDirectoryVariable} to a folder you own");
    }
}
