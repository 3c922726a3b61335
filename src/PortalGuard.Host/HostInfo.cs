using System.Reflection;

namespace PortalGuard.Host;

/// <summary>Facts about this build of the host.</summary>
internal static class HostInfo
{
    public static string Version { get; } =
        typeof(HostInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
