namespace Sei.Client;

/// <summary>
/// A GET request whose URL would exceed the limit SEI accepts (2048 characters). It is thrown
/// before anything is sent.
/// </summary>
public sealed class SeiUrlTooLongException : SeiException
{
    /// <summary>Initializes a new instance of the <see cref="SeiUrlTooLongException"/> class.</summary>
    /// <param name="operationName">The operation whose URL is too long.</param>
    /// <param name="length">The URL's length, after percent-encoding.</param>
    /// <param name="maxLength">The limit.</param>
    public SeiUrlTooLongException(string operationName, int length, int maxLength)
        : this(operationName, length, maxLength, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SeiUrlTooLongException"/> class, naming the POST operation to use instead.</summary>
    /// <param name="operationName">The operation whose URL is too long.</param>
    /// <param name="length">The URL's length, after percent-encoding.</param>
    /// <param name="maxLength">The limit.</param>
    /// <param name="searchAlternative">The POST search operation that takes the same filters in its body, if the API has one.</param>
    public SeiUrlTooLongException(string operationName, int length, int maxLength, string? searchAlternative)
        : base(
            string.Format(
                CultureInfo.InvariantCulture,
                "The URL of {0} would be {1} characters long, over the limit of {2} for GET requests; it was not sent. {3}",
                operationName,
                length,
                maxLength,
                searchAlternative is null
                    ? "Use shorter or fewer filter values, split the values over several calls, or use the API's POST search operation for the same resource if it has one."
                    : "Use " + searchAlternative + ", which takes the same filters in its body where no length limit applies; or use fewer filter values, or split them over several calls."),
            null,
            null)
    {
        SearchAlternative = searchAlternative;
        OperationName = operationName;
        Length = length;
        MaxLength = maxLength;
    }

    /// <summary>Gets the operation whose URL is too long.</summary>
    public string OperationName { get; }

    /// <summary>Gets the URL's length, after percent-encoding.</summary>
    public int Length { get; }

    /// <summary>Gets the limit.</summary>
    public int MaxLength { get; }

    /// <summary>Gets the POST search operation that takes the same filters in its body, if the API has one.</summary>
    public string? SearchAlternative { get; }
}
