using PortalGuard.Install;

namespace PortalGuard.Policy;

/// <summary>What <c>doctor</c> says about the machine policy: whether one is in force, what it forces, and what of it was ignored.</summary>
internal static class PolicyDoctorChecks
{
    public const string Area = "policy";

    public static IEnumerable<DoctorCheck> For(MachinePolicy policy)
    {
        if (!policy.Found)
        {
            yield return DoctorCheck.Info(Area, $"No machine policy at {policy.Location}: the user's own settings are in force.");
            yield break;
        }

        var forced = new List<string>();
        if (policy.SharedDevice is { } sharedDevice)
        {
            forced.Add($"shared device {(sharedDevice ? "on" : "off")}");
        }

        if (policy.RequireVpn is { } requireVpn)
        {
            forced.Add($"VPN {(requireVpn ? "required" : "not required")}");
        }

        if (policy.IdleTimeoutMinutes is { } idle)
        {
            forced.Add(idle == 0 ? "no idle log-out" : $"idle log-out after {idle} min");
        }

        if (policy.AuditRetentionDays is { } days)
        {
            forced.Add($"audit kept {days} days");
        }

        if (policy.ExtraPortals.Count > 0)
        {
            forced.Add($"{policy.ExtraPortals.Count} extra portal(s)");
        }

        yield return DoctorCheck.Ok(Area, forced.Count == 0
            ? $"A machine policy is in force from {policy.Location}, but it sets nothing."
            : $"A machine policy is in force from {policy.Location}: {string.Join(", ", forced)}.");

        foreach (var problem in policy.Problems)
        {
            yield return DoctorCheck.Warning(Area, $"Ignored part of the machine policy: {problem}", $"Correct {policy.Location} (see docs/policy.md); the rest of the policy still applies.");
        }
    }
}
