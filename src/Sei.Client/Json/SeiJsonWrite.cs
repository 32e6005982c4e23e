using System.IO;
using Sei.Client.Http;

namespace Sei.Client.Json;

/// <summary>Reflection-free JSON writing helpers that generated converters call.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SeiJsonWrite
{
    // The scalars below are what generated contracts call for a member of that type: a plain static call
    // with no overloads binds faster in the consumer's compiler than a contract struct's generic method.

    /// <summary>Writes a string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void String(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    /// <summary>Writes a Boolean.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Boolean(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    /// <summary>Writes a 32-bit integer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Int32(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    /// <summary>Writes a 64-bit integer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Int64(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>Writes a decimal number as it is, without binary rounding.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Decimal(Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);

    /// <summary>Writes an instant as an RFC 3339 <c>date-time</c> string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void DateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value)
    {
        // System.Text.Json writes ISO 8601 with the offset and without trailing zeros of the fraction,
        // which is the text SeiFormat gives, without a string in between.
        Writer(writer).WriteStringValue(value);
    }

    /// <summary>Writes a date as an RFC 3339 <c>full-date</c> string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value; its time of day is ignored.</param>
    public static void Date(Utf8JsonWriter writer, DateTime value) => WriteDate(Writer(writer), value.Year, value.Month, value.Day);

#if NET6_0_OR_GREATER
    /// <summary>Writes a date as an RFC 3339 <c>full-date</c> string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Date(Utf8JsonWriter writer, DateOnly value) => WriteDate(Writer(writer), value.Year, value.Month, value.Day);
#endif

    /// <summary>Writes a URI as a string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Uri(Utf8JsonWriter writer, Uri value) => Writer(writer).WriteStringValue(SeiFormat.Format(value));

    /// <summary>Writes a GUID as a string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Guid(Utf8JsonWriter writer, Guid value) => Writer(writer).WriteStringValue(SeiFormat.Format(value));

    /// <summary>Writes bytes as Base64 text.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Bytes(Utf8JsonWriter writer, byte[] value) => Writer(writer).WriteBase64StringValue(value);

    /// <summary>Writes a file's remaining content as Base64 text.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void File(Utf8JsonWriter writer, SeiFile value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        using var copy = new MemoryStream();
        value.Content.CopyTo(copy);
        Writer(writer).WriteBase64StringValue(copy.ToArray());
    }

    /// <summary>Writes a JSON value kept as an element.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value; an undefined element is written as <c>null</c>.</param>
    public static void Element(Utf8JsonWriter writer, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            Writer(writer).WriteNullValue();
        }
        else
        {
            value.WriteTo(Writer(writer));
        }
    }

    /// <summary>Writes a single-precision number; non-finite values, which JSON cannot hold, are written as strings.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Single(Utf8JsonWriter writer, float value)
    {
        if (float.IsNaN(value) || float.IsInfinity(value))
        {
            Writer(writer).WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Writer(writer).WriteNumberValue(value);
        }
    }

    /// <summary>Writes a double-precision number; non-finite values, which JSON cannot hold, are written as strings.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Double(Utf8JsonWriter writer, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            Writer(writer).WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Writer(writer).WriteNumberValue(value);
        }
    }

    /// <summary>Writes a sequence as a JSON array.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="items">The items.</param>
    /// <param name="writeItem">Writes one item.</param>
    public static void List<T>(Utf8JsonWriter writer, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        if (writeItem is null)
        {
            throw new ArgumentNullException(nameof(writeItem));
        }

        Writer(writer).WriteStartArray();
        foreach (var item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a dictionary as a JSON object.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="entries">The entries.</param>
    /// <param name="writeValue">Writes one value.</param>
    public static void Dictionary<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>> entries, Action<Utf8JsonWriter, T> writeValue)
    {
        if (entries is null)
        {
            throw new ArgumentNullException(nameof(entries));
        }

        if (writeValue is null)
        {
            throw new ArgumentNullException(nameof(writeValue));
        }

        Writer(writer).WriteStartObject();
        foreach (var entry in entries)
        {
            writer.WritePropertyName(entry.Key);
            writeValue(writer, entry.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a value as JSON text, for a complex value in a query string or header.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes the value.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJsonString<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        return System.Text.Encoding.UTF8.GetString(ToBytes(writer => write(writer, value)));
    }

    /// <summary>Writes a value as JSON text with its contract, for a complex value in a query string or header.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <typeparam name="TContract">Its contract.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJsonString<T, TContract>(T value)
        where TContract : struct, ISeiJsonContract<T>
        => System.Text.Encoding.UTF8.GetString(ToBytes(writer => default(TContract).Write(writer, value)));

    /// <summary>Writes a value with its contract when called: for bodies, parts and fields that are written later.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <typeparam name="TContract">Its contract.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>Writes the value.</returns>
    public static Action<Utf8JsonWriter> Deferred<T, TContract>(T value)
        where TContract : struct, ISeiJsonContract<T>
        => writer => default(TContract).Write(writer, value);

    private static Utf8JsonWriter Writer(Utf8JsonWriter writer) => writer ?? throw new ArgumentNullException(nameof(writer));

    /// <summary>Writes yyyy-MM-dd from its parts, in ten bytes on the stack.</summary>
    private static void WriteDate(Utf8JsonWriter writer, int year, int month, int day)
    {
        Span<byte> text = stackalloc byte[10];
        text[0] = (byte)('0' + (year / 1000 % 10));
        text[1] = (byte)('0' + (year / 100 % 10));
        text[2] = (byte)('0' + (year / 10 % 10));
        text[3] = (byte)('0' + (year % 10));
        text[4] = (byte)'-';
        text[5] = (byte)('0' + (month / 10));
        text[6] = (byte)('0' + (month % 10));
        text[7] = (byte)'-';
        text[8] = (byte)('0' + (day / 10));
        text[9] = (byte)('0' + (day % 10));
        writer.WriteStringValue(text);
    }

    /// <summary>Writes one JSON value with generated code and returns its UTF-8 bytes (for bodies, parts and fields).</summary>
    /// <param name="write">Writes exactly one JSON value.</param>
    /// <returns>The bytes.</returns>
    internal static byte[] ToBytes(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}
