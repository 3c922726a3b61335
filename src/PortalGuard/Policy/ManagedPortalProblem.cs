namespace PortalGuard.Policy;

/// <summary>A managed host name that was not made a portal: its place in the policy's list, why as a stable code (what the
/// extension words for people), and why in a sentence (for logs and administrators).</summary>
/// <param name="Index">Zero-based position in the <c>hosts</c> sent (the value itself is only repeated when it is a valid host name).</param>
/// <param name="Code">One of <see cref="ManagedPortalProblemCodes"/>.</param>
/// <param name="ImitatedHost">For <see cref="ManagedPortalProblemCodes.Lookalike"/>: the catalog host it imitates.</param>
/// <param name="ImitatedName">For <see cref="ManagedPortalProblemCodes.Lookalike"/>: that portal's name.</param>
internal sealed record ManagedPortalProblem(int Index, string Code, string Problem, string? ImitatedHost = null, string? ImitatedName = null);
