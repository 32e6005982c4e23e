namespace Sei.Client.Json;

/// <summary>
/// Reads and writes a generated enumeration of strings. A value the document lists is found by its
/// UTF-8 bytes and returned as the enumeration's own instance, so reading allocates nothing; any
/// other text is kept as a value of its own, so a value a newer server adds does not fail.
/// </summary>
/// <typeparam name="T">The enumeration.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonEnum<T> : ISeiJsonContract<T>
    where T : struct, ISeiEnum<T>
{
    // Up to this many known values, writing looks its text up among them; a longer list costs more to
    // search than writing the string does.
    private const int MaxEncodedValues = 16;

    /// <summary>The known values' wire texts, in the order of <see cref="ISeiEnum{TSelf}.Known"/>; built once per enumeration.</summary>
    private static readonly SeiUtf8Lookup Lookup = Build();

    /// <summary>The known values' wire texts as the known instances hold them, and encoded once for every write.</summary>
    private static readonly (string Text, JsonEncodedText Encoded)[] Encoded = Encode();

    // Built on first use: most programs never ask whether a value is known.
    private static System.Collections.Generic.HashSet<string>? knownTexts;

    /// <summary>
    /// Gets a value indicating whether the API document lists <paramref name="wireValue"/> among the
    /// enumeration's values. Generated enumerations answer <c>IsKnown</c> with it: a set built once
    /// at run time costs the consumer's compiler nothing, where a pattern over every value is
    /// compiled into each enumeration.
    /// </summary>
    /// <param name="wireValue">The value as it travels on the wire.</param>
    /// <returns><see langword="true"/> when the document lists the value.</returns>
    public static bool IsKnown(string wireValue)
    {
        var texts = knownTexts;
        if (texts is null)
        {
            var known = default(T).Known;
            texts = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            for (var i = 0; i < known.Count; i++)
            {
                texts.Add(known[i].WireValue);
            }

            // A race builds the same set twice; either copy answers alike.
            knownTexts = texts;
        }

        return texts.Contains(wireValue);
    }

    /// <inheritdoc/>
    public T Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var index = Lookup.Find(ref reader);
            return index >= 0 ? default(T).Known[index] : default(T).Create(reader.GetString()!);
        }

        // Numbers and Booleans sent for a string enumeration are kept as their JSON text.
        return default(T).Create(SeiJson.ReadString(ref reader));
    }

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, T value)
    {
        // A value read or named through the enumeration holds the very string of its known instance,
        // so comparing references finds its pre-encoded text without transcoding or escaping it again.
        // Any other value (an unknown one, or a known one built from another string) is written as text,
        // which gives the same JSON.
        var text = value.WireValue;
        foreach (var known in Encoded)
        {
            if (ReferenceEquals(known.Text, text))
            {
                writer.WriteStringValue(known.Encoded);
                return;
            }
        }

        writer.WriteStringValue(text);
    }

    private static (string Text, JsonEncodedText Encoded)[] Encode()
    {
        var known = default(T).Known;
        if (known.Count > MaxEncodedValues)
        {
            return System.Array.Empty<(string, JsonEncodedText)>();
        }

        var encoded = new (string Text, JsonEncodedText Encoded)[known.Count];
        for (var i = 0; i < encoded.Length; i++)
        {
            var text = known[i].WireValue;
            encoded[i] = (text, JsonEncodedText.Encode(text));
        }

        return encoded;
    }

    private static SeiUtf8Lookup Build()
    {
        var known = default(T).Known;
        var texts = new string[known.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = known[i].WireValue;
        }

        return new SeiUtf8Lookup(texts);
    }
}

/// <summary>Reads and writes a generated enumeration of integers; a number the document does not list is kept.</summary>
/// <typeparam name="T">The enumeration.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonIntegerEnum<T> : ISeiJsonContract<T>
    where T : struct, ISeiIntegerEnum<T>
{
    /// <inheritdoc/>
    public T Read(ref Utf8JsonReader reader) => default(T).Create(SeiJson.ReadInt64(ref reader));

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, T value) => writer.WriteNumberValue(value.Value);
}
