namespace Sei.Client.Http;

/// <summary>
/// Formats parameter values for paths, query strings, headers and form bodies the way OpenAPI
/// documents describe them: invariant culture, ISO 8601 dates, lower-case booleans.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SeiFormat
{
    /// <summary>Formats a Boolean as <c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The value to format.</param>
    /// <returns>The wire text.</returns>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Formats a 32-bit integer in the invariant culture.</summary>
    /// <param name="value">The value to format.</param>
    /// <returns>The wire text.</returns>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a 64-bit integer in the invariant culture.</summary>
    /// <param name="value">The value to format.</param>
    /// <returns>The wire text.</returns>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a single-precision number so that it reads back to the same value.</summary>
    /// <param name="value">The value to format.</param>
    /// <returns>The wire text.</returns>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a double-precision number so that it reads back to the same value.</summary>
    /// <param name="value">The value to format.</param>
    /// <returns>The wire text.</returns>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a decimal in the invariant culture.</summary>
    /// <param name="value">The value to format.</param>
    /// <returns>The wire text.</returns>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a GUID in its hyphenated form (<c>D</c>).</summary>
    /// <param name="value">The value to format.</param>
    /// <returns>The wire text.</returns>
    public static string Format(Guid value) => value.ToString("D");

    /// <summary>Formats an instant as an RFC 3339 <c>date-time</c>.</summary>
    /// <param name="value">The value to format.</param>
    /// <returns>The wire text.</returns>
    public static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>Formats a date-only value as an RFC 3339 <c>full-date</c> (yyyy-MM-dd).</summary>
    /// <param name="value">The value to format; its time of day is ignored.</param>
    /// <returns>The wire text.</returns>
    public static string FormatDate(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

#if NET6_0_OR_GREATER
    /// <summary>Formats a date as an RFC 3339 <c>full-date</c> (yyyy-MM-dd).</summary>
    /// <param name="value">The value to format.</param>
    /// <returns>The wire text.</returns>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
#endif

    /// <summary>Formats a URI as its original string.</summary>
    /// <param name="value">The value to format.</param>
    /// <returns>The wire text.</returns>
    public static string Format(Uri value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        return value.OriginalString;
    }

    /// <summary>Formats bytes as standard Base64 (the OpenAPI <c>byte</c> format).</summary>
    /// <param name="value">The value to format.</param>
    /// <returns>The wire text.</returns>
    public static string Format(byte[] value) => Convert.ToBase64String(value);

    /// <summary>Formats an extensible enumeration value as its wire value.</summary>
    /// <param name="value">The value to format.</param>
    /// <returns>The wire text.</returns>
    public static string Format(ISeiEnumValue value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        return value.WireValue;
    }
}
