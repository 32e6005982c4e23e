namespace Sei.Client;

/// <summary>
/// Paging cannot go on: the server returned a <c>next</c> cursor it had already returned, which
/// would loop forever. The items read so far were delivered.
/// </summary>
public sealed class SeiPagingException : SeiException
{
    /// <summary>Initializes a new instance of the <see cref="SeiPagingException"/> class.</summary>
    /// <param name="operationName">The paged operation.</param>
    /// <param name="cursor">The repeated cursor.</param>
    /// <param name="trackingId">The tracking ID of the response that repeated it.</param>
    public SeiPagingException(string operationName, SeiCursor cursor, string? trackingId)
        : base(
            $"{operationName} returned the next-page cursor '{cursor}' a second time, so paging stopped instead of looping. Report it to SEI support with the tracking ID {trackingId ?? "(none)"}.",
            trackingId,
            null)
    {
        OperationName = operationName;
        Cursor = cursor;
    }

    /// <summary>Gets the paged operation.</summary>
    public string OperationName { get; }

    /// <summary>Gets the repeated cursor.</summary>
    public SeiCursor Cursor { get; }
}
