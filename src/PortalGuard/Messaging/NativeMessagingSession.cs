using Microsoft.Extensions.Logging;

namespace PortalGuard.Messaging;

/// <summary>One browser connection: reads frames until the input ends, answers each, and ends on input it cannot resynchronise from.</summary>
internal sealed partial class NativeMessagingSession(
    FrameReader reader,
    FrameWriter writer,
    MessageDispatcher dispatcher,
    ILogger<NativeMessagingSession> logger)
{
    /// <summary>Serves the session and returns the process exit code (see <see cref="SessionExitCodes"/>).</summary>
    public async Task<int> RunAsync(BrowserCaller caller, AllowedCallers allowed, CancellationToken cancellationToken)
    {
        if (allowed.RefusalReason(caller) is { } refusal)
        {
            LogCallerRefused(logger, caller.Family, caller.Identity.Length <= 200 ? caller.Identity : "(too long)", refusal);
            await WriteAsync(MessageDispatcher.Error(null, ProtocolErrorCodes.OriginNotAllowed, "This extension is not allowed to use PortalGuard."), cancellationToken).ConfigureAwait(false);
            return SessionExitCodes.OriginNotAllowed;
        }

        LogSessionStarted(logger, caller.Family, caller.Identity);
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            switch (result.Status)
            {
                case FrameReadStatus.EndOfInput:
                    LogSessionClosed(logger);
                    return SessionExitCodes.Closed;
                case FrameReadStatus.Truncated:
                    LogTruncated(logger, result.DeclaredLength);
                    return SessionExitCodes.Truncated;
                case FrameReadStatus.TooLarge:
                    LogTooLarge(logger, result.DeclaredLength, NativeMessagingLimits.MaxIncomingFrameBytes);
                    await WriteAsync(MessageDispatcher.Error(null, ProtocolErrorCodes.FrameTooLarge,
                        $"A message of {result.DeclaredLength} bytes is over the limit of {NativeMessagingLimits.MaxIncomingFrameBytes}."), cancellationToken).ConfigureAwait(false);
                    return SessionExitCodes.FrameTooLarge;
                default:
                    var reply = await dispatcher.DispatchAsync(result.Payload, cancellationToken).ConfigureAwait(false);
                    await WriteAsync(reply, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>Writes a frame the host pushes on its own (<c>postureChanged</c>).</summary>
    public ValueTask PushAsync(byte[] payload, CancellationToken cancellationToken) => WriteAsync(payload, cancellationToken);

    private ValueTask WriteAsync(byte[] payload, CancellationToken cancellationToken) => writer.WriteAsync(payload, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session started for {Family} caller {Caller}")]
    private static partial void LogSessionStarted(ILogger logger, BrowserFamily family, string caller);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Family} caller {Caller}: {Refusal}")]
    private static partial void LogCallerRefused(ILogger logger, BrowserFamily family, string caller, string refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session closed by the browser")]
    private static partial void LogSessionClosed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Input ended inside a frame (declared length {Length}); nothing partial was answered")]
    private static partial void LogTruncated(ILogger logger, long length);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused a frame of {Length} bytes (limit {Limit}); the stream cannot be resynchronised")]
    private static partial void LogTooLarge(ILogger logger, long length, int limit);
}
