using Microsoft.Extensions.Logging;

namespace PortalGuard.Messaging;

/// <summary>One browser connection: reads frames until the input ends, answers each, and ends on input it cannot resynchronise from.</summary>
internal sealed partial class NativeMessagingSession(
    FrameReader reader,
    FrameWriter writer,
    MessageDispatcher dispatcher,
    ILogger<NativeMessagingSession> logger)
{
    /// <summary>
    /// Checks the caller and answers the first frame, all that the browser waits for while the host starts, so the host can
    /// do this before the rest of it is built. The first frame is read on the calling thread (the browser sends it as soon as
    /// it connects). Returns the exit code when the session has already ended, null when <see cref="ServeAsync"/> goes on.
    /// </summary>
    public async Task<int?> OpenAsync(BrowserCaller caller, AllowedCallers allowed, CancellationToken cancellationToken)
    {
        if (allowed.RefusalReason(caller) is { } refusal)
        {
            LogCallerRefused(logger, caller.Family, caller.Identity.Length <= 200 ? caller.Identity : "(too long)", refusal);
            await WriteAsync(MessageDispatcher.Error(null, ProtocolErrorCodes.OriginNotAllowed, "This extension is not allowed to use PortalGuard."), cancellationToken).ConfigureAwait(false);
            return SessionExitCodes.OriginNotAllowed;
        }

        // Logged after the first reply when there is one, so the browser does not wait on the log file; before the end otherwise.
        var first = reader.Read();
        var answered = first.Status == FrameReadStatus.Frame;
        if (!answered)
        {
            LogSessionStarted(logger, caller.Family, caller.Identity);
        }

        var exitCode = await AnswerAsync(first, cancellationToken).ConfigureAwait(false);
        if (answered)
        {
            LogSessionStarted(logger, caller.Family, caller.Identity);
        }

        return exitCode;
    }

    /// <summary>Answers frames after <see cref="OpenAsync"/> until the input ends; returns the exit code.</summary>
    public async Task<int> ServeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (await AnswerAsync(frame, cancellationToken).ConfigureAwait(false) is { } exitCode)
            {
                return exitCode;
            }
        }
    }

    /// <summary>Answers one frame read; returns the exit code when the session ends there.</summary>
    private async Task<int?> AnswerAsync(FrameReadResult result, CancellationToken cancellationToken)
    {
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
                return null;
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
