namespace Sei.Client.Json;

/// <summary>
/// Reading helpers for values made of other values (elements, lists, dictionaries, files), and the
/// whole-document entry points. The scalar readers are in SeiJson.cs.
/// </summary>
public static partial class SeiJson
{
    /// <summary>Reads any JSON value as a <see cref="JsonElement"/> that outlives the reader.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static JsonElement ReadElement(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    /// <summary>Reads a value from a JSON element already parsed (unions look at the JSON before choosing a type).</summary>
    /// <typeparam name="T">The type read.</typeparam>
    /// <param name="element">The element.</param>
    /// <param name="read">Reads the value.</param>
    /// <returns>The value.</returns>
    public static T ReadFromElement<T>(JsonElement element, SeiJsonReadFunc<T> read)
    {
        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(element.GetRawText()));
        MoveToValue(ref reader);
        return read(ref reader);
    }

    /// <summary>Reads a file carried as Base64 text.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static SeiFile ReadFile(ref Utf8JsonReader reader) => SeiFile.FromBytes(ReadBytes(ref reader));

    /// <summary>Reads a JSON array into a list, reading each item with <paramref name="readItem"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="readItem">Reads one item.</param>
    /// <returns>The list.</returns>
    public static List<T> ReadList<T>(ref Utf8JsonReader reader, SeiJsonReadFunc<T> readItem)
    {
        if (readItem is null)
        {
            throw new ArgumentNullException(nameof(readItem));
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }

        var list = new List<T>();
        while (true)
        {
            MoveToValue(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            list.Add(readItem(ref reader));
        }
    }

    /// <summary>Reads a JSON object into a dictionary, reading each value with <paramref name="readValue"/>.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="readValue">Reads one value.</param>
    /// <returns>The dictionary, with keys in document order.</returns>
    public static Dictionary<string, T> ReadDictionary<T>(ref Utf8JsonReader reader, SeiJsonReadFunc<T> readValue)
    {
        if (readValue is null)
        {
            throw new ArgumentNullException(nameof(readValue));
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object");
        }

        var dictionary = new Dictionary<string, T>(StringComparer.Ordinal);
        while (true)
        {
            MoveToValue(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return dictionary;
            }

            var key = reader.GetString()!;
            MoveToValue(ref reader);
            dictionary[key] = readValue(ref reader);
        }
    }

    /// <summary>
    /// Reads JSON text into a generated type (or <see cref="JsonElement"/>), without a client and
    /// without reflection over its members: the type's <c>[JsonConverter]</c> names its contract, so this
    /// works in trimmed and native AOT applications.
    /// </summary>
    /// <typeparam name="T">A type a client was generated with.</typeparam>
    /// <param name="json">The JSON text, UTF-8 encoded.</param>
    /// <returns>The value.</returns>
    public static T Deserialize<T>(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        MoveToValue(ref reader);
        return SeiJsonReaders.For<T>()(ref reader);
    }

    /// <summary>Reads JSON text into a generated type (or <see cref="JsonElement"/>), without reflection over its members.</summary>
    /// <typeparam name="T">A type a client was generated with.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value.</returns>
    public static T Deserialize<T>(string json) => Deserialize<T>(System.Text.Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

    /// <summary>Writes a value of a generated type as JSON text, without reflection over its members.</summary>
    /// <typeparam name="T">A type a client was generated with.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(T value)
        where T : notnull
    {
        var contract = SeiJsonReaders.ContractOf(value.GetType());
        return System.Text.Encoding.UTF8.GetString(SeiJsonWrite.ToBytes(writer => contract.WriteBoxed(writer, value)));
    }
}
