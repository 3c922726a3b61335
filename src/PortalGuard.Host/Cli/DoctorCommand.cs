using System.Text.Json;
using PortalGuard.Install;
using PortalGuard.Policy;

namespace PortalGuard.Host.Cli;

/// <summary><c>portalguard doctor [--json]</c>: explains whether each browser can reach the host, and how to fix what is wrong.</summary>
internal static class DoctorCommand
{
    public const string Usage = "portalguard doctor [--json]";

    /// <returns>0 when nothing failed, 1 otherwise.</returns>
    public static async Task<int> RunAsync(CliContext context, IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parsed = CliArguments.Parse(args, ["--json"], []);
        parsed.ExpectPositionals(0, Usage);

        var doctor = new Doctor(
            InstallPlatform.Current(),
            CliOutput.SystemRegistry(),
            context.DataDirectory,
            HostInfo.Version,
            context.Time,
            Doctor.DefaultHandshakeTimeout,
            AdditionalChecks());
        var report = await doctor.RunAsync().ConfigureAwait(false);

        if (parsed.Has("--json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(report, DoctorJsonContext.Default.DoctorReport));
        }
        else
        {
            Write(context.Out, report);
        }

        return report.Healthy ? 0 : 1;
    }

    /// <summary>Checks beyond the install: is a machine (fleet) policy in force, and what of it was ignored.</summary>
    private static IReadOnlyList<Func<IEnumerable<DoctorCheck>>> AdditionalChecks() =>
        [() => PolicyDoctorChecks.For(MachinePolicySources.ForCurrentSystem().Read())];

    private static void Write(TextWriter o, DoctorReport report)
    {
        o.WriteLine($"PortalGuard {report.HostVersion} doctor");
        foreach (var check in report.Checks)
        {
            var mark = check.Status switch
            {
                DoctorStatus.Ok => "ok  ",
                DoctorStatus.Info => "    ",
                DoctorStatus.Warning => "WARN",
                _ => "FAIL",
            };
            o.WriteLine($"  {mark} {check.Area}: {check.Message}");
            if (check.Fix is not null)
            {
                o.WriteLine($"       fix: {check.Fix}");
            }
        }

        var failed = report.Checks.Count(c => c.Status == DoctorStatus.Failed);
        o.WriteLine(failed == 0 ? "All is well." : $"{failed} problem{(failed == 1 ? string.Empty : "s")} found; each FAIL line says how to fix it.");
    }
}
