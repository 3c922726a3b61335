using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PortalGuard.Assessment;
using PortalGuard.Messaging;
using PortalGuard.Network;
using PortalGuard.Policy;
using PortalGuard.Storage;
using Serilog;
using Serilog.Extensions.Logging;

namespace PortalGuard.Host.NativeMessaging;

/// <summary>Native-messaging mode: answers the browser's first frame, then wires the host's services and serves the session until the browser closes stdin.</summary>
/// <remarks>
/// The browser waits on the first reply (<c>hello</c>) while the process starts, so the parts that reply needs (the store,
/// the dispatcher, the session) are built by hand and answer it before the Generic Host exists; the host is then given
/// those same instances and runs the rest of the session beside the posture watcher. The console streams read and write
/// synchronously, so the first frame is answered on the main thread, with no thread pool yet.
/// </remarks>
internal static class NativeHostRunner
{
    /// <summary>How often the network posture is re-checked when the operating system reports nothing.</summary>
    private static readonly TimeSpan PostureInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan PostureSettleDelay = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(BrowserCaller caller)
    {
        // stdout belongs to the frames: the console writer is swapped for a null one, so a stray write by mistake goes nowhere.
        var stdout = Console.OpenStandardOutput();
        var stdin = Console.OpenStandardInput();
        Console.SetOut(TextWriter.Null);

        // Before the first file is created: the logs (and every file rolled later) must be owner-only, whatever the umask.
        ProcessUmask.RestrictToOwner();
        var dataDirectory = DataPaths.DataDirectory();
        var logging = new Lazy<Serilog.ILogger>(() => HostLogging.Create(dataDirectory));
        try
        {
            // A broken policy never stops the guard: each ignored field is logged, the rest applies.
            var policy = MachinePolicySources.ForCurrentSystem().Read();
            foreach (var problem in policy.Problems)
            {
                logging.Value.Warning("Machine policy {PolicyLocation}: {PolicyProblem}", policy.Location, problem);
            }

            var time = TimeProvider.System;
            using var loggers = new DeferredLoggerFactory(() => new SerilogLoggerFactory(logging.Value));
            using var store = StoreHandle.OpenDeferringUpkeep(dataDirectory, time, policy);

            // Requests share a posture for a moment; the watcher always asks the system itself and clears that cache on a change.
            var livePosture = NetworkPostureProbe.ForCurrentSystem(time);
            var cachedPosture = new CachedPostureProbe(livePosture, time, CachedPostureProbe.DefaultTimeToLive);
            var probes = GuardProbes.ForCurrentSystem(time, GuardProbes.OfflineFromEnvironment(Environment.GetEnvironmentVariable), cachedPosture);
            var handlers = new RequestHandlers(new PortalChecker(store, probes, time), store, cachedPosture, time, HostInfo.Version);
            using var writer = new FrameWriter(stdout);
            var session = new NativeMessagingSession(
                new FrameReader(stdin), writer, new MessageDispatcher(handlers, loggers.CreateLogger<MessageDispatcher>()), loggers.CreateLogger<NativeMessagingSession>());
            var opening = new SessionOpening(session.OpenAsync(caller, AllowedCallers.FromEnvironment(Environment.GetEnvironmentVariable), CancellationToken.None));

            // What the first reply did not need: the shipped catalog merged in, the audit retention applied.
            if (store.Upkeep() is { } upkeepFailure)
            {
                logging.Value.Warning(upkeepFailure, "Database upkeep failed; the shipped catalog stands in for the stored one");
            }

            var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Logging.ClearProviders();
            builder.Services.AddSerilog(logging.Value, dispose: false);
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
            builder.Services.AddSingleton(time);
            builder.Services.AddSingleton(store);
            builder.Services.AddSingleton(cachedPosture);
            builder.Services.AddSingleton(session);
            builder.Services.AddSingleton(opening);
            builder.Services.AddSingleton(new PostureWatcher(livePosture, time, PostureInterval, PostureSettleDelay));
            var outcome = new SessionOutcome();
            builder.Services.AddSingleton(outcome);
            builder.Services.AddHostedService<NativeMessagingService>();

            using var host = builder.Build();
            await host.RunAsync().ConfigureAwait(false);
            return outcome.ExitCode;
        }
        catch (Exception ex)
        {
            logging.Value.Fatal(ex, "The host could not start");
            return SessionExitCodes.InternalError;
        }
        finally
        {
            if (logging.IsValueCreated)
            {
                (logging.Value as IDisposable)?.Dispose();
            }
        }
    }
}
