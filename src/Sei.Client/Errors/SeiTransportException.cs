namespace Sei.Client;

/// <summary>
/// The request did not get an HTTP answer: the connection failed (DNS, refused, TLS) or it timed
/// out. Nothing is known of what the server did, so there is no tracking ID and no error envelope;
/// compare <see cref="SeiApiException"/>, which means the server answered with an error.
/// </summary>
public class SeiTransportException : SeiException
{
    /// <summary>Initializes a new instance of the <see cref="SeiTransportException"/> class.</summary>
    /// <param name="operationName">The operation that could not be sent.</param>
    /// <param name="serverUrl">The server it was sent to.</param>
    /// <param name="message">What happened and what to check.</param>
    /// <param name="innerException">The failure of the HTTP stack.</param>
    public SeiTransportException(string operationName, Uri serverUrl, string message, Exception? innerException)
        : base(message, null, innerException)
    {
        OperationName = operationName;
        ServerUrl = serverUrl;
    }

    /// <summary>Gets the operation that could not be sent.</summary>
    public string OperationName { get; }

    /// <summary>Gets the server it was sent to.</summary>
    public Uri ServerUrl { get; }
}

/// <summary>
/// The call took longer than <see cref="SeiClientOptions.Timeout"/> (the HTTP client's timeout, not the
/// caller's cancellation). The timeout bounds the whole call: every attempt, the waits between
/// retries and any token request it needed.
/// </summary>
public sealed class SeiTimeoutException : SeiTransportException
{
    /// <summary>Initializes a new instance of the <see cref="SeiTimeoutException"/> class.</summary>
    /// <param name="operationName">The operation that timed out.</param>
    /// <param name="serverUrl">The server it was sent to.</param>
    /// <param name="timeout">The timeout that elapsed (<see cref="SeiClientOptions.Timeout"/>, which sets the HTTP client's).</param>
    /// <param name="innerException">The cancellation that the timeout caused.</param>
    public SeiTimeoutException(string operationName, Uri serverUrl, TimeSpan timeout, Exception? innerException)
        : base(
            operationName,
            serverUrl,
            string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                "{0} got no answer from {1} within {2:0.###} seconds, the timeout for the whole call (SeiClientOptions.Timeout: every attempt, the waits between retries and any token request). Check that the environment's URL is right and reachable, or raise the timeout; the request may or may not have reached the server.",
                operationName,
                Http.SeiRedaction.Url(serverUrl),
                timeout.TotalSeconds),
            innerException)
    {
        Timeout = timeout;
    }

    /// <summary>Gets the timeout that elapsed: the client's <see cref="SeiClientOptions.Timeout"/>, unless the HTTP client's was changed after it.</summary>
    public TimeSpan Timeout { get; }
}
