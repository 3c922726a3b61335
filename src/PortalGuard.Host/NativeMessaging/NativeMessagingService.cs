using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PortalGuard.Messaging;
using PortalGuard.Messaging.Replies;
using PortalGuard.Network;

namespace PortalGuard.Host.NativeMessaging;

/// <summary>Runs the rest of the one native-messaging session of this process, with the posture watcher beside it, then stops the host.</summary>
internal sealed partial class NativeMessagingService(
    NativeMessagingSession session,
    SessionOpening opening,
    PostureWatcher watcher,
    CachedPostureProbe cachedPosture,
    SessionOutcome outcome,
    IHostApplicationLifetime lifetime,
    ILogger<NativeMessagingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var watcherTask = Task.CompletedTask;
        try
        {
            // The first frame was answered before the host was built (NativeHostRunner); the watcher's baseline waits for it.
            if (await opening.FirstReply.ConfigureAwait(false) is { } ended)
            {
                outcome.ExitCode = ended;
                return;
            }

            // The baseline is what the extension can have seen: the posture the first reply carried, if it carried one
            // (a change since then must be pushed); otherwise the watcher takes it now.
            var baseline = cachedPosture.LastServed;
            watcherTask = Task.Run(() => watcher.RunAsync(baseline, PushPostureAsync, watching.Token), CancellationToken.None);
            outcome.ExitCode = await session.ServeAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            outcome.ExitCode = SessionExitCodes.Closed;
        }
        catch (IOException ex)
        {
            // The browser went away while we were writing: nothing more can be said to it.
            LogPipeBroken(logger, ex);
            outcome.ExitCode = SessionExitCodes.Closed;
        }
        catch (Exception ex)
        {
            LogSessionFailed(logger, ex);
            outcome.ExitCode = SessionExitCodes.InternalError;
        }
        finally
        {
            await watching.CancelAsync().ConfigureAwait(false);
            await watcherTask.ConfigureAwait(false);
            lifetime.StopApplication();
        }
    }

    private async ValueTask PushPostureAsync(NetworkPosture posture)
    {
        LogPostureChanged(logger, posture.Vpn);
        cachedPosture.Clear();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new PostureChangedEvent(posture), ProtocolJsonContext.Default.PostureChangedEvent);
        try
        {
            await session.PushAsync(payload, CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The session is closing; its own loop reports that.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Network posture changed: VPN {Vpn}; told the extension")]
    private static partial void LogPostureChanged(ILogger logger, VpnState vpn);

    [LoggerMessage(Level = LogLevel.Information, Message = "The browser closed the pipe")]
    private static partial void LogPipeBroken(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The native-messaging session failed")]
    private static partial void LogSessionFailed(ILogger logger, Exception exception);
}
