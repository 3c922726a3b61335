using PortalGuard.Storage;
using Serilog;
using Serilog.Events;

namespace PortalGuard.Host;

/// <summary>Builds the Serilog logger: a rolling file in the data folder's <c>logs</c>, never the console (stdout carries frames).</summary>
internal static class HostLogging
{
    public static Serilog.ILogger Create(string dataDirectory)
    {
        var logDirectory = DataPaths.LogDirectory(dataDirectory);
        try
        {
            // The data folder and its logs folder owner-only; the files in it owner-only through the umask (ProcessUmask).
            OwnerOnly.CreateFolder(logDirectory);
            return new LoggerConfiguration()
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .Enrich.WithProperty("Pid", Environment.ProcessId)
                .WriteTo.File(
                    Path.Combine(logDirectory, "portalguard-.log"),
                    outputTemplate: "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] ({Pid}) {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 14,
                    fileSizeLimitBytes: 10 * 1024 * 1024,
                    rollOnFileSizeLimit: true,
                    shared: true, // one host process per browser profile, all writing the same file
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                .CreateLogger();
        }
        catch (IOException)
        {
            // A log folder that cannot be written must not stop the guard from guarding.
            return new LoggerConfiguration().CreateLogger();
        }
        catch (UnauthorizedAccessException)
        {
            return new LoggerConfiguration().CreateLogger();
        }
    }
}
