namespace PortalGuard.Assessment;

/// <summary>What to do before a password is typed, and why.</summary>
public sealed record Verdict(VerdictLevel Level, IReadOnlyList<VerdictReason> Reasons)
{
    public static Verdict From(IReadOnlyList<VerdictReason> reasons)
    {
        var level = VerdictLevel.Ok;
        foreach (var reason in reasons)
        {
            var reasonLevel = reason.Severity switch
            {
                ReasonSeverity.Block => VerdictLevel.Block,
                ReasonSeverity.Warn => VerdictLevel.Warn,
                _ => VerdictLevel.Ok,
            };
            if (reasonLevel > level)
            {
                level = reasonLevel;
            }
        }

        return new Verdict(level, reasons);
    }
}
