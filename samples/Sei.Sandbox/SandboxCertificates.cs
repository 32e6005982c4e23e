using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sei.Sandbox;

/// <summary>
/// A private certificate authority made when the sandbox starts, for two-way TLS on loopback: it
/// signs the sandbox's server certificate and the client certificates tests present. Clients trust
/// it explicitly (as for any private PKI); nobody turns certificate validation off.
/// </summary>
public sealed class SandboxCertificates : IDisposable
{
    private readonly RSA _authorityKey;

    internal SandboxCertificates()
    {
        _authorityKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=SEI Sandbox Test CA", _authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        Server = Issue("CN=127.0.0.1", server: true);
    }

    /// <summary>Gets the authority's certificate (public part only matters to clients): trust it to reach the sandbox over TLS.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>Gets the sandbox's server certificate, for 127.0.0.1.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>Issues a client certificate whose Common Name is a service account's user name, as SEI's two-way TLS expects.</summary>
    /// <param name="serviceAccount">The service account's user name.</param>
    /// <returns>The certificate with its private key.</returns>
    public X509Certificate2 IssueClientCertificate(string serviceAccount) => Issue("CN=" + serviceAccount, server: false);

    /// <summary>Tells whether a certificate was issued by this authority.</summary>
    /// <param name="certificate">The certificate a client presented.</param>
    /// <returns><see langword="true"/> when the chain ends at this authority.</returns>
    public bool IssuedHere(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Server.Dispose();
        Authority.Dispose();
        _authorityKey.Dispose();
    }

    private X509Certificate2 Issue(string subject, bool server)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2") },
            false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        using var issued = request.Create(Authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7), serial);
        using var withKey = issued.CopyWithPrivateKey(key);

        // A PKCS#12 round trip gives a key that every TLS stack (SslStream on Linux too) can use.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
