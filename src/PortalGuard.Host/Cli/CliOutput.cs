using PortalGuard.Install;

namespace PortalGuard.Host.Cli;

/// <summary>How install and uninstall report what they did: one line per path or registry key touched, then one line of outcome.</summary>
internal static class CliOutput
{
    public static void WriteResult(TextWriter stdout, HostRegistrationResult registration, string? executable)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(registration);
        var result = registration.Manifest;
        foreach (var path in result.PathsTouched.Where(p => p != result.ManifestPath))
        {
            stdout.WriteLine($"created folder {path}");
        }

        var browserName = BrowserNames.Name(registration.Target.Browser)
            + (registration.Target.Scope == InstallScope.System ? " (system)" : string.Empty);
        stdout.WriteLine(result.Change switch
        {
            HostManifestChange.Created => $"installed for {browserName}: {result.ManifestPath} -> {executable}",
            HostManifestChange.Updated => $"updated for {browserName}: {result.ManifestPath} -> {executable}",
            HostManifestChange.Unchanged => $"already installed for {browserName}: {result.ManifestPath} -> {executable}",
            HostManifestChange.Removed => $"removed for {browserName}: {result.ManifestPath}",
            _ => $"not installed for {browserName}: {result.ManifestPath}",
        });

        foreach (var key in registration.RegistryChanges)
        {
            stdout.WriteLine(key.Change switch
            {
                HostManifestChange.Created => $"  registry key created: {key.Location.Display} -> {result.ManifestPath}",
                HostManifestChange.Updated => $"  registry key updated: {key.Location.Display} -> {result.ManifestPath}",
                HostManifestChange.Unchanged => $"  registry key already set: {key.Location.Display}",
                HostManifestChange.Removed => $"  registry key removed: {key.Location.Display}",
                _ => $"  registry key not present: {key.Location.Display}",
            });
        }
    }

    /// <summary>Failures a user can act on, reported in one line; anything else is a bug and may crash loudly.</summary>
    public static bool IsExpectedFailure(Exception exception) =>
        exception is HostManifestConflictException or IOException or UnauthorizedAccessException
            or PlatformNotSupportedException or InvalidOperationException;

    /// <summary>The registry on Windows; null elsewhere, where no browser reads one.</summary>
    public static IRegistry? SystemRegistry() => OperatingSystem.IsWindows() ? new WindowsRegistry() : null;

    /// <summary>A hint for a permission failure at system scope, which needs root or an administrator.</summary>
    public static string Explain(Exception exception, InstallScope scope) =>
        exception is UnauthorizedAccessException && scope == InstallScope.System
            ? exception.Message + " (--scope system writes for every user: run it as root, or as an administrator on Windows)"
            : exception.Message;
}
