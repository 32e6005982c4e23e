namespace Sei.Client;

/// <summary>
/// A redirect that the client would not follow: one more than <see cref="SeiClientOptions.MaxRedirects"/>
/// allows (they may loop), one from HTTPS to plain HTTP, or one to a URL that is not HTTP at all.
/// </summary>
public sealed class SeiRedirectException : SeiException
{
    /// <summary>Initializes a new instance of the <see cref="SeiRedirectException"/> class.</summary>
    /// <param name="operationName">The operation that was redirected.</param>
    /// <param name="statusCode">The redirect's status code.</param>
    /// <param name="location">Where the redirect led, without its query.</param>
    /// <param name="message">Why it was not followed and what to do.</param>
    /// <param name="trackingId">The redirect response's tracking ID, if any.</param>
    public SeiRedirectException(string operationName, HttpStatusCode statusCode, string? location, string message, string? trackingId)
        : base(message, trackingId, null)
    {
        OperationName = operationName;
        StatusCode = statusCode;
        Location = location;
    }

    /// <summary>Gets the operation that was redirected.</summary>
    public string OperationName { get; }

    /// <summary>Gets the status code of the redirect that was not followed.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets where the redirect led (scheme, host and path; the query is left out because it may hold a signature).</summary>
    public string? Location { get; }
}
