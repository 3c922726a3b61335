namespace PortalGuard.Storage;

/// <summary>
/// What PortalGuard creates is readable by its owner only (folders 0700, files 0600 on Linux and macOS), whatever the umask:
/// the data folder holds the audit trail and the logs, which name the portals a person uses.
/// </summary>
internal static class OwnerOnly
{
    /// <summary>rwx------: the mode of every folder PortalGuard creates.</summary>
    public const UnixFileMode FolderPermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw-------: the mode of every file PortalGuard creates.</summary>
    public const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates <paramref name="path"/> and every missing folder above it, each owner-only (as the XDG base-directory
    /// specification asks for a data folder's missing parents). Folders that already exist are left as they are: they may be
    /// the user's own, shared on purpose.
    /// </summary>
    public static void CreateFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (OperatingSystem.IsWindows())
        {
            // A folder under %LOCALAPPDATA% inherits the user's own ACL; Windows has no umask to defend against.
            Directory.CreateDirectory(path);
            return;
        }

        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only; its missing parents get 0777 less the umask.
        var missing = new Stack<string>();
        for (string? folder = Path.GetFullPath(path); folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            missing.Push(folder);
        }

        // mkdir(2) takes the umask off 0700, which can only narrow it: never more than owner-only.
        while (missing.TryPop(out var folder))
        {
            Directory.CreateDirectory(folder, FolderPermissions);
        }
    }
}
