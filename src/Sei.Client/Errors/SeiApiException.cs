using System.Net.Http.Headers;

namespace Sei.Client;

/// <summary>
/// A response with a non-success status code, with the SEI error envelope read from its body
/// (<c>code</c>, <c>message</c>, <c>trackingId</c>, <c>transient</c>, <c>errors</c>). A body that
/// is empty, not JSON, or HTML from a proxy still gives this exception, with the status code
/// and the tracking ID from the response header. A refused token request is one too
/// (<see cref="SeiAuthenticationException"/>), so one <c>catch</c> handles every error a server answered with.
/// </summary>
public class SeiApiException : SeiException
{
    /// <summary>Initializes a new instance of the <see cref="SeiApiException"/> class.</summary>
    /// <param name="operationName">The operation that failed.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="envelope">The error envelope read from the body (possibly empty).</param>
    /// <param name="headerTrackingId">The tracking ID from the response header, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="rawBody">The body as text, possibly empty.</param>
    public SeiApiException(string operationName, HttpStatusCode statusCode, SeiErrorEnvelope envelope, string? headerTrackingId, HttpResponseHeaders? headers, string rawBody)
        : this(BuildMessage(operationName, statusCode, envelope, headerTrackingId, ReadRetryAfter(headers)), operationName, statusCode, envelope, headerTrackingId, headers, rawBody)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SeiApiException"/> class with a message of the subclass's own.</summary>
    /// <param name="message">What went wrong and what to check.</param>
    /// <param name="operationName">What failed.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="envelope">The error envelope read from the body (possibly empty).</param>
    /// <param name="headerTrackingId">The tracking ID from the response header, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="rawBody">The body as text, possibly empty.</param>
    protected SeiApiException(string message, string operationName, HttpStatusCode statusCode, SeiErrorEnvelope envelope, string? headerTrackingId, HttpResponseHeaders? headers, string rawBody)
        : base(message, headerTrackingId ?? envelope?.TrackingId, null)
    {
        if (envelope is null)
        {
            throw new ArgumentNullException(nameof(envelope));
        }

        OperationName = operationName;
        StatusCode = statusCode;
        Code = envelope.Code;
        ServerMessage = envelope.Message;
        Transient = envelope.Transient;
        Errors = envelope.Errors;
        Headers = headers;
        RawBody = rawBody ?? string.Empty;
        RetryAfter = ReadRetryAfter(headers);
    }

    /// <summary>Gets the operation that failed, as the document names it.</summary>
    public string OperationName { get; }

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the semantic, dotted error code (for example <c>gateway.authentication.failure</c>), if the body had one.</summary>
    public string? Code { get; }

    /// <summary>Gets the human-readable reason the server gave, if the body had one.</summary>
    public string? ServerMessage { get; }

    /// <summary>Gets a value indicating whether the server said the same request may be retried without modification.</summary>
    public bool Transient { get; }

    /// <summary>Gets the per-field errors, empty when the body had none.</summary>
    public IReadOnlyList<SeiErrorDetail> Errors { get; }

    /// <summary>Gets the response headers, when the response had any.</summary>
    public HttpResponseHeaders? Headers { get; }

    /// <summary>Gets the response body as text, empty when there was none.</summary>
    public string RawBody { get; }

    /// <summary>Gets how long the server asked to wait before retrying (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Creates the exception for an error response: <see cref="SeiQuotaExceededException"/> for 429, <see cref="SeiApiException"/> otherwise.</summary>
    /// <param name="operationName">The operation that failed.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="body">The response body.</param>
    /// <param name="headerTrackingId">The tracking ID from the response header, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <returns>The exception to throw.</returns>
    public static SeiApiException FromResponse(string operationName, HttpStatusCode statusCode, byte[] body, string? headerTrackingId, HttpResponseHeaders? headers)
    {
        var envelope = SeiErrorEnvelope.Parse(body);
        var text = body is null ? string.Empty : System.Text.Encoding.UTF8.GetString(body);
        return (int)statusCode == 429
            ? new SeiQuotaExceededException(operationName, envelope, headerTrackingId, headers, text)
            : new SeiApiException(operationName, statusCode, envelope, headerTrackingId, headers, text);
    }

    private static TimeSpan? ReadRetryAfter(HttpResponseHeaders? headers) => Http.SeiRetryAfter.From(headers);

    private static string BuildMessage(string operationName, HttpStatusCode statusCode, SeiErrorEnvelope envelope, string? headerTrackingId, TimeSpan? retryAfter)
    {
        var text = new StringBuilder();
        text.Append(operationName).Append(" failed with HTTP ")
            .Append(((int)statusCode).ToString(CultureInfo.InvariantCulture)).Append(' ').Append(statusCode);
        if (envelope?.Code is { Length: > 0 } code)
        {
            text.Append(" (").Append(code).Append(')');
        }

        if (envelope?.Message is { Length: > 0 } message)
        {
            text.Append(": ").Append(message);
        }
        else
        {
            text.Append('.');
        }

        if (envelope is not null)
        {
            foreach (var detail in envelope.Errors)
            {
                text.Append(" [").Append(detail).Append(']');
            }
        }

        var trackingId = headerTrackingId ?? envelope?.TrackingId;
        text.Append(trackingId is null ? " No tracking ID was returned." : " Tracking ID: " + trackingId + ".");
        if ((int)statusCode == 429)
        {
            text.Append(" The application's quota was exceeded");
            text.Append(retryAfter is { } wait ? "; the server asks to wait " + wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " seconds before retrying." : "; wait before retrying, or ask SEI to raise the quota.");
        }
        else if (envelope?.Transient == true)
        {
            text.Append(" The server marked the error transient: the same request may be retried.");
        }
        else if (statusCode == HttpStatusCode.Unauthorized)
        {
            text.Append(" Check that the credentials belong to this environment and have not been regenerated.");
        }

        return text.ToString();
    }
}
