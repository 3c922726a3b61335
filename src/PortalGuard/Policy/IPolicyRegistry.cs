namespace PortalGuard.Policy;

/// <summary>The values of the Windows policy key <c>HKLM\Software\Policies\PortalGuard</c>; a seam so the rules are tested on any system.</summary>
internal interface IPolicyRegistry
{
    /// <summary>The full name of the key, for messages.</summary>
    string KeyName { get; }

    /// <summary>Whether the key exists.</summary>
    bool KeyExists();

    /// <summary>A value of the key (<see cref="int"/> for REG_DWORD, <see cref="string"/> for REG_SZ), or null when absent.</summary>
    object? GetValue(string name);
}
