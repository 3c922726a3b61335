using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using PortalGuard.Caching;

namespace PortalGuard.Tls;

/// <summary>
/// Makes a TLS handshake with a portal, with its name as SNI, and judges the certificate it is shown: chain to a trusted
/// root (at the <see cref="TimeProvider"/>'s time), host name, dates, issuer and key fingerprint. Nothing is sent after
/// the handshake. Revocation is not checked: that would mean more connections, to the certificate authority, on every check.
/// </summary>
internal sealed class TlsProbe : ITlsProbe
{
    // Flags that only say the dates are wrong; every other chain flag means the chain cannot be trusted.
    private const X509ChainStatusFlags DateFlags = X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested;

    // Revocation is not checked (see above), so these say nothing.
    private const X509ChainStatusFlags IgnoredFlags = X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation;

    private readonly TlsProbeOptions _options;
    private readonly TimeProvider _time;
    private readonly TtlCache<string, TlsFacts> _cache;

    public TlsProbe(IOptions<TlsProbeOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _cache = new TtlCache<string, TlsFacts>(
            time,
            facts => facts.Problem is TlsProblem.Timeout or TlsProblem.Unreachable or TlsProblem.HandshakeFailed ? _options.FailureCacheTtl : _options.CacheTtl,
            StringComparer.Ordinal);
    }

    public ValueTask<TlsFacts> ProbeAsync(string host, IReadOnlyList<IPAddress>? addresses, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        host = host.TrimEnd('.').ToLowerInvariant();
        var port = _options.Port;
        var key = string.Create(CultureInfo.InvariantCulture, $"{host}:{port}");
        return _cache.GetOrAddAsync(key, _ => InspectAsync(host, port, addresses), cancellationToken);
    }

    /// <summary>Forgets what was seen (the network changed: an intercepting one may have gone or come).</summary>
    public void ClearCache() => _cache.Clear();

