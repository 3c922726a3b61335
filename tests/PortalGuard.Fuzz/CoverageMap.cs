using SharpFuzz.Common;

namespace PortalGuard.Fuzz;

/// <summary>AFL's coverage map as SharpFuzz's instrumentation writes it.</summary>
internal static class CoverageMap
{
    /// <summary>AFL's default map (MAP_SIZE, 64 KiB): SharpFuzz's instrumentation writes within it.</summary>
    private const int Bytes = 1 << 16;

    /// <summary>
    /// Forgets what has been traced so far in this run. A restarted child (after a crash or a hang) warms up inside its
    /// first input's run; without this, that input would show the warm-up's edges once and never again, which the
    /// fuzzer counts as instability.
    /// </summary>
    public static unsafe void Clear()
    {
        if (Trace.SharedMem != null)
        {
            new Span<byte>(Trace.SharedMem, Bytes).Clear();
        }

        Trace.PrevLocation = 0;
    }
}
