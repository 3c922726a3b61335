using System.Globalization;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace PortalGuard.EndToEndTests;

/// <summary>Evaluates scripts in the extension's service worker through the DevTools protocol — the way a developer
/// inspects it from chrome://inspect. (Playwright for .NET does not expose service workers.) The browser is started
/// with <c>--remote-debugging-port=0</c> and writes the port it chose to <c>DevToolsActivePort</c> in its profile.</summary>
internal sealed class ServiceWorkerDevTools : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private int _nextId;

    private ServiceWorkerDevTools(ClientWebSocket socket)
    {
        _socket = socket;
    }

    public static async Task<ServiceWorkerDevTools> ConnectAsync(string profileFolder, string workerUrlSuffix, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var lastSeen = "nothing";
        while (DateTime.UtcNow < deadline)
        {
            var port = await ReadPortAsync(profileFolder);
            if (port is not null)
            {
                var targets = await http.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{port}/json/list"));
                lastSeen = targets.ToString();
                foreach (var target in targets.EnumerateArray())
                {
                    if (target.GetProperty("type").GetString() == "service_worker"
                        && target.GetProperty("url").GetString()!.EndsWith(workerUrlSuffix, StringComparison.Ordinal))
                    {
                        var socket = new ClientWebSocket();
                        await socket.ConnectAsync(new Uri(target.GetProperty("webSocketDebuggerUrl").GetString()!), CancellationToken.None);
                        return new ServiceWorkerDevTools(socket);
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No service worker ending in {workerUrlSuffix} appeared; DevTools listed: {lastSeen}");
    }

    /// <summary>Evaluates an expression (a promise is awaited) and returns its value as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var id = Interlocked.Increment(ref _nextId);
        var request = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["id"] = id,
            ["method"] = "Runtime.evaluate",
            ["params"] = new Dictionary<string, object> { ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true },
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _socket.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        while (true)
        {
            using var message = JsonDocument.Parse(await ReceiveAsync(timeout.Token));
            var root = message.RootElement;
            if (!root.TryGetProperty("id", out var replyId) || replyId.GetInt32() != id)
            {
                continue; // an event, or the answer to someone else
            }

            var result = root.GetProperty("result");
            if (result.TryGetProperty("exceptionDetails", out var exception))
            {
                throw new InvalidOperationException($"{expression} threw in the service worker: {exception}");
            }

            return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
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

        _socket.Dispose();
    }

    private async Task<string> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(buffer, cancellationToken);
            text.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);
        return Encoding.UTF8.GetString(text.ToArray());
    }

    private static async Task<int?> ReadPortAsync(string profileFolder)
    {
        var file = Path.Combine(profileFolder, "DevToolsActivePort");
        try
        {
            var lines = await File.ReadAllLinesAsync(file);
            return lines.Length > 0 && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
