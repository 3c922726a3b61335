namespace PortalGuard.Network;

/// <summary>Runs an operating-system tool; a seam so parsers and probes can be tested with recorded output.</summary>
internal interface ICommandRunner
{
    /// <summary>Runs <paramref name="file"/> to its end or to <paramref name="timeout"/>, whichever comes first; never throws for a missing tool.</summary>
    Task<CommandResult> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken);
}
