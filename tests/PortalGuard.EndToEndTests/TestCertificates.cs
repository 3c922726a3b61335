using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PortalGuard.EndToEndTests;

/// <summary>A throw-away certificate authority and a server certificate for the test portal's host names, so a real
/// Chromium accepts the local test portal over HTTPS once the authority is in its NSS database.</summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    /// <summary>The authority's certificate (no private key is kept).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The server certificate, with its private key, for Kestrel.</summary>
    public X509Certificate2 Server { get; }

    public static TestCertificates Create(params string[] hostNames)
    {
        ArgumentNullException.ThrowIfNull(hostNames);
        var hostName = hostNames[0];
        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(7);

        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=PortalGuard End-to-End Test CA, O=PortalGuard tests", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, critical: false));
        using var authorityWithKey = authorityRequest.CreateSelfSigned(notBefore, notAfter);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest($"CN={hostName}", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in hostNames)
        {
            names.AddDnsName(name);
        }

        serverRequest.CertificateExtensions.Add(names.Build(critical: false));
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authorityWithKey, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var server = serverRequest.Create(authorityWithKey, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
        using var serverWithKey = server.CopyWithPrivateKey(serverKey);

        // A PKCS#12 round trip gives a certificate whose key outlives the ephemeral ECDsa object.
        var serverForKestrel = X509CertificateLoader.LoadPkcs12(serverWithKey.Export(X509ContentType.Pkcs12), password: null);
        return new TestCertificates(X509CertificateLoader.LoadCertificate(authorityWithKey.RawData), serverForKestrel);
    }

    /// <summary>Makes a fresh NSS database in <c>$HOME/.pki/nssdb</c> that trusts the authority for websites;
    /// Chromium on Linux reads it from the HOME it is started with.</summary>
    public Task TrustInNssDatabaseAsync(string home, string certutil) =>
        TrustInNssFolderAsync(Path.Combine(home, ".pki", "nssdb"), home, certutil);

    /// <summary>Makes a fresh NSS database in a Firefox profile folder that trusts the authority for websites: Firefox
    /// reads the database of the profile it is started with (Chromium's <c>$HOME/.pki/nssdb</c> is not read).</summary>
    public Task TrustInFirefoxProfileAsync(string profile, string certutil) =>
        TrustInNssFolderAsync(profile, Path.GetDirectoryName(Path.GetFullPath(profile))!, certutil);

    private async Task TrustInNssFolderAsync(string database, string pemFolder, string certutil)
    {
        Directory.CreateDirectory(database);
        var pem = Path.Combine(pemFolder, "portalguard-test-ca.pem");
        await File.WriteAllTextAsync(pem, Authority.ExportCertificatePem());

        var create = await ProcessRunner.RunAsync(certutil, ["-d", $"sql:{database}", "-N", "--empty-password"]);
        Assert.True(create.ExitCode == 0, $"certutil -N failed: {create}");
        var add = await ProcessRunner.RunAsync(certutil, ["-d", $"sql:{database}", "-A", "-t", "C,,", "-n", "portalguard-test-ca", "-i", pem]);
        Assert.True(add.ExitCode == 0, $"certutil -A failed: {add}");
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}
