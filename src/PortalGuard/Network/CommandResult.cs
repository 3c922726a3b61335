namespace PortalGuard.Network;

/// <summary>What an operating-system tool printed and how it ended.</summary>
internal sealed record CommandResult(CommandStatus Status, int ExitCode, string Output, string Error)
{
    public bool Succeeded => Status is CommandStatus.Exited && ExitCode == 0;

    /// <summary>The first non-empty line of the error output (or of the output, for tools that report errors there), for a problem sentence.</summary>
    public string FirstErrorLine =>
        (Error + "\n" + Output).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
}
