using System.IO;
using System.Security.Cryptography.X509Certificates;

namespace Sei.Client;

/// <summary>
/// Loads the identity certificate for two-way TLS. SEI delivers it as .pfx/.p12, often converted to
/// .crt plus .key; both forms load here, with a message that says what to check when they do not.
/// </summary>
public static class SeiCertificates
{
    /// <summary>Loads a certificate and its private key from a .pfx or .p12 file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="password">The file's password, or <see langword="null"/> for none.</param>
    /// <returns>The certificate with its private key.</returns>
    public static X509Certificate2 LoadPfx(string path, string? password)
    {
        var bytes = ReadFile(path, "certificate (.pfx/.p12)");
        try
        {
#if NET9_0_OR_GREATER
            var certificate = X509CertificateLoader.LoadPkcs12(bytes, password);
#else
            var certificate = new X509Certificate2(bytes, password, X509KeyStorageFlags.Exportable);
#endif
            return RequirePrivateKey(certificate, path);
        }
        catch (System.Security.Cryptography.CryptographicException exception)
        {
            throw new InvalidOperationException($"'{path}' could not be read as a .pfx/.p12 certificate: {exception.Message} Check the password and that the file is the PKCS#12 bundle SEI delivered.", exception);
        }
    }

#if NET5_0_OR_GREATER
    /// <summary>Loads a certificate (.crt/.pem) and its private key (.key, PKCS#8 or PKCS#1, unencrypted or with a password).</summary>
    /// <param name="certificatePath">The certificate file.</param>
    /// <param name="keyPath">The private key file.</param>
    /// <param name="keyPassword">The key's password, or <see langword="null"/> when it is not encrypted.</param>
    /// <returns>The certificate with its private key.</returns>
    public static X509Certificate2 LoadPem(string certificatePath, string keyPath, string? keyPassword = null)
    {
        ReadFile(certificatePath, "certificate (.crt/.pem)");
        ReadFile(keyPath, "private key (.key)");
        try
        {
            using var pem = keyPassword is null
                ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, keyPassword, keyPath);

            // Keys loaded from PEM are ephemeral; a PKCS#12 round trip gives a certificate every TLS stack accepts.
            var exported = pem.Export(X509ContentType.Pkcs12);
#if NET9_0_OR_GREATER
            return RequirePrivateKey(X509CertificateLoader.LoadPkcs12(exported, null), certificatePath);
#else
            return RequirePrivateKey(new X509Certificate2(exported), certificatePath);
#endif
        }
        catch (System.Security.Cryptography.CryptographicException exception)
        {
            throw new InvalidOperationException($"'{certificatePath}' and '{keyPath}' could not be read as a certificate and its key: {exception.Message} Check that the key belongs to the certificate and, if it is encrypted, the password.", exception);
        }
    }
#endif

    private static byte[] ReadFile(string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException($"No path was given for the {what}.", nameof(path));
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The {what} file '{path}' does not exist.", path);
        }

        return File.ReadAllBytes(path);
    }

    private static X509Certificate2 RequirePrivateKey(X509Certificate2 certificate, string path)
    {
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"'{path}' holds a certificate without its private key; two-way TLS needs both. Use the .pfx/.p12 bundle, or the .crt together with its .key.");
        }

        return certificate;
    }
}
