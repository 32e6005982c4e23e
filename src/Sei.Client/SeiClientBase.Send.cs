using System.IO;
using Sei.Client.Http;
using Sei.Client.Json;

namespace Sei.Client;

// Sending a request and reading its response in one call. A generated operation builds its request
// and returns one of these tasks, so it needs no async state machine of its own: with hundreds of
// operations, the state machines were a large share of what a generated client cost to compile.
public abstract partial class SeiClientBase
{
    /// <summary>Sends a request and reads its JSON body with a generated type's contract.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <typeparam name="TContract">Its contract.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="operationName">The operation, for error messages.</param>
    /// <param name="cancellationToken">Cancels the request and the reading.</param>
    /// <returns>The typed response.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected async Task<SeiResponse<T>> SendAndReadJsonAsync<T, TContract>(SeiRequestBuilder request, string operationName, CancellationToken cancellationToken)
        where TContract : struct, ISeiJsonContract<T>
        => await ReadJsonAsync<T, TContract>(await SendAsync(request, cancellationToken).ConfigureAwait(false), operationName, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends a request and reads its text body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request and the reading.</param>
    /// <returns>The typed response.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected async Task<SeiResponse<string>> SendAndReadTextAsync(SeiRequestBuilder request, CancellationToken cancellationToken)
        => await ReadTextAsync(await SendAsync(request, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Sends a request and returns its binary body as a stream that the caller disposes.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request and the reading.</param>
    /// <returns>The typed response.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected async Task<SeiResponse<Stream>> SendAndReadStreamAsync(SeiRequestBuilder request, CancellationToken cancellationToken)
        => await ReadStreamAsync(await SendAsync(request, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Sends a request whose response has no body the document describes.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status, headers and tracking ID.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected async Task<SeiResponse> SendAndDescribeAsync(SeiRequestBuilder request, CancellationToken cancellationToken)
        => CreateResponse(await SendAsync(request, cancellationToken).ConfigureAwait(false));

    /// <summary>The operation a response answers, from the context SendAsync attached to its request; else the request's path.</summary>
    private static string OperationNameOf(HttpResponseMessage response)
        => (response.RequestMessage is { } request ? SeiRequestContext.Get(request)?.OperationName : null)
            ?? response.RequestMessage?.RequestUri?.AbsolutePath
            ?? "The request";

    /// <summary>
    /// Reads a response's body. The status and headers arrived, but the connection can still break before
    /// the body has (a proxy's reset, a server that gave up): that is a transport error, typed and with
    /// the status and tracking ID that were known, never an IOException of the HTTP stack.
    /// </summary>
    private async Task<TBody> ReadBodyAsync<TBody>(string operationName, HttpResponseMessage response, Func<HttpContent, Task<TBody>> read)
    {
        try
        {
            return await read(response.Content).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            var origin = response.RequestMessage?.RequestUri is { } uri ? new Uri(uri.GetLeftPart(UriPartial.Authority)) : ServerUrl;
            throw new SeiTransportException(
                operationName,
                origin,
                $"{operationName} got HTTP {(int)response.StatusCode} from {SeiRedaction.Url(origin)}, and the connection closed before the body arrived: {exception.Message} Tracking ID: {GetTrackingId(response) ?? "(none)"}.",
                exception);
        }
    }
}
