namespace PortalGuard.Assessment;

/// <summary>One reason behind a verdict: a stable code for programs and a sentence for people.</summary>
/// <param name="Code">Stable, kebab-case (<c>vpn-off</c>); see <see cref="ReasonCodes"/>.</param>
/// <param name="Message">Plain words a worried patient understands.</param>
public sealed record VerdictReason(string Code, ReasonSeverity Severity, string Message);
