using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace PortalGuard.EndToEndTests;

/// <summary>A WebDriver BiDi session over a WebSocket: sends a command, waits for the answer with the same id.
/// Events are not subscribed to, so every message that arrives is an answer (or an event nobody asked for, dropped).</summary>
internal sealed class BiDiConnection : IAsyncDisposable
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _reading;
    private int _nextId;

    private BiDiConnection(ClientWebSocket socket)
    {
        _socket = socket;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Connects to <c>ws://HOST:PORT/session</c> and starts a session (<c>session.new</c>).</summary>
    public static async Task<BiDiConnection> StartSessionAsync(Uri endpoint)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(CommandLimit);
        await socket.ConnectAsync(new Uri(endpoint, "/session"), timeout.Token);
        var connection = new BiDiConnection(socket);
        await connection.SendAsync("session.new", new { capabilities = new { } });
        return connection;
    }

    /// <summary>Sends a command and returns its <c>result</c>; an error answer throws with the browser's message.</summary>
    public async Task<JsonElement> SendAsync(string method, object parameters, TimeSpan? limit = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var request = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters });
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, _closing.Token);
        }
        finally
        {
            _sending.Release();
        }

        try
        {
            var reply = await answer.Task.WaitAsync(limit ?? CommandLimit);
            if (reply.GetProperty("type").GetString() == "error")
            {
                throw new InvalidOperationException($"{method} failed: {reply.GetProperty("error").GetString()}: {reply.GetProperty("message").GetString()}");
            }

            return reply.GetProperty("result");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{method} had no answer in {(limit ?? CommandLimit).TotalSeconds} s", exception);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (WebSocketException)
        {
        }
        catch (OperationCanceledException)
        {
        }

        await _closing.CancelAsync();
        await _reading;
        _socket.Dispose();
        _sending.Dispose();
        _closing.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                text.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                using var message = JsonDocument.Parse(text.ToArray());
                text.SetLength(0);
                var root = message.RootElement;
                if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && _pending.TryGetValue(id.GetInt32(), out var answer))
                {
                    answer.TrySetResult(root.Clone());
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }

        // The browser went away: nobody is answered any more.
        foreach (var answer in _pending.Values)
        {
            answer.TrySetException(new InvalidOperationException("the WebDriver BiDi connection closed"));
        }
    }
}
