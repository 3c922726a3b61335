using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace PortalGuard.IntegrationTests.Tls;

/// <summary>A server on 127.0.0.1 at a free port that counts the connections it accepts and, per its mode, completes a TLS
/// handshake with a given certificate, answers in plain text, or says nothing at all.</summary>
internal sealed class TestTlsServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly X509Certificate2? _certificate;
    private readonly Mode _mode;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _held = [];
    private readonly Task _acceptLoop;
    private int _accepted;

    private TestTlsServer(Mode mode, X509Certificate2? certificate)
    {
        _mode = mode;
        _certificate = certificate;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    private enum Mode
    {
        Tls,
        PlainText,
        Silent,
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Accepted => Volatile.Read(ref _accepted);

    public static TestTlsServer WithCertificate(X509Certificate2 certificate) => new(Mode.Tls, certificate);

    /// <summary>Accepts, then answers like an HTTP server on the wrong port: no TLS at all.</summary>
    public static TestTlsServer PlainText() => new(Mode.PlainText, certificate: null);

    /// <summary>Accepts the TCP connection, then never reads or writes.</summary>
    public static TestTlsServer Silent() => new(Mode.Silent, certificate: null);

    /// <summary>A port nothing listens on (it was free a moment ago).</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        lock (_held)
        {
            foreach (var socket in _held)
            {
                socket.Dispose();
            }
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            Interlocked.Increment(ref _accepted);
            lock (_held)
            {
                _held.Add(socket);
            }

            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            switch (_mode)
            {
                case Mode.Silent:
                    return;
                case Mode.PlainText:
                    await socket.SendAsync("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"u8.ToArray(), SocketFlags.None, _stop.Token);
                    socket.Shutdown(SocketShutdown.Both);
                    return;
                default:
                    await using (var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false)))
                    {
                        await ssl.AuthenticateAsServerAsync(
                            new SslServerAuthenticationOptions
                            {
                                // offline: never fetch intermediates from the network.
                                ServerCertificateContext = SslStreamCertificateContext.Create(_certificate!, additionalCertificates: null, offline: true),
                            },
                            _stop.Token);

                        // Wait for the client to close: the probe sends nothing after the handshake.
                        var buffer = new byte[256];
                        while (await ssl.ReadAsync(buffer, _stop.Token) > 0)
                        {
                        }
                    }

                    return;
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            // The client refused the certificate or went away: that is what several tests do.
        }
    }
}
