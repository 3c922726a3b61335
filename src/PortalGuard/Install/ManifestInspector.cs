using System.Text.Json;
using PortalGuard.Messaging;

namespace PortalGuard.Install;

/// <summary>Checks one installed manifest file the way the browser will read it, and says for each problem how to fix it.</summary>
internal static class ManifestInspector
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <param name="area">The label of every finding, e.g. <c>chrome (user)</c>.</param>
    /// <param name="reinstall">The command that writes a correct manifest here, e.g. <c>portalguard install --browser chrome</c>.</param>
    /// <param name="windowsRules">Whether a relative <c>path</c> is allowed (Windows resolves it against the manifest's folder).</param>
    public static ManifestInspection Inspect(string manifestPath, Browser browser, string area, string reinstall, bool windowsRules)
    {
        var checks = new List<DoctorCheck>();
        var rewrite = reinstall + " --force";
        byte[] content;
        try
        {
            content = File.ReadAllBytes(manifestPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            checks.Add(DoctorCheck.Failed(area, $"{manifestPath} cannot be read: {exception.Message}", $"let every user read it: chmod 644 '{manifestPath}'"));
            return new ManifestInspection(checks, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException exception)
        {
            checks.Add(DoctorCheck.Failed(area, $"{manifestPath} is not valid JSON ({exception.Message}); the browser ignores it", $"write a correct one: {rewrite}"));
            return new ManifestInspection(checks, null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                checks.Add(DoctorCheck.Failed(area, $"{manifestPath} is JSON but not an object; the browser ignores it", $"write a correct one: {rewrite}"));
                return new ManifestInspection(checks, null);
            }

            var name = String(root, "name");
            if (name != HostIdentity.HostName)
            {
                checks.Add(DoctorCheck.Failed(area, $"{manifestPath} has name '{name ?? "(none)"}'; the browser needs '{HostIdentity.HostName}', the file's own name", $"write a correct one: {rewrite}"));
            }

            var type = String(root, "type");
            if (type != HostManifest.StdioType)
            {
                checks.Add(DoctorCheck.Failed(area, $"{manifestPath} has type '{type ?? "(none)"}'; browsers accept only 'stdio'", $"write a correct one: {rewrite}"));
            }

            CheckCallers(root, browser, manifestPath, area, rewrite, checks);
            var program = CheckProgram(root, manifestPath, area, reinstall, rewrite, windowsRules, checks);
            if (checks.TrueForAll(c => c.Status != DoctorStatus.Failed))
            {
                checks.Insert(0, DoctorCheck.Ok(area, $"manifest {manifestPath} -> {program}"));
            }

            return new ManifestInspection(checks, program);
        }
    }

    private static void CheckCallers(JsonElement root, Browser browser, string manifestPath, string area, string rewrite, List<DoctorCheck> checks)
    {
        var firefox = browser == Browser.Firefox;
        var field = firefox ? "allowed_extensions" : "allowed_origins";
        var ours = firefox ? AllowedCallers.FirefoxAddonId : AllowedCallers.ChromiumOrigin;
        var listed = root.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array
            && list.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == ours);
        if (!listed)
        {
            var symptom = firefox
                ? "Firefox will refuse the extension ('No such native application')"
                : "the browser will say 'Access to the specified native messaging host is forbidden'";
            checks.Add(DoctorCheck.Failed(area, $"{manifestPath}: {field} does not list PortalGuard's extension ({ours}), so {symptom}", $"write a correct one: {rewrite}"));
        }
    }

    private static string? CheckProgram(JsonElement root, string manifestPath, string area, string reinstall, string rewrite, bool windowsRules, List<DoctorCheck> checks)
    {
        var path = String(root, "path");
        if (string.IsNullOrEmpty(path))
        {
            checks.Add(DoctorCheck.Failed(area, $"{manifestPath} names no program ('path' is missing)", $"write a correct one: {rewrite}"));
            return null;
        }

        if (!Path.IsPathFullyQualified(path))
        {
            if (!windowsRules)
            {
                checks.Add(DoctorCheck.Failed(area, $"{manifestPath}: path '{path}' is relative; on Linux and macOS browsers start only an absolute path", $"write the absolute path of this executable: {rewrite}"));
                return null;
            }

            path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(manifestPath)!, path));
        }

        if (!File.Exists(path))
        {
            checks.Add(DoctorCheck.Failed(area, $"{manifestPath} starts {path}, which does not exist (moved or deleted?)", $"run install again from where portalguard now lives: /path/to/portalguard {reinstall["portalguard ".Length..]}"));
            return null;
        }

        if (!windowsRules && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & AnyExecute) == UnixFileMode.None)
        {
            checks.Add(DoctorCheck.Failed(area, $"{path} is not executable, so the browser cannot start it", $"chmod +x '{path}'"));
            return null;
        }

        if (!HostManifestInstaller.IsOurProgram(path))
        {
            checks.Add(DoctorCheck.Warning(area, $"{manifestPath} starts {path}, which is not called portalguard (a wrapper, or another program?)", $"if it is not yours on purpose: {rewrite}"));
        }

        return path;
    }

    private static string? String(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
