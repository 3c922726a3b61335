namespace PortalGuard.Assessment;

/// <summary>How much one reason weighs. Info is shown but never raises the verdict above ok.</summary>
public enum ReasonSeverity
{
    Info,
    Warn,
    Block,
}
