using System.Net.Http.Headers;
using Sei.Client.Http;

namespace Sei.Client.Authentication;

/// <summary>
/// What every bearer-token handler shares: requests to the API's server get a token when the
/// operation's security asks for one (none for an anonymous operation, none for one that asks only
/// for an API key or HTTP Basic), requests to any other origin get none (credentials stay with the API
/// they were issued for), and after a 401 the request is sent once more with a replaced token when
/// its body can be sent twice.
/// </summary>
public abstract class SeiBearerHandler : DelegatingHandler
{
    /// <summary>Initializes a new instance of the <see cref="SeiBearerHandler"/> class.</summary>
    /// <param name="api">What the API document says of servers, security schemes and operations' security.</param>
    /// <param name="options">The client's options, for requests a generated client did not send.</param>
    protected SeiBearerHandler(SeiApiDescription api, SeiClientOptions options)
    {
        Api = api ?? throw new ArgumentNullException(nameof(api));
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Gets what the API document says.</summary>
    protected SeiApiDescription Api { get; }

    /// <summary>Gets the client's options.</summary>
    protected SeiClientOptions Options { get; }

    /// <summary>Gets a value indicating whether tokens come from client credentials, which prefer a security alternative with that flow.</summary>
    protected virtual bool UsesClientCredentials => false;

    /// <summary>Returns a token for a request to the API's server.</summary>
    /// <param name="demand">The server, the scheme and the scopes the token is for.</param>
    /// <param name="rejected">A token the API just refused with 401, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting for the token.</param>
    /// <returns>The access token.</returns>
    protected abstract Task<string> GetTokenAsync(SeiTokenDemand demand, string? rejected, CancellationToken cancellationToken);

    /// <summary>Sends a request past this handler (for token requests that must go through the same client certificate).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    protected Task<HttpResponseMessage> SendPastAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);

    /// <inheritdoc/>
    protected sealed override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request?.RequestUri is not { } uri)
        {
            throw new ArgumentException("The request has no URI.", nameof(request));
        }

        // A generated client says where it sends and what the operation requires; a request sent some
        // other way is judged against the configured server, and the document's silence on security.
        var context = SeiRequestContext.Get(request);
        var server = context?.Server ?? Api.ResolveServer(Options, null);
        if (Uri.Compare(uri, server.Url, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (Api.TokenDemand(server, context?.Security, UsesClientCredentials, context) is not { } demand)
        {
            // An anonymous operation, or one whose security a bearer token does not answer: it asked for no token.
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await GetTokenAsync(demand, null, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || request.Content is not (null or ByteArrayContent))
        {
            return response;
        }

        // The token may have been revoked or have expired early: replace it and try once more.
        response.Dispose();
        token = await GetTokenAsync(demand, token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
