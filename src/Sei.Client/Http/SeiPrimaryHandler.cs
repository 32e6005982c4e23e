using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Sei.Client.Http;

/// <summary>
/// The handler that talks to the network: it presents the client certificate for two-way TLS and,
/// for private certificate authorities the options name, validates the server's certificate against
/// them. Validation is never switched off: a wrong host name or an unknown authority still fails.
/// It does not follow redirects; the client does, under its own rules.
/// </summary>
public static class SeiPrimaryHandler
{
    /// <summary>Creates the primary handler.</summary>
    /// <param name="options">The client's settings.</param>
    /// <returns>The handler.</returns>
    public static HttpMessageHandler Create(SeiClientOptions options)
    {
        if (options is null)
        {
            throw new System.ArgumentNullException(nameof(options));
        }

        // Redirects are followed by the client (SeiClientBase), not here: the handler would send the
        // request's headers and cookies to whatever host a Location names, and the bearer-token handler
        // above it would never see the hop.
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
        if (options.ClientCertificate is { } certificate)
        {
            handler.ClientCertificateOptions = ClientCertificateOption.Manual;
            handler.ClientCertificates.Add(certificate);
        }

        if (options.TrustedCertificateAuthorities.Count > 0)
        {
            var authorities = options.TrustedCertificateAuthorities.Cast<X509Certificate2>().ToArray();
            handler.ServerCertificateCustomValidationCallback = (_, serverCertificate, _, errors) => IsTrusted(serverCertificate, errors, authorities);
        }

        return handler;
    }

    /// <summary>The platform's verdict, except that a chain ending at one of the named authorities is trusted too.</summary>
    private static bool IsTrusted(X509Certificate2? certificate, SslPolicyErrors errors, X509Certificate2[] authorities)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A name mismatch or a missing certificate is never forgiven; only an unknown root may be.
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();

        // Private authorities rarely publish revocation lists that a client can reach.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
#if NET5_0_OR_GREATER
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        return chain.Build(certificate);
#else
        chain.ChainPolicy.ExtraStore.AddRange(authorities);
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        if (!chain.Build(certificate))
        {
            return false;
        }

        var root = chain.ChainElements[chain.ChainElements.Count - 1].Certificate;
        return authorities.Any(authority => authority.Thumbprint == root.Thumbprint);
#endif
    }
}
