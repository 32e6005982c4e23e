using System.Globalization;

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
        : base(
            string.Format(
                CultureInfo.InvariantCulture,
                "The URL of {0} would be {1} characters long, over the limit of {2} for GET requests; it was not sent. Use shorter or fewer filter values, split the values over several calls, or use the API's POST search operation for the same resource if it has one.",
                operationName,
                length,
                maxLength),
            null,
            null)
    {
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
}
