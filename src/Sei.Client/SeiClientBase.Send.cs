using System.ComponentModel;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
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
}
