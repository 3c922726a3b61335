using PortalGuard.Fuzz;

namespace PortalGuard.Tests.Messaging;

/// <summary>One fuzz target (one temporary database) shared by the replay tests, as one fuzzing process shares it.</summary>
public sealed class FuzzTargetFixture : IDisposable
{
    internal SessionFuzzTarget Target { get; } = new();

    public void Dispose() => Target.Dispose();
}
