namespace Sei.Client;

/// <summary>The base of every exception a generated SEI client throws on purpose.</summary>
public abstract class SeiException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SeiException"/> class.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="trackingId">The request's tracking ID, when the server sent one.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    protected SeiException(string message, string? trackingId, Exception? innerException)
        : base(message, innerException)
    {
        TrackingId = trackingId;
    }

    /// <summary>Gets the request's tracking ID (the <c>RequestTrackingId</c> header, or the error body's <c>trackingId</c>). Log it: SEI support asks for it first.</summary>
    public string? TrackingId { get; }
}
