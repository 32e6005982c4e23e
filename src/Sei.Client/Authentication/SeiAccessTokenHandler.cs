using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Sei.Client.Authentication;

/// <summary>
/// Adds a bearer token from the application's own source (an end user's token from the
/// authorization-code or password grant) to requests to the API's host; after a 401 it asks the
/// source once more, so a source that refreshes expired tokens recovers the call.
/// </summary>
public sealed class SeiAccessTokenHandler : DelegatingHandler
{
    private readonly Func<CancellationToken, Task<string>> _source;
    private readonly Func<Uri> _apiServer;

    /// <summary>Initializes a new instance of the <see cref="SeiAccessTokenHandler"/> class.</summary>
    /// <param name="source">Returns a valid access token, refreshing it when needed.</param>
    /// <param name="apiServer">Gives the API's server; requests to any other host get no token.</param>
    public SeiAccessTokenHandler(Func<CancellationToken, Task<string>> source, Func<Uri> apiServer)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _apiServer = apiServer ?? throw new ArgumentNullException(nameof(apiServer));
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request?.RequestUri is not { } uri)
        {
            throw new ArgumentException("The request has no URI.", nameof(request));
        }

        if (Uri.Compare(uri, _apiServer(), UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _source(cancellationToken).ConfigureAwait(false));
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || request.Content is not (null or ByteArrayContent))
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _source(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
