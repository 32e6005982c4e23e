namespace Sei.Client.Http;

/// <summary>
/// Reads the response headers an API document declares into their declared types, for generated
/// response classes. A header the server did not send reads as <see langword="null"/>; a header whose
/// text is not of the declared type fails the call with <see cref="SeiResponseFormatException"/>, as a
/// body that does not match its schema does. Plumbing for generated code: call the typed properties.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SeiHeaderReader
{
    /// <summary>Reads a header as text; several field lines are joined with <c>", "</c>, as HTTP allows.</summary>
    /// <param name="response">The response.</param>
    /// <param name="name">The header's name.</param>
    /// <returns>The text, or <see langword="null"/> when the header is absent.</returns>
    public static string? Text(SeiResponse response, string name)
        => Raw(response, name);

    /// <summary>Reads a header of a value type.</summary>
    /// <typeparam name="T">The declared type.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="name">The header's name.</param>
    /// <param name="operationName">The operation, for the error.</param>
    /// <param name="parse">Parses the header's text.</param>
    /// <returns>The value, or <see langword="null"/> when the header is absent.</returns>
    public static T? Value<T>(SeiResponse response, string name, string operationName, Func<string, T> parse)
        where T : struct
        => Raw(response, name) is { } text ? Parse(response, name, operationName, text, parse) : null;

    /// <summary>Reads a header of a reference type (bytes, or any type with a parser).</summary>
    /// <typeparam name="T">The declared type.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="name">The header's name.</param>
    /// <param name="operationName">The operation, for the error.</param>
    /// <param name="parse">Parses the header's text.</param>
    /// <returns>The value, or <see langword="null"/> when the header is absent.</returns>
    public static T? Reference<T>(SeiResponse response, string name, string operationName, Func<string, T> parse)
        where T : class
        => Raw(response, name) is { } text ? Parse(response, name, operationName, text, parse) : null;

    /// <summary>Reads a URI header such as <c>Location</c>; a relative reference is resolved against the URL that answered.</summary>
    /// <param name="response">The response.</param>
    /// <param name="name">The header's name.</param>
    /// <param name="operationName">The operation, for the error.</param>
    /// <returns>The URI, absolute when the response's URL is known, or <see langword="null"/> when the header is absent.</returns>
    public static Uri? Uri(SeiResponse response, string name, string operationName)
    {
        if (Raw(response, name) is not { } text)
        {
            return null;
        }

        var uri = Parse(response, name, operationName, text, static value => new Uri(value.Trim(), UriKind.RelativeOrAbsolute));
        return !uri.IsAbsoluteUri && response.RequestUri is { } requestUri ? new Uri(requestUri, uri) : uri;
    }

    /// <summary>Reads a list header in the <c>simple</c> style (<c>Allow: GET, HEAD</c>): items separated by commas, spaces around them dropped.</summary>
    /// <typeparam name="T">The declared item type.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="name">The header's name.</param>
    /// <param name="operationName">The operation, for the error.</param>
    /// <param name="parse">Parses one item.</param>
    /// <returns>The items, or <see langword="null"/> when the header is absent.</returns>
    public static IList<T>? List<T>(SeiResponse response, string name, string operationName, Func<string, T> parse)
        => List(response, name, operationName, parse, ',');

    /// <summary>Reads a list header whose items a Swagger 2.0 <c>collectionFormat</c> separates otherwise (<c>ssv</c>, <c>tsv</c>, <c>pipes</c>).</summary>
    /// <typeparam name="T">The declared item type.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="name">The header's name.</param>
    /// <param name="operationName">The operation, for the error.</param>
    /// <param name="parse">Parses one item.</param>
    /// <param name="separator">The separator: <c>' '</c>, <c>'\t'</c> or <c>'|'</c>.</param>
    /// <returns>The items, or <see langword="null"/> when the header is absent.</returns>
    public static IList<T>? List<T>(SeiResponse response, string name, string operationName, Func<string, T> parse, char separator)
    {
        if (Raw(response, name) is not { } text)
        {
            return null;
        }

        // Field lines that HTTP joined with commas are split there too, whatever the separator.
        return text.Split(separator, ',').Select(item => item.Trim()).Where(item => item.Length > 0)
            .Select(item => Parse(response, name, operationName, item, parse)).ToList();
    }

    /// <summary>Parses a 32-bit integer.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static int Int32(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses a 64-bit integer.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static long Int64(string text) => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses a single-precision number.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static float Single(string text) => float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Parses a double-precision number.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static double Double(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Parses a decimal number.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Parses <c>true</c> or <c>false</c>, in any case.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static bool Boolean(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TRUE" => true,
        "FALSE" => false,
        _ => throw new FormatException("'" + text + "' is neither true nor false."),
    };

    /// <summary>Parses a GUID.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static Guid Guid(string text) => System.Guid.Parse(text.Trim());

    /// <summary>Parses an instant written as an HTTP date (<c>Tue, 15 Nov 1994 08:12:31 GMT</c>, as <c>Last-Modified</c> has it) or as RFC 3339.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset DateTime(string text)
    {
        var trimmed = text.Trim();
        return DateTimeOffset.TryParseExact(trimmed, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var httpDate)
            ? httpDate
            : DateTimeOffset.Parse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>Parses an RFC 3339 <c>full-date</c> (yyyy-MM-dd).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value, at midnight.</returns>
    public static System.DateTime Date(string text) => System.DateTime.ParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None);

#if NET6_0_OR_GREATER
    /// <summary>Parses an RFC 3339 <c>full-date</c> (yyyy-MM-dd).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static DateOnly DateOnly(string text) => System.DateOnly.ParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
#endif

    /// <summary>Parses Base64 text (the OpenAPI <c>byte</c> format).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Bytes(string text) => Convert.FromBase64String(text.Trim());

    private static string? Raw(SeiResponse response, string name)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        return response.TryGetHeaderValues(name, out var values) ? string.Join(", ", values) : null;
    }

    private static T Parse<T>(SeiResponse response, string name, string operationName, string text, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or ArgumentException)
        {
            throw new SeiResponseFormatException(
                operationName,
                response.StatusCode,
                response.TrackingId,
                new FormatException("The " + name + " header, '" + text + "', is not of the type the API document declares for it (" + typeof(T).Name + ").", exception));
        }
    }
}
