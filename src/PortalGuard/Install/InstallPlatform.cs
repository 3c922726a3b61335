using PortalGuard.Storage;

namespace PortalGuard.Install;

/// <summary>The facts that decide where manifests go: which system's rules, the environment, and the root that
/// system-wide folders hang from. Every rule can be evaluated (and tested) on any machine by passing other facts.</summary>
/// <param name="OperatingSystem">Whose folder and registry conventions to follow.</param>
/// <param name="GetEnvironmentVariable">Reads the environment (HOME, XDG_CONFIG_HOME, LOCALAPPDATA, …); null when unset.</param>
/// <param name="SystemRoot">Prefix for system-wide folders: <c>/</c> normally; a staging folder when packaging
/// (like DESTDIR) or testing. Set with <see cref="SystemRootVariable"/>.</param>
internal sealed record InstallPlatform(HostOperatingSystem OperatingSystem, Func<string, string?> GetEnvironmentVariable, string SystemRoot)
{
    /// <summary>Moves every system-wide folder under another root: a package build's staging folder, or a test's temp folder.</summary>
    public const string SystemRootVariable = "PORTALGUARD_SYSTEM_ROOT";

    /// <summary>This process's system and environment.</summary>
    public static InstallPlatform Current() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>This system's rules with the given environment, which also decides the system root.</summary>
    public static InstallPlatform FromEnvironment(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var root = getEnvironmentVariable(SystemRootVariable);
        return new InstallPlatform(DataPaths.CurrentOperatingSystem, getEnvironmentVariable, string.IsNullOrEmpty(root) ? "/" : root);
    }

    public bool IsWindows => OperatingSystem == HostOperatingSystem.Windows;

    /// <summary>The user's home folder.</summary>
    /// <exception cref="InvalidOperationException">No variable names it.</exception>
    public string Home =>
        Variable(IsWindows ? "USERPROFILE" : "HOME")
        ?? throw new InvalidOperationException("HOME is not set, so this user's browser folders cannot be found; set HOME or pass --user-data-dir.");

    /// <summary>A variable's value, or null when it is unset or empty.</summary>
    public string? Variable(string name)
    {
        var value = GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>An absolute system path (<c>/etc/opt/chrome/…</c>) under <see cref="SystemRoot"/>.</summary>
    public string UnderRoot(string absolutePath) =>
        SystemRoot is "/" or "" ? absolutePath : Join(SystemRoot, absolutePath.TrimStart('/', '\\'));

    /// <summary>Joins with the target system's separator, so Windows rules give Windows paths even when evaluated on Linux.</summary>
    public string Join(string root, params string[] parts)
    {
        var separator = IsWindows ? '\\' : '/';
        var trimmed = root.Length > 1 ? root.TrimEnd('\\', '/') : root;
        var tail = string.Join(separator, parts.Select(p => IsWindows ? p.Replace('/', '\\') : p));
        return trimmed.EndsWith(separator) ? trimmed + tail : trimmed + separator + tail;
    }
}
