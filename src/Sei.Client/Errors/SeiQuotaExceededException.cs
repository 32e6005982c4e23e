using System.Net.Http.Headers;

namespace Sei.Client;

/// <summary>
/// HTTP 429: the application's contractual quota was exceeded. <see cref="SeiApiException.RetryAfter"/>
/// says how long to wait when the server sent <c>Retry-After</c>.
/// </summary>
public sealed class SeiQuotaExceededException : SeiApiException
{
    /// <summary>Initializes a new instance of the <see cref="SeiQuotaExceededException"/> class.</summary>
    /// <param name="operationName">The operation that was refused.</param>
    /// <param name="envelope">The error envelope read from the body (possibly empty).</param>
    /// <param name="headerTrackingId">The tracking ID from the response header, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="rawBody">The body as text, possibly empty.</param>
    public SeiQuotaExceededException(string operationName, SeiErrorEnvelope envelope, string? headerTrackingId, HttpResponseHeaders? headers, string rawBody)
        : base(operationName, (HttpStatusCode)429, envelope, headerTrackingId, headers, rawBody)
    {
    }
}
