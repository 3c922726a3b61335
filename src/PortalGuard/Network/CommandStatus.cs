namespace PortalGuard.Network;

/// <summary>How running an operating-system tool ended.</summary>
internal enum CommandStatus
{
    /// <summary>It ran and exited; <see cref="CommandResult.ExitCode"/> says how.</summary>
    Exited,

    /// <summary>The tool is not installed.</summary>
    NotFound,

    /// <summary>It did not finish in time and was ended.</summary>
    TimedOut,
}
