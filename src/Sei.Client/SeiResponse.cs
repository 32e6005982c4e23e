using System.Net;
using System.Net.Http.Headers;

namespace Sei.Client;

/// <summary>A successful response without a body: its status, headers and tracking ID.</summary>
public class SeiResponse
{
    /// <summary>Initializes a new instance of the <see cref="SeiResponse"/> class.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="trackingId">The <c>RequestTrackingId</c> header's value, if the server sent it.</param>
    /// <param name="headers">The response headers.</param>
    public SeiResponse(HttpStatusCode statusCode, string? trackingId, HttpResponseHeaders headers)
    {
        StatusCode = statusCode;
        TrackingId = trackingId;
        Headers = headers;
    }

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the request's tracking ID from the response header. Log it: SEI support asks for it first.</summary>
    public string? TrackingId { get; }

    /// <summary>Gets the response headers.</summary>
    public HttpResponseHeaders Headers { get; }
}

/// <summary>
/// A successful response and its typed body. It converts implicitly to <typeparamref name="T"/>,
/// so <c>Account account = await client.GetAccountAsync(id);</c> works, while
/// <c>var response = await ...</c> keeps the tracking ID and headers at hand.
/// </summary>
/// <typeparam name="T">The body's type.</typeparam>
public sealed class SeiResponse<T> : SeiResponse
{
    /// <summary>Initializes a new instance of the <see cref="SeiResponse{T}"/> class.</summary>
    /// <param name="value">The body.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="trackingId">The <c>RequestTrackingId</c> header's value, if the server sent it.</param>
    /// <param name="headers">The response headers.</param>
    public SeiResponse(T value, HttpStatusCode statusCode, string? trackingId, HttpResponseHeaders headers)
        : base(statusCode, trackingId, headers)
    {
        Value = value;
    }

    /// <summary>Gets the body.</summary>
    public T Value { get; }

    /// <summary>Returns the body of a response.</summary>
    /// <param name="response">The response.</param>
#pragma warning disable CA2225 // The named alternative is the Value property.
    public static implicit operator T(SeiResponse<T> response) => response is null ? throw new System.ArgumentNullException(nameof(response)) : response.Value;
#pragma warning restore CA2225
}
