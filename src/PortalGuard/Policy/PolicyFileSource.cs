namespace PortalGuard.Policy;

/// <summary>The machine policy as a JSON file (Linux, macOS, or any system when <see cref="MachinePolicySources.PolicyFileVariable"/> names one).</summary>
internal sealed class PolicyFileSource(string path) : IMachinePolicySource
{
    /// <summary>A policy file is a few hundred bytes; anything far larger is a mistake and is not read.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    public string Path { get; } = path;

    public MachinePolicy Read()
    {
        string text;
        try
        {
            if (Directory.Exists(Path))
            {
                return MachinePolicy.None(Path) with { Found = true, Problems = ["The policy path is a folder, not a file; it was ignored."] };
            }

            var info = new FileInfo(Path);
            if (!info.Exists)
            {
                return MachinePolicy.None(Path);
            }

            if (info.Length > MaxFileBytes)
            {
                return MachinePolicy.None(Path) with { Found = true, Problems = [$"The policy file is larger than {MaxFileBytes} bytes; it was ignored."] };
            }

            // A policy any user can edit could mark a lookalike as a known portal or switch the guard's protections off.
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(Path) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != UnixFileMode.None)
            {
                return MachinePolicy.None(Path) with
                {
                    Found = true,
                    Problems = ["The policy file can be changed by users other than its owner; it was ignored. Make it writable by its owner (root) only: chmod 644."],
                };
            }

            text = File.ReadAllText(Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return MachinePolicy.None(Path) with { Found = true, Problems = [$"The policy file cannot be read ({ex.Message}); it was ignored."] };
        }

        return MachinePolicyParser.FromJson(text, Path);
    }
}
