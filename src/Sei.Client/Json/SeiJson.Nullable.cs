namespace Sei.Client.Json;

// Readers of the scalars a document marks nullable. Generated contracts call them directly rather than
// through SeiJsonNullableValue<T, TContract>: a plain static call is what the consumer's compiler binds
// fastest, and a large document has thousands of such members (see docs/performance.md).
public static partial class SeiJson
{
    /// <summary>Reads a string, or <see langword="null"/> for JSON <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static string? ReadStringOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadString(ref reader);

    /// <summary>Reads a Boolean, or <see langword="null"/> for JSON <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static bool? ReadBooleanOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadBoolean(ref reader);

    /// <summary>Reads a 32-bit integer, or <see langword="null"/> for JSON <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static int? ReadInt32OrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadInt32(ref reader);

    /// <summary>Reads a 64-bit integer, or <see langword="null"/> for JSON <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static long? ReadInt64OrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadInt64(ref reader);

    /// <summary>Reads a single-precision number, or <see langword="null"/> for JSON <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static float? ReadSingleOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadSingle(ref reader);

    /// <summary>Reads a double-precision number, or <see langword="null"/> for JSON <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static double? ReadDoubleOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadDouble(ref reader);

    /// <summary>Reads a decimal number, or <see langword="null"/> for JSON <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static decimal? ReadDecimalOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadDecimal(ref reader);

    /// <summary>Reads a GUID, or <see langword="null"/> for JSON <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static Guid? ReadGuidOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadGuid(ref reader);

    /// <summary>Reads an RFC 3339 <c>date-time</c>, or <see langword="null"/> for JSON <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset? ReadDateTimeOffsetOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadDateTimeOffset(ref reader);

    /// <summary>Reads a URI, or <see langword="null"/> for JSON <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static Uri? ReadUriOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadUri(ref reader);
}
