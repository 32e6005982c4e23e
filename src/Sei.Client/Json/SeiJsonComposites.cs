namespace Sei.Client.Json;

// Contracts that compose others: lists, maps and nullable values. Each takes the contract of its
// items as a type argument, so nesting (a list of nullable lists of accounts) costs generated code
// nothing but a longer type name.

/// <summary>Reads a JSON array into a list and writes any list, item by item with <typeparamref name="TContract"/>.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <typeparam name="TContract">The items' contract.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonList<T, TContract> : ISeiJsonContract<IList<T>>
    where TContract : struct, ISeiJsonContract<T>
{
    /// <inheritdoc/>
    public IList<T> Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw SeiJson.Unexpected(ref reader, "an array");
        }

        SeiJson.MoveToValue(ref reader);
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return new List<T>();
        }

        // Items are gathered in a pooled buffer and copied into a list of exactly their number: a
        // list grown item by item would leave up to half its array unused, on every array read.
        var items = new SeiPooledBuffer<T>(16);
        try
        {
            do
            {
                items.Add(default(TContract).Read(ref reader));
                SeiJson.MoveToValue(ref reader);
            }
            while (reader.TokenType != JsonTokenType.EndArray);

            return items.ToList();
        }
        finally
        {
            items.Return();
        }
    }

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, IList<T> value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        writer.WriteStartArray();
#if NET5_0_OR_GREATER
        if (value is List<T> list)
        {
            // The list this contract reads, and what callers usually assign: its items as a span, with no interface call per item.
            foreach (var item in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list))
            {
                default(TContract).Write(writer, item);
            }

            writer.WriteEndArray();
            return;
        }
#endif

        // Indexing avoids the enumerator a foreach over the interface would allocate.
        for (var i = 0; i < value.Count; i++)
        {
            default(TContract).Write(writer, value[i]);
        }

        writer.WriteEndArray();
    }
}

/// <summary>Reads a JSON object into a dictionary (keys in document order) and writes any dictionary, values with <typeparamref name="TContract"/>.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <typeparam name="TContract">The values' contract.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonMap<T, TContract> : ISeiJsonContract<IDictionary<string, T>>
    where TContract : struct, ISeiJsonContract<T>
{
    /// <inheritdoc/>
    public IDictionary<string, T> Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw SeiJson.Unexpected(ref reader, "an object");
        }

        var dictionary = new Dictionary<string, T>(StringComparer.Ordinal);
        while (true)
        {
            SeiJson.MoveToValue(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return dictionary;
            }

            var key = reader.GetString()!;
            SeiJson.MoveToValue(ref reader);
            dictionary[key] = default(TContract).Read(ref reader);
        }
    }

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, IDictionary<string, T> value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        writer.WriteStartObject();
        SeiJsonObject.WriteMembers<T, TContract>(writer, value);
        writer.WriteEndObject();
    }
}

/// <summary>A reference type that may be <c>null</c>: JSON <c>null</c> reads as <see langword="null"/> and is written for it.</summary>
/// <typeparam name="T">The type.</typeparam>
/// <typeparam name="TContract">The contract of a non-null value.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonNullable<T, TContract> : ISeiJsonContract<T?>
    where T : class
    where TContract : struct, ISeiJsonContract<T>
{
    /// <inheritdoc/>
    public T? Read(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : default(TContract).Read(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, T? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            default(TContract).Write(writer, value);
        }
    }
}

/// <summary>A value type that may be <c>null</c>: JSON <c>null</c> reads as <see langword="null"/> and is written for it.</summary>
/// <typeparam name="T">The type.</typeparam>
/// <typeparam name="TContract">The contract of a non-null value.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonNullableValue<T, TContract> : ISeiJsonContract<T?>
    where T : struct
    where TContract : struct, ISeiJsonContract<T>
{
    /// <inheritdoc/>
    public T? Read(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : default(TContract).Read(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, T? value)
    {
        if (value is { } present)
        {
            default(TContract).Write(writer, present);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
