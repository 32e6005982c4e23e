using Microsoft.Extensions.Logging;
using Sei.Client.Authentication;
using Sei.Client.Resilience;

namespace Sei.Client.Http;

/// <summary>
/// Builds the HTTP client a generated client uses without dependency injection: SEI's retries,
/// client-credentials tokens and the client certificate, over one primary handler, with the
/// options' <see cref="SeiClientOptions.Timeout"/> as the client's timeout. With
/// dependency injection, <c>AddXxxClientV1</c> builds the same chain on <c>IHttpClientFactory</c>.
/// </summary>
public static class SeiHttpClientFactory
{
    /// <summary>Creates the HTTP client.</summary>
    /// <param name="api">What the API document says of its servers and token URL.</param>
    /// <param name="options">The client's settings.</param>
    /// <param name="loggerFactory">Where retries and token requests are logged.</param>
    /// <returns>An HTTP client; keep it for the client's whole life.</returns>
    public static HttpClient Create(SeiApiDescription api, SeiClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        if (api is null)
        {
            throw new ArgumentNullException(nameof(api));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return Create(api, options, loggerFactory, SeiPrimaryHandler.Create(options));
    }

    /// <summary>Creates the HTTP client over a given primary handler, such as the in-memory transport of <c>Sei.Testing</c>'s server.</summary>
    /// <param name="api">What the API document says of its servers and token URL.</param>
    /// <param name="options">The client's settings.</param>
    /// <param name="loggerFactory">Where retries and token requests are logged.</param>
    /// <param name="primary">The handler that sends requests; the client owns it from here on.</param>
    /// <returns>An HTTP client; keep it for the client's whole life.</returns>
    internal static HttpClient Create(SeiApiDescription api, SeiClientOptions options, ILoggerFactory? loggerFactory, HttpMessageHandler primary)
    {
        var handler = primary;
        if (options.ClientCredentials is { } credentials)
        {
            var tokens = new SeiTokenProvider(credentials, loggerFactory?.CreateLogger(typeof(SeiTokenProvider).FullName!));
            handler = new SeiClientCredentialsHandler(tokens, api, options) { InnerHandler = handler };
        }
        else if (options.AccessTokenSource is { } source)
        {
            handler = new SeiAccessTokenHandler(source, api, options) { InnerHandler = handler };
        }

        handler = new SeiRetryHandler(options.Retry, loggerFactory?.CreateLogger(typeof(SeiRetryHandler).FullName!), options.Timeout) { InnerHandler = handler };
        return new HttpClient(handler, disposeHandler: true) { Timeout = options.Timeout };
    }
}
