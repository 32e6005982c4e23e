using System.Net.Http.Headers;
using Sei.Client.Http;

namespace Sei.Client;

/// <summary>
/// A response the operation declares: its status, headers, content headers and tracking ID. A
/// <c>304 Not Modified</c> answer to a conditional request is one too, where the operation declares it
/// (see <see cref="IsNotModified"/>).
/// </summary>
public class SeiResponse
{
    /// <summary>Initializes a new instance of the <see cref="SeiResponse"/> class.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="trackingId">The <c>RequestTrackingId</c> header's value, if the server sent it.</param>
    /// <param name="headers">The response headers.</param>
    public SeiResponse(HttpStatusCode statusCode, string? trackingId, HttpResponseHeaders headers)
        : this(statusCode, trackingId, headers, null, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SeiResponse"/> class with the content headers and the URL that answered.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="trackingId">The <c>RequestTrackingId</c> header's value, if the server sent it.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="contentHeaders">The content headers (<c>Content-Length</c>, <c>Content-Range</c>, <c>Last-Modified</c>, <c>Allow</c>, ...), or <see langword="null"/> for none.</param>
    /// <param name="requestUri">The URL that gave this response, after any redirects, or <see langword="null"/> when unknown.</param>
    public SeiResponse(HttpStatusCode statusCode, string? trackingId, HttpResponseHeaders headers, HttpContentHeaders? contentHeaders, Uri? requestUri)
    {
        StatusCode = statusCode;
        TrackingId = trackingId;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        ContentHeaders = contentHeaders ?? DetachedContentHeaders.Empty();
        RequestUri = requestUri;
    }

    /// <summary>Initializes a new instance of the <see cref="SeiResponse"/> class with what another response carries; generated responses with typed headers derive this way.</summary>
    /// <param name="response">The response to copy.</param>
    protected SeiResponse(SeiResponse response)
        : this((response ?? throw new ArgumentNullException(nameof(response))).StatusCode, response.TrackingId, response.Headers, response.ContentHeaders, response.RequestUri)
    {
    }

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the request's tracking ID from the response header. Log it: SEI support asks for it first.</summary>
    public string? TrackingId { get; }

    /// <summary>Gets the response headers (<c>ETag</c>, <c>Location</c>, <c>Retry-After</c>, ...).</summary>
    public HttpResponseHeaders Headers { get; }

    /// <summary>
    /// Gets the content headers: <c>Content-Length</c>, <c>Content-Range</c>, <c>Last-Modified</c>,
    /// <c>Allow</c>, <c>Content-Type</c> and the like, also on <c>HEAD</c> and <c>OPTIONS</c> responses,
    /// which have no body. They are a copy, readable after the response is gone.
    /// </summary>
    public HttpContentHeaders ContentHeaders { get; }

    /// <summary>Gets the URL that gave this response: the request's, or the last one a redirect led to.</summary>
    public Uri? RequestUri { get; }

    /// <summary>
    /// Gets a value indicating whether the server answered <c>304 Not Modified</c> to a conditional
    /// request (<c>If-None-Match</c>, <c>If-Modified-Since</c>): the copy the caller holds is current,
    /// and there is no body.
    /// </summary>
    public bool IsNotModified => StatusCode == HttpStatusCode.NotModified;

    /// <summary>Returns the values of a header, looked for among the response headers and then the content headers.</summary>
    /// <param name="name">The header's name, matched case-insensitively.</param>
    /// <param name="values">The values, one per field line (or per item of a list header .NET splits).</param>
    /// <returns><see langword="true"/> when the server sent the header.</returns>
    public bool TryGetHeaderValues(string name, out IEnumerable<string> values)
    {
        if (Headers.TryGetValues(name, out var found) || ContentHeaders.TryGetValues(name, out found))
        {
            values = found;
            return true;
        }

        values = Enumerable.Empty<string>();
        return false;
    }

    /// <summary>Describes a response message: status, tracking ID, headers, a copy of the content headers, and the URL that answered.</summary>
    /// <param name="response">The response message.</param>
    /// <param name="trackingId">The tracking ID read from it.</param>
    /// <returns>The description, which outlives the message.</returns>
    internal static SeiResponse Describe(HttpResponseMessage response, string? trackingId)
        => new(response.StatusCode, trackingId, response.Headers, DetachedContentHeaders.CopyOf(response.Content), response.RequestMessage?.RequestUri);
}

/// <summary>
/// A response the operation declares and its typed body. It converts implicitly to <typeparamref name="T"/>,
/// so <c>Account account = await client.GetAccountAsync(id);</c> works, while
/// <c>var response = await ...</c> keeps the tracking ID and headers at hand.
/// </summary>
/// <typeparam name="T">The body's type.</typeparam>
public class SeiResponse<T> : SeiResponse
{
    private readonly T _value;

    /// <summary>Initializes a new instance of the <see cref="SeiResponse{T}"/> class.</summary>
    /// <param name="value">The body.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="trackingId">The <c>RequestTrackingId</c> header's value, if the server sent it.</param>
    /// <param name="headers">The response headers.</param>
    public SeiResponse(T value, HttpStatusCode statusCode, string? trackingId, HttpResponseHeaders headers)
        : base(statusCode, trackingId, headers)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>Initializes a new instance of the <see cref="SeiResponse{T}"/> class from a body and the response it came in.</summary>
    /// <param name="value">The body.</param>
    /// <param name="response">The response's status, headers and tracking ID.</param>
    public SeiResponse(T value, SeiResponse response)
        : base(response)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>Initializes a new instance of the <see cref="SeiResponse{T}"/> class with what another response carries; generated responses with typed headers derive this way.</summary>
    /// <param name="response">The response to copy.</param>
    protected SeiResponse(SeiResponse<T> response)
        : base(response)
    {
        _value = response.HasValue ? response.Value : default!;
        HasValue = response.HasValue;
    }

    private SeiResponse(SeiResponse response, bool hasValue)
        : base(response)
    {
        _value = default!;
        HasValue = hasValue;
    }

    /// <summary>
    /// Gets a value indicating whether the response has a body: always, except for a
    /// <c>304 Not Modified</c> answer (<see cref="SeiResponse.IsNotModified"/>).
    /// </summary>
    public bool HasValue { get; }

    /// <summary>Gets the body.</summary>
    /// <exception cref="InvalidOperationException">The server answered <c>304 Not Modified</c>, which has no body; test <see cref="SeiResponse.IsNotModified"/> first.</exception>
    public T Value => HasValue
        ? _value
        : throw new InvalidOperationException("The server answered 304 Not Modified, which has no body: the copy you hold is current. Test IsNotModified (or HasValue) before reading Value.");

    /// <summary>Returns the body of a response.</summary>
    /// <param name="response">The response.</param>
    /// <exception cref="InvalidOperationException">The server answered <c>304 Not Modified</c>; test <see cref="SeiResponse.IsNotModified"/> first.</exception>
#pragma warning disable CA2225 // The named alternative is the Value property.
    public static implicit operator T(SeiResponse<T> response) => response is null ? throw new ArgumentNullException(nameof(response)) : response.Value;
#pragma warning restore CA2225

    /// <summary>Creates the response to a conditional request the server answered <c>304 Not Modified</c>: it has no body.</summary>
    /// <param name="response">The response's status, headers and tracking ID.</param>
    /// <returns>The response, without a value.</returns>
    internal static SeiResponse<T> NotModified(SeiResponse response) => new(response, hasValue: false);
}
