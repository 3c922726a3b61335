namespace PortalGuard.Policy;

/// <summary>
/// The machine policy from the Windows registry: REG_DWORD values <c>SharedDevice</c>, <c>RequireVpn</c> (0/1),
/// <c>IdleTimeoutMinutes</c>, <c>AuditRetentionDays</c>, and REG_SZ <c>ExtraPortals</c> holding a JSON array of catalog entries.
/// </summary>
internal sealed class RegistryPolicySource(IPolicyRegistry registry) : IMachinePolicySource
{
    public MachinePolicy Read()
    {
        try
        {
            if (!registry.KeyExists())
            {
                return MachinePolicy.None(registry.KeyName);
            }

            var fields = new MachinePolicyParser.Fields(registry.KeyName);
            fields.Boolean("SharedDevice", ToBoolean(registry.GetValue("SharedDevice"), "SharedDevice", fields));
            fields.Boolean("RequireVpn", ToBoolean(registry.GetValue("RequireVpn"), "RequireVpn", fields));
            fields.Minutes("IdleTimeoutMinutes", ToInteger(registry.GetValue("IdleTimeoutMinutes"), "IdleTimeoutMinutes", fields));
            fields.Days("AuditRetentionDays", ToInteger(registry.GetValue("AuditRetentionDays"), "AuditRetentionDays", fields));
            switch (registry.GetValue("ExtraPortals"))
            {
                case null:
                    break;
                case string json:
                    fields.PortalsFromJson("ExtraPortals", json);
                    break;
                default:
                    fields.Problem("ExtraPortals must be a REG_SZ value holding a JSON array of catalog entries; it was ignored.");
                    break;
            }

            return fields.Build();
        }
        catch (Exception ex) when (ex is System.Security.SecurityException or UnauthorizedAccessException or IOException)
        {
            return MachinePolicy.None(registry.KeyName) with { Found = true, Problems = [$"The policy key cannot be read ({ex.Message}); it was ignored."] };
        }
    }

    private static bool? ToBoolean(object? value, string name, MachinePolicyParser.Fields fields)
    {
        switch (value)
        {
            case null:
                return null;
            case int i and (0 or 1):
                return i == 1;
            default:
                fields.Problem($"{name} must be a REG_DWORD of 0 or 1; it was ignored.");
                return null;
        }
    }

    private static long? ToInteger(object? value, string name, MachinePolicyParser.Fields fields)
    {
        switch (value)
        {
            case null:
                return null;
            case int i:
                return i;
            default:
                fields.Problem($"{name} must be a REG_DWORD; it was ignored.");
                return null;
        }
    }
}
