using System.IO;
using Sei.Client.Http;
using Sei.Client.Json;

namespace Sei.Client;

// Reading a response once it has arrived: its body as JSON through a generated contract, as text
// or as a stream, and its tracking ID. Sending is in SeiClientBase.cs.
public abstract partial class SeiClientBase
{
    /// <summary>Wraps a response without a body.</summary>
    /// <param name="response">The response; it is disposed.</param>
    /// <returns>The status, headers and tracking ID.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected SeiResponse CreateResponse(HttpResponseMessage response)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        using (response)
        {
            return SeiResponse.Describe(response, GetTrackingId(response));
        }
    }

    /// <summary>Reads a JSON body with generated, reflection-free code.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="response">The response; it is disposed.</param>
    /// <param name="operationName">The operation, for error messages.</param>
    /// <param name="read">Reads the value.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The typed response.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected async Task<SeiResponse<T>> ReadJsonAsync<T>(HttpResponseMessage response, string operationName, SeiJsonReadFunc<T> read, CancellationToken cancellationToken)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        using (response)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var trackingId = GetTrackingId(response);
            var description = SeiResponse.Describe(response, trackingId);
            if (description.IsNotModified)
            {
                return SeiResponse<T>.NotModified(description);
            }

            using var body = await ReadBodyAsync(operationName, response, content => SeiPooledBody.ReadAsync(content, cancellationToken)).ConfigureAwait(false);
            try
            {
                var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                SeiJson.MoveToValue(ref reader);
                var value = read(ref reader);
                return new SeiResponse<T>(value, description);
            }
            catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or OverflowException)
            {
                throw new SeiResponseFormatException(operationName, response.StatusCode, trackingId, exception);
            }
        }
    }

    /// <summary>Reads a JSON body with a generated type's contract, without reflection or a delegate of the caller's.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <typeparam name="TContract">Its contract.</typeparam>
    /// <param name="response">The response; it is disposed.</param>
    /// <param name="operationName">The operation, for error messages.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The typed response.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<SeiResponse<T>> ReadJsonAsync<T, TContract>(HttpResponseMessage response, string operationName, CancellationToken cancellationToken)
        where TContract : struct, ISeiJsonContract<T>
        => ReadJsonAsync(response, operationName, static (ref Utf8JsonReader reader) => default(TContract).Read(ref reader), cancellationToken);

    /// <summary>Reads a text body.</summary>
    /// <param name="response">The response; it is disposed.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The typed response.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected async Task<SeiResponse<string>> ReadTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        using (response)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var description = SeiResponse.Describe(response, GetTrackingId(response));
            if (description.IsNotModified)
            {
                return SeiResponse<string>.NotModified(description);
            }

            var text = response.Content is null ? string.Empty : await ReadBodyAsync(OperationNameOf(response), response, content => content.ReadAsStringAsync()).ConfigureAwait(false);
            return new SeiResponse<string>(text, description);
        }
    }

    /// <summary>Returns a binary body as a stream that the caller disposes; disposing it releases the response.</summary>
    /// <param name="response">The response; it lives until the stream is disposed.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The typed response.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected async Task<SeiResponse<Stream>> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var description = SeiResponse.Describe(response, GetTrackingId(response));
        if (description.IsNotModified)
        {
            response.Dispose();
            return SeiResponse<Stream>.NotModified(description);
        }

        var inner = response.Content is null ? Stream.Null : await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return new SeiResponse<Stream>(new ResponseOwningStream(inner, response), description);
    }

    /// <summary>Returns the tracking ID of a response, or <see langword="null"/> when the server sent none.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The tracking ID.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected string? GetTrackingId(HttpResponseMessage response)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        // Header names are case-insensitive in HttpHeaders, which is what SEI's guidance asks for.
        return response.Headers.TryGetValues(Options.TrackingIdHeaderName, out var values) ? values.FirstOrDefault() : null;
    }
}
