namespace Sei.Client;

/// <summary>
/// A successful response whose body could not be read into the type the API document declares.
/// This usually means the client was generated from a different version of the document than
/// the server runs.
/// </summary>
public sealed class SeiResponseFormatException : SeiException
{
    /// <summary>Initializes a new instance of the <see cref="SeiResponseFormatException"/> class.</summary>
    /// <param name="operationName">The operation whose response could not be read.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="trackingId">The tracking ID from the response header, if any.</param>
    /// <param name="innerException">The reading error.</param>
    public SeiResponseFormatException(string operationName, HttpStatusCode statusCode, string? trackingId, Exception innerException)
        : base(
            $"The response of {operationName} (HTTP {(int)statusCode}) could not be read: {innerException?.Message} Regenerate the client from the document of the API version the server runs. Tracking ID: {trackingId ?? "none"}.",
            trackingId,
            innerException)
    {
        OperationName = operationName;
        StatusCode = statusCode;
    }

    /// <summary>Gets the operation whose response could not be read.</summary>
    public string OperationName { get; }

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }
}
