using System.Buffers;

namespace Sei.Client.Json;

/// <summary>
/// Reflection-free JSON reading helpers that generated converters call. Each reads one value
/// starting at the reader's current token and leaves the reader on that value's last token.
/// They are tolerant where servers commonly differ from their documents: numbers and Booleans
/// sent as strings are accepted, and so are strings sent as numbers.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class SeiJson
{
    /// <summary>Moves the reader to the first token of the next value, failing clearly at the end of the input.</summary>
    /// <param name="reader">The reader.</param>
    public static void MoveToValue(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended where a value was expected.");
        }
    }

    /// <summary>Reads a string; numbers and Booleans are returned as their JSON text.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static string ReadString(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString()!;
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return RawText(ref reader);
            default:
                throw Unexpected(ref reader, "a string");
        }
    }

    /// <summary>Reads a Boolean, accepting <c>"true"</c> and <c>"false"</c> as strings.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static bool ReadBoolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (bool.TryParse(text, out var parsed))
                {
                    return parsed;
                }

                throw Unexpected(ref reader, "a Boolean");
            default:
                throw Unexpected(ref reader, "a Boolean");
        }
    }

    /// <summary>Reads a 32-bit integer.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw Unexpected(ref reader, "a 32-bit integer");
    }

    /// <summary>Reads a 64-bit integer.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw Unexpected(ref reader, "a 64-bit integer");
    }

    /// <summary>Reads a single-precision number.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static float ReadSingle(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && float.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw Unexpected(ref reader, "a number");
    }

    /// <summary>Reads a double-precision number.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw Unexpected(ref reader, "a number");
    }

    /// <summary>Reads a decimal number without binary rounding.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw Unexpected(ref reader, "a decimal number");
    }

    /// <summary>Reads a GUID.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static Guid ReadGuid(ref Utf8JsonReader reader)
    {
        // The usual spelling is parsed from the bytes; any other that Guid accepts, from a string.
        if (reader.TokenType == JsonTokenType.String
            && (SeiUtf8Values.TryGetGuid(ref reader, out var value) || Guid.TryParse(reader.GetString(), out value)))
        {
            return value;
        }

        throw Unexpected(ref reader, "a UUID");
    }

    /// <summary>Reads an RFC 3339 <c>date-time</c>; other ISO 8601 forms are accepted too.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out var value))
            {
                return value;
            }

            if (DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
            {
                return value;
            }
        }

        throw Unexpected(ref reader, "a date-time");
    }

    /// <summary>Reads an RFC 3339 <c>full-date</c> (yyyy-MM-dd) as a <see cref="DateTime"/> at midnight.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static DateTime ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            // yyyy-MM-dd is parsed from the bytes; the other forms accepted need a string.
            if (SeiUtf8Values.TryGetDate(ref reader, out var value))
            {
                return value;
            }

            var text = reader.GetString();
            if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
                || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
            {
                return value.Date;
            }
        }

        throw Unexpected(ref reader, "a date (yyyy-MM-dd)");
    }

#if NET6_0_OR_GREATER
    /// <summary>Reads an RFC 3339 <c>full-date</c> (yyyy-MM-dd).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader) => DateOnly.FromDateTime(ReadDate(ref reader));
#endif

    /// <summary>Reads Base64 text (the OpenAPI <c>byte</c> format) into bytes.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static byte[] ReadBytes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out var value))
        {
            return value;
        }

        throw Unexpected(ref reader, "Base64 text");
    }

    /// <summary>Reads an absolute or relative URI.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static Uri ReadUri(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && Uri.TryCreate(reader.GetString(), UriKind.RelativeOrAbsolute, out var value))
        {
            return value;
        }

        throw Unexpected(ref reader, "a URI");
    }

    /// <summary>Checks that the reader is on the start of an object.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeName">The type being read, for the error message.</param>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object (" + typeName + ")");
        }
    }

    /// <summary>Creates the exception for a missing required property.</summary>
    /// <param name="typeName">The type being read.</param>
    /// <param name="propertyName">The JSON name of the missing property.</param>
    /// <returns>An exception to throw.</returns>
    public static JsonException MissingRequiredProperty(string typeName, string propertyName)
        => new($"The JSON for {typeName} has no '{propertyName}', which the API document marks as required. The server sent less than its document promises; check that the client was generated from the document of the API version the server runs.");

    /// <summary>Creates the exception for a value of the wrong JSON type.</summary>
    /// <param name="reader">The reader, on the offending token.</param>
    /// <param name="expected">What was expected, in words.</param>
    /// <returns>An exception to throw.</returns>
    public static JsonException Unexpected(ref Utf8JsonReader reader, string expected)
        => new($"Expected {expected} but found {Describe(ref reader)} at byte {reader.TokenStartIndex.ToString(CultureInfo.InvariantCulture)}.");

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "the string \"" + Truncate(reader.GetString() ?? string.Empty) + "\"",
        JsonTokenType.Number => "the number " + RawText(ref reader),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => reader.TokenType.ToString(),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";

    private static string RawText(ref Utf8JsonReader reader)
    {
        var bytes = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        return System.Text.Encoding.UTF8.GetString(bytes);
    }
}