    private async Task<TlsFacts> InspectAsync(string host, int port, IReadOnlyList<IPAddress>? addresses)
    {
        var now = _time.GetUtcNow();
        using var deadline = new CancellationTokenSource(_options.Timeout, _time);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            try
            {
                if (addresses is { Count: > 0 })
                {
                    await socket.ConnectAsync(addresses.Select(MapForDualMode).ToArray(), port, deadline.Token).ConfigureAwait(false);
                }
                else
                {
                    await socket.ConnectAsync(new DnsEndPoint(host, port), deadline.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return TlsFacts.Failed(TlsProblem.Timeout, Seconds("no TCP connection within", _options.Timeout), now);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut)
            {
                return TlsFacts.Failed(TlsProblem.Timeout, "the TCP connection timed out", now);
            }
            catch (SocketException ex)
            {
                return TlsFacts.Failed(TlsProblem.Unreachable, string.Create(CultureInfo.InvariantCulture, $"no TCP connection ({ex.SocketErrorCode})"), now);
            }

            return await HandshakeAsync(socket, host, now, deadline.Token).ConfigureAwait(false);
        }
        finally
        {
            socket.Dispose();
        }
    }

    private async Task<TlsFacts> HandshakeAsync(Socket socket, string host, DateTimeOffset now, CancellationToken deadline)
    {
        Seen? seen = null;
        var stream = new NetworkStream(socket, ownsSocket: false);
        await using (stream.ConfigureAwait(false))
        {
            var ssl = new SslStream(stream, leaveInnerStreamOpen: true);
            await using (ssl.ConfigureAwait(false))
            {
                var authentication = new SslClientAuthenticationOptions
                {
                    TargetHost = host,
                    CertificateChainPolicy = ChainPolicy(now),
                    RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                    {
                        seen = Seen.From(certificate, chain, errors);
                        return errors == SslPolicyErrors.None;
                    },
                };

                try
                {
                    await ssl.AuthenticateAsClientAsync(authentication, deadline).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (seen is null)
                {
                    return TlsFacts.Failed(TlsProblem.Timeout, Seconds("no TLS handshake within", _options.Timeout), now);
                }
                catch (Exception ex) when (seen is null && ex is AuthenticationException or IOException)
                {
                    return TlsFacts.Failed(TlsProblem.HandshakeFailed, "the TLS handshake failed: " + ex.Message, now);
                }
                catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException)
                {
                    // The certificate was seen and refused by the callback: the facts below say why.
                }
            }
        }

        return Judge(seen!, now);
    }

    private X509ChainPolicy ChainPolicy(DateTimeOffset now)
    {
        var policy = new X509ChainPolicy
        {
            RevocationMode = X509RevocationMode.NoCheck,
            VerificationTime = now.UtcDateTime,
            VerificationTimeIgnored = false,
        };

        if (_options.CustomTrustRoots is { } roots)
        {
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            policy.CustomTrustStore.AddRange(roots);
        }

        return policy;
    }

    private static TlsFacts Judge(Seen seen, DateTimeOffset now)
    {
        if (seen.Errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) || seen.SpkiSha256 is null)
        {
            return TlsFacts.Failed(TlsProblem.HandshakeFailed, "the server showed no certificate", now);
        }

        var chainFlags = seen.Errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors) ? seen.ChainFlags & ~IgnoredFlags : X509ChainStatusFlags.NoError;
        var problem = (chainFlags & ~DateFlags) != X509ChainStatusFlags.NoError ? TlsProblem.Untrusted
            : chainFlags != X509ChainStatusFlags.NoError ? (seen.NotBefore > now ? TlsProblem.NotYetValid : TlsProblem.Expired)
            : seen.Errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) ? TlsProblem.NameMismatch
            : seen.Errors != SslPolicyErrors.None ? TlsProblem.Untrusted
            : TlsProblem.None;

        return new TlsFacts(problem is TlsProblem.None, problem, seen.Issuer, seen.SpkiSha256, seen.NotAfter, now)
        {
            Detail = problem is TlsProblem.None ? null : Describe(seen.Errors, chainFlags),
        };
    }

    private static string Describe(SslPolicyErrors errors, X509ChainStatusFlags chainFlags) =>
        chainFlags == X509ChainStatusFlags.NoError ? errors.ToString() : string.Create(CultureInfo.InvariantCulture, $"{errors}: {chainFlags}");

    /// <summary>A dual-mode IPv6 socket reaches IPv4 addresses in their mapped form.</summary>
    private static IPAddress MapForDualMode(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork && Socket.OSSupportsIPv6 ? address.MapToIPv6() : address;

    private static string Seconds(string what, TimeSpan timeout) => string.Create(CultureInfo.InvariantCulture, $"{what} {timeout.TotalSeconds:0.###} s");

    /// <summary>What the validation callback saw, copied out while the certificate and chain are alive.</summary>
    private sealed record Seen(SslPolicyErrors Errors, X509ChainStatusFlags ChainFlags, string? Issuer, string? SpkiSha256, DateTimeOffset NotBefore, DateTimeOffset NotAfter)
    {
        public static Seen From(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            var flags = X509ChainStatusFlags.NoError;
            foreach (var status in chain?.ChainStatus ?? [])
            {
                flags |= status.Status;
            }

            if (certificate is null)
            {
                return new Seen(errors, flags, Issuer: null, SpkiSha256: null, default, default);
            }

            var leaf = certificate as X509Certificate2;
            var owned = leaf is null ? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()) : null;
            try
            {
                var cert = leaf ?? owned!;
                var spki = Convert.ToBase64String(SHA256.HashData(cert.PublicKey.ExportSubjectPublicKeyInfo()));
                return new Seen(errors, flags, cert.Issuer, spki, new DateTimeOffset(cert.NotBefore.ToUniversalTime()), new DateTimeOffset(cert.NotAfter.ToUniversalTime()));
            }
            finally
            {
                owned?.Dispose();
            }
        }
    }
}
