using System.Text.Unicode;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using PortalGuard.Messaging.Replies;
using PortalGuard.Storage;

namespace PortalGuard.Messaging;

/// <summary>Turns one request frame into one reply frame: validates the envelope, routes by <c>type</c>, and maps every failure to an error reply.</summary>
internal sealed partial class MessageDispatcher(RequestHandlers handlers, ILogger<MessageDispatcher> logger, int maxReplyBytes = NativeMessagingLimits.MaxOutgoingFrameBytes)
{
    // A key given twice makes a message say two things (which "type"? which "origin"?); it is refused, not resolved by guessing.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    private const string InvalidNameMessage = "A field name in the message is not valid Unicode text.";

    public async ValueTask<byte[]> DispatchAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        if (frame.IsEmpty)
        {
            return Error(null, ProtocolErrorCodes.BadMessage, "The message is empty.");
        }

        // The JSON reader checks structure but leaves string contents unchecked until they are read: check UTF-8 whole, first.
        if (!Utf8.IsValid(frame.Span))
        {
            return Error(null, ProtocolErrorCodes.BadJson, "The message is not valid UTF-8 JSON.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame, DocumentOptions);
        }
        catch (JsonException)
        {
            // The parser's message can quote the input; it stays out of the log and the reply.
            return Error(null, ProtocolErrorCodes.BadJson, "The message is not valid UTF-8 JSON.");
        }
        catch (InvalidOperationException)
        {
            // The duplicate-key check unescapes every field name at every depth, and throws on a lone surrogate escape in
            // one ("\ud800"): so no later field lookup can meet a name it cannot unescape.
            return Error(null, ProtocolErrorCodes.InvalidRequest, InvalidNameMessage);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Error(null, ProtocolErrorCodes.BadMessage, "The message must be a JSON object.");
            }

            // An id is echoed in the reply, so one that cannot be written back is treated as absent.
            JsonElement? id = root.TryGetProperty("id", out var idElement) && IsEchoable(idElement) ? idElement.Clone() : null;
            try
            {
                if (id is not { } echoed)
                {
                    throw new InvalidRequestException("id", $"The field 'id' is required and must be a number or a string of at most {NativeMessagingLimits.MaxIdLength} characters.");
                }

                var type = RequestFields.RequiredString(root, "type");
                return await RouteAsync(type, echoed, root, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidRequestException ex)
            {
                return Error(id, ProtocolErrorCodes.InvalidRequest, ex.Message, field: ex.Field);
            }
            catch (ArgumentException ex)
            {
                // A value the store refused (an unknown setting, an origin that is not one): the caller's mistake, not logged.
                return Error(id, ProtocolErrorCodes.InvalidRequest, ex.Message, field: ex.ParamName);
            }
            catch (StorageUnavailableException ex)
            {
                LogStorageUnavailable(logger, ex.DatabasePath);
                return Error(id, ProtocolErrorCodes.StorageUnavailable, ex.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                LogHandlerFailed(logger, ex.GetType().Name, ex);
                return Error(id, ProtocolErrorCodes.InternalError, "The guard had an internal error. It has been logged.");
            }
        }
    }

    /// <summary>Serialises a reply, or replaces it with <c>reply-too-large</c> when it would break the browsers' limit.</summary>
    public byte[] Serialize<T>(T reply, JsonTypeInfo<T> typeInfo, JsonElement? id)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(reply, typeInfo);
        if (bytes.Length <= maxReplyBytes)
        {
            return bytes;
        }

        LogReplyTooLarge(logger, bytes.Length);
        return Error(id, ProtocolErrorCodes.ReplyTooLarge, $"The reply would have been {bytes.Length} bytes, over the browser's limit of {maxReplyBytes}.");
    }

    /// <summary>Serialises an error reply; one that would break the browsers' limit loses everything but its code.</summary>
    public static byte[] Error(JsonElement? id, string code, string message, string? field = null, string? messageType = null)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new ErrorReply(id, code, message, field, messageType), ProtocolJsonContext.Default.ErrorReply);

        // Ids and messages are short by construction; an error is often a session's last word, so it must fit regardless.
        return bytes.Length <= NativeMessagingLimits.MaxOutgoingFrameBytes
            ? bytes
            : JsonSerializer.SerializeToUtf8Bytes(new ErrorReply(null, code, "The error reply was too large to send."), ProtocolJsonContext.Default.ErrorReply);
    }

    /// <summary>A string or a number, short enough that a reply carrying it stays small, and (a string) valid Unicode text.</summary>
    private static bool IsEchoable(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.Number => id.GetRawText().Length <= NativeMessagingLimits.MaxIdLength,
        JsonValueKind.String => RequestFields.IsValidText(id) && id.GetString()!.Length <= NativeMessagingLimits.MaxIdLength,
        _ => false,
    };

    private async ValueTask<byte[]> RouteAsync(string type, JsonElement id, JsonElement request, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case MessageTypes.Hello:
                return Serialize(handlers.Hello(id), ProtocolJsonContext.Default.HelloReply, id);
            case MessageTypes.AssessPage:
                return Serialize(await handlers.AssessPageAsync(id, request, cancellationToken).ConfigureAwait(false), ProtocolJsonContext.Default.AssessPageReply, id);
            case MessageTypes.GetPosture:
                return Serialize(await handlers.GetPostureAsync(id, cancellationToken).ConfigureAwait(false), ProtocolJsonContext.Default.PostureReply, id);
            case MessageTypes.CheckPortal:
                return Serialize(handlers.CheckPortal(id, request), ProtocolJsonContext.Default.CheckPortalReply, id);
            case MessageTypes.GetSettings:
                return Serialize(handlers.GetSettings(id), ProtocolJsonContext.Default.SettingsReply, id);
            case MessageTypes.SetSettings:
                return Serialize(handlers.SetSettings(id, request), ProtocolJsonContext.Default.SettingsReply, id);
            case MessageTypes.ReportEvent:
                return Serialize(handlers.ReportEvent(id, request), ProtocolJsonContext.Default.ReportEventReply, id);
            case MessageTypes.SetManagedPortals:
                return Serialize(handlers.SetManagedPortals(id, request), ProtocolJsonContext.Default.ManagedPortalsReply, id);
            default:
                // The type is echoed only when it is short and plain: it comes from the caller.
                var shown = type.Length <= 64 && type.All(char.IsAsciiLetterOrDigit) ? type : "(not shown)";
                return Error(id, ProtocolErrorCodes.UnknownType, $"Unknown message type '{shown}'.", messageType: shown);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A request failed inside the host ({ExceptionType})")]
    private static partial void LogHandlerFailed(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable: {DatabasePath}")]
    private static partial void LogStorageUnavailable(ILogger logger, string? databasePath);

    [LoggerMessage(Level = LogLevel.Error, Message = "A reply of {Length} bytes exceeded the limit and was replaced by an error")]
    private static partial void LogReplyTooLarge(ILogger logger, int length);
}
