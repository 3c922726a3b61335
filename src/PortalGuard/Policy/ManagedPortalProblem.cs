namespace PortalGuard.Policy;

/// <summary>A managed host name that was not made a portal: its place in the policy's list and why, in a sentence.</summary>
/// <param name="Index">Zero-based position in the <c>hosts</c> sent (the value itself is only repeated when it is a valid host name).</param>
internal sealed record ManagedPortalProblem(int Index, string Problem);
