using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Unicode;
using PortalGuard.Messaging;

namespace PortalGuard.Fuzz;

/// <summary>
/// What a session must have done with an input, worked out from the input's framing alone, and checked against what it did:
/// the exit code of the bad-input table (docs/protocol.md), one reply per whole frame, stdout a sequence of whole frames
/// each within the browsers' limit, every reply a JSON object with a type, an echoed id equal to the request's, and no
/// error that means the host itself failed.
/// </summary>
internal static class SessionInvariants
{
    // Codes a request can earn. internal-error means a handler threw (the dispatcher hides that behind a reply, so it is
    // checked here); storage-unavailable cannot happen with the fuzz target's own temporary database.
    private static readonly HashSet<string> AllowedErrorCodes = new(StringComparer.Ordinal)
    {
        ProtocolErrorCodes.BadMessage,
        ProtocolErrorCodes.BadJson,
        ProtocolErrorCodes.UnknownType,
        ProtocolErrorCodes.InvalidRequest,
        ProtocolErrorCodes.ReplyTooLarge,
    };

    public static void Check(byte[] input, int exitCode, byte[] output)
    {
        var (requests, expectedExitCode) = Expect(input);
        if (exitCode != expectedExitCode)
        {
            throw Violation($"the session exited with {exitCode}, but its input calls for {expectedExitCode}");
        }

        var replies = SplitFrames(output);
        var expectedReplies = requests.Count + (expectedExitCode == SessionExitCodes.FrameTooLarge ? 1 : 0);
        if (replies.Count != expectedReplies)
        {
            throw Violation($"{replies.Count} replies to {requests.Count} whole frames (exit code {exitCode})");
        }

        for (var i = 0; i < replies.Count; i++)
        {
            var request = i < requests.Count ? requests[i] : (ReadOnlyMemory<byte>?)null;
            CheckReply(replies[i], request, i);
        }
    }

    /// <summary>The whole frames in the input, and the exit code its ending calls for.</summary>
    private static (List<ReadOnlyMemory<byte>> Requests, int ExitCode) Expect(byte[] input)
    {
        var requests = new List<ReadOnlyMemory<byte>>();
        var position = 0;
        while (true)
        {
            var left = input.Length - position;
            if (left == 0)
            {
                return (requests, SessionExitCodes.Closed);
            }

            if (left < NativeMessagingLimits.HeaderBytes)
            {
                return (requests, SessionExitCodes.Truncated);
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(input.AsSpan(position));
            if (length > NativeMessagingLimits.MaxIncomingFrameBytes)
            {
                return (requests, SessionExitCodes.FrameTooLarge);
            }

            if (left - NativeMessagingLimits.HeaderBytes < length)
            {
                return (requests, SessionExitCodes.Truncated);
            }

            requests.Add(input.AsMemory(position + NativeMessagingLimits.HeaderBytes, (int)length));
            position += NativeMessagingLimits.HeaderBytes + (int)length;
        }
    }

    private static List<byte[]> SplitFrames(byte[] output)
    {
        var frames = new List<byte[]>();
        var position = 0;
        while (position < output.Length)
        {
            if (output.Length - position < NativeMessagingLimits.HeaderBytes)
            {
                throw Violation("stdout ends inside a length prefix");
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(output.AsSpan(position));
            if (length > NativeMessagingLimits.MaxOutgoingFrameBytes)
            {
                throw Violation($"a reply of {length} bytes is over the browsers' limit");
            }

            if (output.Length - position - NativeMessagingLimits.HeaderBytes < length)
            {
                throw Violation("stdout ends inside a frame");
            }

            frames.Add(output.AsSpan(position + NativeMessagingLimits.HeaderBytes, (int)length).ToArray());
            position += NativeMessagingLimits.HeaderBytes + (int)length;
        }

        return frames;
    }

    /// <param name="request">The frame this reply answers; null for the frame-too-large reply, which answers a header.</param>
    private static void CheckReply(byte[] reply, ReadOnlyMemory<byte>? request, int index)
    {
        if (!Utf8.IsValid(reply))
        {
            throw Violation($"reply {index} is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(reply);
        }
        catch (JsonException ex)
        {
            throw Violation($"reply {index} is not JSON", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                throw Violation($"reply {index} is not an object with a string 'type'");
            }

            if (type.ValueEquals("error"))
            {
                var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "(none)";
                var allowed = request is null ? code == ProtocolErrorCodes.FrameTooLarge : AllowedErrorCodes.Contains(code);
                if (!allowed)
                {
                    throw Violation($"reply {index} is the error '{code}'");
                }
            }

            var hasId = root.TryGetProperty("id", out var id) && id.ValueKind != JsonValueKind.Null;
            if (hasId || !type.ValueEquals("error"))
            {
                // Only a request that parsed earns an echoed id or a reply of its own type.
                using var parsed = ParseRequest(request, index);
                if (!type.ValueEquals("error")
                    && !(parsed.RootElement.TryGetProperty("type", out var sentType) && sentType.ValueKind == JsonValueKind.String
                        && string.Equals(sentType.GetString(), type.GetString(), StringComparison.Ordinal)))
                {
                    throw Violation($"reply {index} has a type its request did not ask for");
                }

                if (hasId)
                {
                    CheckEchoedId(id, parsed.RootElement, index);
                }
            }
        }
    }

    private static JsonDocument ParseRequest(ReadOnlyMemory<byte>? request, int index)
    {
        if (request is not { } body)
        {
            throw Violation($"reply {index} answers no request, yet is more than a bare error");
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw Violation($"reply {index} is more than a bare error, but its request is not JSON", ex);
        }

        if (parsed.RootElement.ValueKind != JsonValueKind.Object)
        {
            parsed.Dispose();
            throw Violation($"reply {index} is more than a bare error, but its request is not an object");
        }

        return parsed;
    }

    private static void CheckEchoedId(JsonElement id, JsonElement request, int index)
    {
        if (!request.TryGetProperty("id", out var sent))
        {
            throw Violation($"reply {index} carries an id the request did not send");
        }

        var same = (id.ValueKind, sent.ValueKind) switch
        {
            (JsonValueKind.String, JsonValueKind.String) => string.Equals(id.GetString(), sent.GetString(), StringComparison.Ordinal),
            (JsonValueKind.Number, JsonValueKind.Number) => string.Equals(id.GetRawText(), sent.GetRawText(), StringComparison.Ordinal),
            _ => false,
        };
        if (!same)
        {
            throw Violation($"reply {index} echoes an id that differs from the request's");
        }
    }

    private static InvariantViolationException Violation(string message, Exception? inner = null) =>
        inner is null ? new InvariantViolationException(message) : new InvariantViolationException(message, inner);
}
