using System.Runtime.InteropServices;

namespace PortalGuard.Host;

/// <summary>
/// The process's file-creation mask on Linux and macOS. Serilog creates each log file (and each one it rolls to) with
/// 0666 less the umask, so under the usual umask 022 every user of the machine could read which portals a person opened;
/// with 077 everything this process creates is owner-only. Set in native-messaging mode only: <c>install</c> writes host
/// manifests that a browser running as another user may need to read.
/// </summary>
internal static partial class ProcessUmask
{
    private const uint OwnerOnly = 0b000_111_111; // 077

    public static void RestrictToOwner()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            // mode_t is 32 bits on Linux and 16 on macOS; the mask fits either, and the previous mask returned is not needed.
            _ = SetUmask(OwnerOnly);
        }
    }

    // .NET maps "libc" to the C library's real name (libc.so.6, libSystem) under the JIT and NativeAOT alike.
    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint SetUmask(uint mask);
}
