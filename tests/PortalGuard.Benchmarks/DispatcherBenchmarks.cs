using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using PortalGuard.Assessment;
using PortalGuard.Messaging;
using PortalGuard.Network;
using PortalGuard.Storage;

namespace PortalGuard.Benchmarks;

/// <summary>
/// One request through the host's whole message path in-process: frame read, dispatch (parse, classify, assess, serialise),
/// frame write. The network posture is fixed, so this is the host's own cost, not the operating system's.
/// </summary>
[MemoryDiagnoser]
public class DispatcherBenchmarks : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "pg-bench-" + Guid.NewGuid().ToString("N")[..12]);
    private StoreHandle _store = null!;
    private MessageDispatcher _dispatcher = null!;
    private byte[] _input = null!;
    private MemoryStream _output = null!;

    [Params("hello", "assessPage", "checkPortal")]
    public string Request { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_dataDirectory);
        _store = StoreHandle.Open(_dataDirectory, TimeProvider.System);
        var probe = new FixedProbe();
        var handlers = new RequestHandlers(new PortalChecker(_store, new GuardProbes(probe, Dns: null, Tls: null, Wifi: null), TimeProvider.System), _store, probe, TimeProvider.System, "bench");
        _dispatcher = new MessageDispatcher(handlers, NullLogger<MessageDispatcher>.Instance);
        var json = Request switch
        {
            "hello" => """{"id":1,"type":"hello"}""",
            "checkPortal" => """{"id":1,"type":"checkPortal","host":"mychart.ucsf.edu"}""",
            _ => """{"id":1,"type":"assessPage","url":"https://mychart.ucsf.edu/MyChart/","signals":{"hasPasswordField":true,"hasRememberMe":true,"brandWords":["MyChart"]}}""",
        };
        var payload = Encoding.UTF8.GetBytes(json);
        _input = new byte[4 + payload.Length];
        BitConverter.TryWriteBytes(_input, payload.Length);
        payload.CopyTo(_input, 4);
        _output = new MemoryStream(capacity: 64 * 1024);
    }

    [Benchmark]
    public async Task<long> RoundTrip()
    {
        var reader = new FrameReader(new MemoryStream(_input, writable: false));
        var frame = await reader.ReadAsync(CancellationToken.None);
        var reply = await _dispatcher.DispatchAsync(frame.Payload, CancellationToken.None);
        _output.Position = 0;
        using var writer = new FrameWriter(_output);
        await writer.WriteAsync(reply, CancellationToken.None);
        return _output.Position;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _store?.Dispose();
        _output?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; left for the OS.
        }

        GC.SuppressFinalize(this);
    }

    private sealed class FixedProbe : INetworkPostureProbe
    {
        private static readonly NetworkPosture Off = new(VpnState.Off, null, new NetworkInterfaceFacts("eth0", TunnelKind.None, null), null, [], false, DateTimeOffset.UnixEpoch);

        public ValueTask<NetworkPosture> GetPostureAsync(IReadOnlyList<IPAddress> destinations, CancellationToken cancellationToken) => ValueTask.FromResult(Off);
    }
}
