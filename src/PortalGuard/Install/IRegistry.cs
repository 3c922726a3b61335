namespace PortalGuard.Install;

/// <summary>The Windows registry, reduced to what host registration needs: a key's default value. An interface so the
/// registration rules are tested anywhere (NSubstitute) and only <see cref="WindowsRegistry"/> touches the real one.</summary>
internal interface IRegistry
{
    /// <summary>The key's default value, or null when the key or the value does not exist.</summary>
    string? GetDefaultValue(RegistryLocation location);

    /// <summary>Creates the key if needed and sets its default value.</summary>
    void SetDefaultValue(RegistryLocation location, string value);

    /// <summary>Deletes the key (and nothing above it). Returns false when it did not exist.</summary>
    bool DeleteKey(RegistryLocation location);
}
