namespace PortalGuard.Assessment;

/// <summary>How a page should be treated before a password is typed. Ordered: a higher value is more severe.</summary>
public enum VerdictLevel
{
    Ok,
    Warn,
    Block,
}
