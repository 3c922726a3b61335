using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PortalGuard.IntegrationTests.Network;

/// <summary>
/// A dnsmasq the test starts: authoritative for the <c>test</c> zone only (<c>--local=/test/ --no-resolv</c>: it never
/// forwards anything), answering the names it is given, listening on one address (inside a namespace the test made, or on
/// loopback at a non-53 port), and logging every query so a test can tell which resolver a name went to.
/// </summary>
internal sealed class DnsmasqServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private DnsmasqServer(Process process, string directory, IPEndPoint endPoint)
    {
        _process = process;
        _directory = directory;
        EndPoint = endPoint;
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>The PID this test started, to be ended by it and nothing else.</summary>
    public int ProcessId => _process.Id;

    private string LogFile => Path.Combine(_directory, "queries.log");

    public static string? MissingPrerequisite() => LabProcess.FindOnPath("dnsmasq") is null ? "dnsmasq is not installed (apt: dnsmasq-base)" : null;

    /// <summary>
    /// Starts dnsmasq on <paramref name="listen"/>:<paramref name="port"/>, in <paramref name="networkNamespace"/> when given.
    /// <paramref name="answers"/> maps a name under <c>.test</c> to its addresses (IPv4 and IPv6 alike).
    /// </summary>
    public static async Task<DnsmasqServer> StartAsync(IPAddress listen, int port, IReadOnlyDictionary<string, string[]> answers, string? networkNamespace = null)
    {
        var directory = Directory.CreateTempSubdirectory("portalguard-dnsmasq-").FullName;
        List<string> arguments =
        [
            "--keep-in-foreground",
            "--conf-file=/dev/null", // not /etc/dnsmasq.conf
            "--no-resolv",
            "--no-hosts",
            "--no-poll",
            "--local=/test/",
            $"--listen-address={listen}",
            "--bind-interfaces",
            string.Create(CultureInfo.InvariantCulture, $"--port={port}"),
            "--log-queries",
            $"--log-facility={Path.Combine(directory, "queries.log")}",
            "--pid-file=", // none: the PID is the one started here
        ];
        foreach (var (name, addresses) in answers)
        {
            arguments.AddRange(addresses.Select(address => $"--address=/{name}/{address}"));
        }

        string file;
        if (networkNamespace is null)
        {
            file = LabProcess.Tool("dnsmasq");
        }
        else
        {
            // ip execs dnsmasq in place: the PID started is dnsmasq's own.
            file = LabProcess.Tool("ip");
            arguments.InsertRange(0, ["netns", "exec", networkNamespace, LabProcess.Tool("dnsmasq")]);
        }

        var process = LabProcess.StartDaemon(file, arguments, new Dictionary<string, string>(StringComparer.Ordinal));
        var server = new DnsmasqServer(process, directory, new IPEndPoint(listen, port));
        try
        {
            await server.WaitUntilStartedAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one on 127.0.0.1 at a free port (retrying if another process takes it first).</summary>
    public static async Task<DnsmasqServer> StartOnLoopbackAsync(IReadOnlyDictionary<string, string[]> answers)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartAsync(IPAddress.Loopback, FreeUdpPort(), answers);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // The port was taken between choosing and binding.
            }
        }
    }

    /// <summary>How many queries of any type for <paramref name="name"/> this server has logged.</summary>
    public int QueriesFor(string name) =>
        File.Exists(LogFile)
            ? File.ReadLines(LogFile).Count(line => line.Contains("query[", StringComparison.Ordinal) && line.Contains($"] {name} from ", StringComparison.Ordinal))
            : 0;

    public ValueTask DisposeAsync()
    {
        LabProcess.Stop(_process);
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleaning.
        }

        return ValueTask.CompletedTask;
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private async Task WaitUntilStartedAsync()
    {
        // dnsmasq logs "started" once its sockets are bound; it exits at once when it cannot bind.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : string.Empty;
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"dnsmasq on {EndPoint} exited with {_process.ExitCode}: {log}"));
            }

            if (File.Exists(LogFile) && (await File.ReadAllTextAsync(LogFile)).Contains("started, version", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"dnsmasq on {EndPoint} did not start within 5 s");
    }
}
