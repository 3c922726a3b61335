using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PortalGuard.Assessment;
using PortalGuard.Messaging;
using PortalGuard.Network;
using PortalGuard.Policy;
using PortalGuard.Storage;
using Serilog;

namespace PortalGuard.Host.NativeMessaging;

/// <summary>Native-messaging mode: wires the host's services and runs one session until the browser closes stdin.</summary>
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
        var serilog = HostLogging.Create(dataDirectory);
        try
        {
            // A broken policy never stops the guard: each ignored field is logged, the rest applies.
            var policy = MachinePolicySources.ForCurrentSystem().Read();
            foreach (var problem in policy.Problems)
            {
                serilog.Warning("Machine policy {PolicyLocation}: {PolicyProblem}", policy.Location, problem);
            }

            var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Logging.ClearProviders();
            builder.Services.AddSerilog(serilog, dispose: false);
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));

            var time = TimeProvider.System;
            builder.Services.AddSingleton(time);
            builder.Services.AddSingleton(caller);
            builder.Services.AddSingleton(AllowedCallers.FromEnvironment(Environment.GetEnvironmentVariable));
            builder.Services.AddSingleton(_ => StoreHandle.Open(dataDirectory, time, policy));
            // Requests share a posture for a moment; the watcher always asks the system itself and clears that cache on a change.
            var livePosture = NetworkPostureProbe.ForCurrentSystem(time);
            var cachedPosture = new CachedPostureProbe(livePosture, time, CachedPostureProbe.DefaultTimeToLive);
            var probes = GuardProbes.ForCurrentSystem(time, GuardProbes.OfflineFromEnvironment(Environment.GetEnvironmentVariable), cachedPosture);
            builder.Services.AddSingleton(probes);
            builder.Services.AddSingleton<INetworkPostureProbe>(cachedPosture);
            builder.Services.AddSingleton(cachedPosture);
            builder.Services.AddSingleton<PortalChecker>();
            builder.Services.AddSingleton(sp => new RequestHandlers(
                sp.GetRequiredService<PortalChecker>(), sp.GetRequiredService<StoreHandle>(),
                sp.GetRequiredService<INetworkPostureProbe>(), time, HostInfo.Version));
            builder.Services.AddSingleton(sp => new MessageDispatcher(sp.GetRequiredService<RequestHandlers>(), sp.GetRequiredService<ILogger<MessageDispatcher>>()));
            builder.Services.AddSingleton(new FrameReader(stdin));
            builder.Services.AddSingleton(new FrameWriter(stdout));
            builder.Services.AddSingleton<NativeMessagingSession>();
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
            serilog.Fatal(ex, "The host could not start");
            return SessionExitCodes.InternalError;
        }
        finally
        {
            (serilog as IDisposable)?.Dispose();
        }
    }
}
