namespace PortalGuard.Fuzz;

/// <summary>The session broke one of its promises on a fuzz input. Thrown, never caught: the fuzzer reports it as a crash.</summary>
internal sealed class InvariantViolationException : Exception
{
    public InvariantViolationException()
    {
    }

    public InvariantViolationException(string message)
        : base(message)
    {
    }

    public InvariantViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
