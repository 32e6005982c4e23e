using System.Net.Http;

namespace Sei.Client.Http;

/// <summary>The handler that talks to the network, carrying the client certificate for mutual TLS when the options name one.</summary>
public static class SeiPrimaryHandler
{
    /// <summary>Creates the primary handler. Server certificate validation is left as the platform does it: this library never turns it off.</summary>
    /// <param name="options">The client's settings.</param>
    /// <returns>The handler.</returns>
    public static HttpMessageHandler Create(SeiClientOptions options)
    {
        if (options is null)
        {
            throw new System.ArgumentNullException(nameof(options));
        }

        var handler = new HttpClientHandler();
        if (options.ClientCertificate is { } certificate)
        {
            handler.ClientCertificateOptions = ClientCertificateOption.Manual;
            handler.ClientCertificates.Add(certificate);
        }

        return handler;
    }
}
