using System.ComponentModel;
using System.Text.Json;

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
    /// <summary>The known values' wire texts, in the order of <see cref="ISeiEnum{TSelf}.Known"/>; built once per enumeration.</summary>
    private static readonly SeiUtf8Lookup Lookup = Build();

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
    public void Write(Utf8JsonWriter writer, T value) => writer.WriteStringValue(value.WireValue);

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
