using System.Runtime.InteropServices;
using SharpFuzz.Common;

namespace PortalGuard.Fuzz;

/// <summary>AFL's coverage map as SharpFuzz's instrumentation writes it.</summary>
internal static class CoverageMap
{
    /// <summary>AFL's default map (MAP_SIZE, 64 KiB): SharpFuzz's instrumentation writes within it.</summary>
    private const int Bytes = 1 << 16;

    /// <summary>
    /// Points the instrumentation at a scratch map until SharpFuzz's fork server maps AFL's own. Instrumented code
    /// dereferences the map pointer, which is null before then: without this, nothing instrumented could run before
    /// the first input (the warm-up), nor could an instrumented build replay files.
    /// </summary>
    public static unsafe void UseScratch()
    {
        if (Trace.SharedMem == null)
        {
            Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(Bytes);
        }
    }
}
