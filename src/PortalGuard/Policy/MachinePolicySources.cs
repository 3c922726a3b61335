using PortalGuard.Storage;

namespace PortalGuard.Policy;

/// <summary>Where each operating system keeps the machine policy (docs/policy.md).</summary>
internal static class MachinePolicySources
{
    /// <summary>Names a policy file to read instead of the system's (tests; a fleet that ships the file elsewhere). On Windows it replaces the registry.</summary>
    public const string PolicyFileVariable = "PORTALGUARD_POLICY_FILE";

    public const string LinuxPolicyFile = "/etc/portalguard/policy.json";

    /// <summary>macOS: beside the system's other preference files; a configuration profile or a package can place it.</summary>
    public const string MacPolicyFile = "/Library/Preferences/org.portalguard.policy.json";

    /// <summary>The policy source of this process: its environment, then this operating system's place.</summary>
    public static IMachinePolicySource ForCurrentSystem() =>
        For(Environment.GetEnvironmentVariable, DataPaths.CurrentOperatingSystem, OperatingSystem.IsWindows() ? new WindowsPolicyRegistry() : null);

    /// <summary>The policy source decided from the given facts; <paramref name="registry"/> is used on Windows only.</summary>
    public static IMachinePolicySource For(Func<string, string?> environment, HostOperatingSystem operatingSystem, IPolicyRegistry? registry)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var overridden = environment(PolicyFileVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return new PolicyFileSource(overridden);
        }

        return operatingSystem switch
        {
            HostOperatingSystem.Windows => new RegistryPolicySource(registry ?? throw new ArgumentNullException(nameof(registry), "Windows keeps the policy in the registry.")),
            HostOperatingSystem.MacOS => new PolicyFileSource(MacPolicyFile),
            _ => new PolicyFileSource(LinuxPolicyFile),
        };
    }
}
