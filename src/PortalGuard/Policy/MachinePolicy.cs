using PortalGuard.Portals;

namespace PortalGuard.Policy;

/// <summary>
/// What the machine's administrator forces, read from the policy file or registry key. A null field is not forced. Fields
/// that could not be read are left out and described in <see cref="Problems"/>; the rest still apply.
/// </summary>
/// <param name="Location">Where the policy was looked for (file path or registry key), for status and doctor.</param>
/// <param name="Found">Whether a policy exists there at all.</param>
/// <param name="SharedDevice">Shared-device mode forced on (or off).</param>
/// <param name="RequireVpn">A portal visit without a VPN is blocked rather than warned about.</param>
/// <param name="IdleTimeoutMinutes">Idle log-out forced to this many minutes (0 = never).</param>
/// <param name="AuditRetentionDays">Audit events older than this many days are deleted when the host starts.</param>
/// <param name="ExtraPortals">Catalog entries the organisation adds (its own MyChart host, say).</param>
/// <param name="Problems">One sentence per field or entry that was ignored, naming it; empty when the policy is clean.</param>
internal sealed record MachinePolicy(
    string Location,
    bool Found,
    bool? SharedDevice,
    bool? RequireVpn,
    int? IdleTimeoutMinutes,
    int? AuditRetentionDays,
    IReadOnlyList<PortalEntry> ExtraPortals,
    IReadOnlyList<string> Problems)
{
    /// <summary>The policy of a machine that has none at <paramref name="location"/>.</summary>
    public static MachinePolicy None(string location) => new(location, Found: false, null, null, null, null, [], []);

    /// <summary>Whether the policy forces the setting named by a <see cref="Storage.SettingsStore"/> key.</summary>
    public bool Locks(string settingKey) => settingKey switch
    {
        Storage.SettingsStore.SharedDeviceKey => SharedDevice is not null,
        Storage.SettingsStore.RequireVpnKey => RequireVpn is not null,
        Storage.SettingsStore.IdleTimeoutMinutesKey => IdleTimeoutMinutes is not null,
        _ => false,
    };

    /// <summary>The sentence for a change this policy forbids; the same words on the command line and in the protocol.</summary>
    public string LockedMessage(string settingKey) =>
        $"The setting '{settingKey}' is set by this computer's machine policy ({Location}) and cannot be changed here; ask whoever manages this computer.";
}
