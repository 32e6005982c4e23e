using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Sei.Client.Authentication;

/// <summary>
/// What every bearer-token handler shares: requests to the API's host get a token, requests to any
/// other host get none (credentials stay with the API they were issued for), and after a 401 the
/// request is sent once more with a replaced token when its body can be sent twice.
/// </summary>
public abstract class SeiBearerHandler : DelegatingHandler
{
    private readonly Func<Uri> _apiServer;

    /// <summary>Initializes a new instance of the <see cref="SeiBearerHandler"/> class.</summary>
    /// <param name="apiServer">Gives the API's server; requests to any other host get no token.</param>
    protected SeiBearerHandler(Func<Uri> apiServer)
    {
        _apiServer = apiServer ?? throw new ArgumentNullException(nameof(apiServer));
    }

    /// <summary>Returns a token for a request to the API's server.</summary>
    /// <param name="server">The API's server.</param>
    /// <param name="rejected">A token the API just refused with 401, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting for the token.</param>
    /// <returns>The access token.</returns>
    protected abstract Task<string> GetTokenAsync(Uri server, string? rejected, CancellationToken cancellationToken);

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

        var server = _apiServer();
        if (Uri.Compare(uri, server, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await GetTokenAsync(server, null, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || request.Content is not (null or ByteArrayContent))
        {
            return response;
        }

        // The token may have been revoked or have expired early: replace it and try once more.
        response.Dispose();
        token = await GetTokenAsync(server, token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
