using System.Globalization;
using PortalGuard.Install;

namespace PortalGuard.Host.Cli;

/// <summary>How install and uninstall report what they did: one line per path touched, then one line of outcome.</summary>
internal static class CliOutput
{
    public static void WriteResult(TextWriter stdout, HostManifestResult result, ChromiumBrowser browser, string? executable)
    {
        foreach (var path in result.PathsTouched.Where(p => p != result.ManifestPath))
        {
            stdout.WriteLine($"created folder {path}");
        }

        var browserName = browser.ToString().ToLower(CultureInfo.InvariantCulture);
        stdout.WriteLine(result.Change switch
        {
            HostManifestChange.Created => $"installed for {browserName}: {result.ManifestPath} -> {executable}",
            HostManifestChange.Updated => $"updated for {browserName}: {result.ManifestPath} -> {executable}",
            HostManifestChange.Unchanged => $"already installed for {browserName}: {result.ManifestPath} -> {executable}",
            HostManifestChange.Removed => $"removed for {browserName}: {result.ManifestPath}",
            _ => $"not installed for {browserName}: {result.ManifestPath}",
        });
    }

    /// <summary>Failures a user can act on, reported in one line; anything else is a bug and may crash loudly.</summary>
    public static bool IsExpectedFailure(Exception exception) =>
        exception is HostManifestConflictException or IOException or UnauthorizedAccessException
            or PlatformNotSupportedException or InvalidOperationException;
}
