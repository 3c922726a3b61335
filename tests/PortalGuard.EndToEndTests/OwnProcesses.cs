using System.Diagnostics;
using System.Text;

namespace PortalGuard.EndToEndTests;

/// <summary>Finds the processes a test started — Chromium, its helpers and the host it launched — by the test's own
/// temporary folder, which appears in their command line or environment and nowhere else, and ends them by PID.</summary>
internal static class OwnProcesses
{
    public static IReadOnlyList<int> Find(string marker)
    {
        var found = new List<int>();
        if (!OperatingSystem.IsLinux())
        {
            return found;
        }

        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            if (Contains(Path.Combine(entry, "cmdline"), marker) || Contains(Path.Combine(entry, "environ"), marker))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>Waits for the marked processes to exit by themselves, then kills whatever is left, by PID.</summary>
    public static async Task EndAsync(string marker, TimeSpan grace)
    {
        var deadline = DateTime.UtcNow + grace;
        while (Find(marker).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        foreach (var pid in Find(marker))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (InvalidOperationException)
            {
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static bool Contains(string procFile, string marker)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(procFile)).Contains(marker, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
