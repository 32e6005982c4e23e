using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Sei.Client.Authentication;

/// <summary>
/// Adds a client-credentials bearer token to every request, and on a 401 replaces the token and
/// sends the request once more (when its body can be sent twice), so an expired token is
/// recovered without the caller noticing. Tokens are only ever sent to the API's own host.
/// </summary>
public sealed class SeiClientCredentialsHandler : DelegatingHandler
{
    private readonly SeiTokenProvider _tokens;
    private readonly Func<Uri> _apiServer;
    private readonly Func<Uri, Uri?> _tokenUrlFor;

    /// <summary>Initializes a new instance of the <see cref="SeiClientCredentialsHandler"/> class.</summary>
    /// <param name="tokens">The token provider (shared across handlers of one client).</param>
    /// <param name="apiServer">Gives the API's server; requests to any other host get no token.</param>
    /// <param name="tokenUrlFor">Gives the token URL for the API's server, or <see langword="null"/> when none is known.</param>
    public SeiClientCredentialsHandler(SeiTokenProvider tokens, Func<Uri> apiServer, Func<Uri, Uri?> tokenUrlFor)
    {
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _apiServer = apiServer ?? throw new ArgumentNullException(nameof(apiServer));
        _tokenUrlFor = tokenUrlFor ?? throw new ArgumentNullException(nameof(tokenUrlFor));
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request?.RequestUri is not { } uri)
        {
            throw new ArgumentException("The request has no URI.", nameof(request));
        }

        var server = _apiServer();
        if (Uri.Compare(uri, server, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            // A link to another host: credentials stay with the API they were issued for.
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var tokenUrl = _tokenUrlFor(server)
            ?? throw new InvalidOperationException("No OAuth token URL is known for this API: the document declares no client-credentials flow. Set SeiClientCredentials.TokenUrl.");
        var token = await _tokens.GetTokenAsync(tokenUrl, base.SendAsync, null, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || request.Content is not (null or ByteArrayContent))
        {
            return response;
        }

        // The token may have been revoked or have expired early: replace it and try once more.
        response.Dispose();
        token = await _tokens.GetTokenAsync(tokenUrl, base.SendAsync, token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
