using System.Text;
using System.Text.Json;

namespace PortalGuard.Install;

/// <summary>Writes and removes a host manifest in a folder a browser reads. Installing is idempotent, and neither
/// operation touches a manifest of the same name that belongs to another program.</summary>
/// <remarks>
/// Ownership rule: an existing manifest is PortalGuard's when its <c>name</c> is the host name and its <c>path</c>
/// names a file called <c>portalguard</c> (or <c>portalguard.exe</c>), wherever that file lives — so moving the
/// executable and installing again updates the manifest. Anything else (another program, unreadable JSON) is refused
/// unless <c>force</c> is set. Uninstalling removes only the manifest file, never a folder: the browser may own it.
/// </remarks>
internal static class HostManifestInstaller
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="manifest"/> into <paramref name="folder"/>, creating the folder when missing.</summary>
    /// <exception cref="HostManifestConflictException">A manifest of the same name belongs to another program.</exception>
    public static HostManifestResult Install(HostManifest manifest, string folder, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Path.IsPathFullyQualified(manifest.Path))
        {
            throw new ArgumentException($"The host path must be absolute, browsers refuse a relative one: {manifest.Path}", nameof(manifest));
        }

        var touched = new List<string>();
        folder = Path.GetFullPath(folder);
        CreateFolder(folder, touched);

        var manifestPath = Path.Combine(folder, manifest.FileName);
        var content = Serialize(manifest);
        var change = HostManifestChange.Created;
        if (File.Exists(manifestPath))
        {
            var existing = File.ReadAllBytes(manifestPath);
            if (existing.AsSpan().SequenceEqual(content))
            {
                return new HostManifestResult(manifestPath, HostManifestChange.Unchanged, touched);
            }

            if (!force)
            {
                EnsureOurs(manifestPath, existing, manifest.Name);
            }

            change = HostManifestChange.Updated;
        }

        WriteAtomically(manifestPath, content);
        touched.Add(manifestPath);
        return new HostManifestResult(manifestPath, change, touched);
    }

    /// <summary>Deletes the manifest named <paramref name="hostName"/> from <paramref name="folder"/> if it is PortalGuard's.</summary>
    /// <exception cref="HostManifestConflictException">The manifest belongs to another program.</exception>
    public static HostManifestResult Uninstall(string folder, string hostName = HostIdentity.HostName, bool force = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var manifestPath = Path.Combine(Path.GetFullPath(folder), hostName + ".json");
        if (!File.Exists(manifestPath))
        {
            return new HostManifestResult(manifestPath, HostManifestChange.Absent, []);
        }

        if (!force)
        {
            EnsureOurs(manifestPath, File.ReadAllBytes(manifestPath), hostName);
        }

        File.Delete(manifestPath);
        return new HostManifestResult(manifestPath, HostManifestChange.Removed, [manifestPath]);
    }

    /// <summary>The exact bytes written for a manifest: indented UTF-8 JSON without a byte-order mark, ending in a newline.</summary>
    public static byte[] Serialize(HostManifest manifest)
    {
        var json = JsonSerializer.Serialize(manifest, HostManifestJsonContext.Default.HostManifest);
        return Utf8NoBom.GetBytes(json.ReplaceLineEndings("\n") + "\n");
    }

    /// <summary>Whether an existing manifest's program is PortalGuard's executable, by the rule in the remarks.</summary>
    public static bool IsOurProgram(string programPath)
    {
        var fileName = Path.GetFileName(programPath);
        return string.Equals(fileName, HostIdentity.ExecutableName, StringComparison.Ordinal)
            || string.Equals(fileName, HostIdentity.ExecutableName + ".exe", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the file at <paramref name="manifestPath"/> is a manifest PortalGuard wrote (by the rule in the remarks).</summary>
    public static bool IsOurManifest(string manifestPath, string hostName = HostIdentity.HostName)
    {
        if (!File.Exists(manifestPath))
        {
            return false;
        }

        try
        {
            EnsureOurs(manifestPath, File.ReadAllBytes(manifestPath), hostName);
            return true;
        }
        catch (HostManifestConflictException)
        {
            return false;
        }
    }

    private static void EnsureOurs(string manifestPath, byte[] content, string hostName)
    {
        string? name;
        string? program;
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new HostManifestConflictException(manifestPath, "not a host manifest");
            }

            name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            program = root.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        }
        catch (JsonException)
        {
            throw new HostManifestConflictException(manifestPath, "unreadable JSON");
        }

        if (!string.Equals(name, hostName, StringComparison.Ordinal) || program is null || !IsOurProgram(program))
        {
            throw new HostManifestConflictException(manifestPath, program ?? "no program path");
        }
    }

    private static void CreateFolder(string folder, List<string> touched)
    {
        // Record each folder this call creates, outermost first, so the caller can report them.
        var missing = new Stack<string>();
        for (var current = folder; !Directory.Exists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
        }

        foreach (var path in missing)
        {
            Directory.CreateDirectory(path);
            touched.Add(path);
        }
    }

    private static void WriteAtomically(string path, byte[] content)
    {
        // A browser starting at this moment must see the old manifest or the new one, never half of one.
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
