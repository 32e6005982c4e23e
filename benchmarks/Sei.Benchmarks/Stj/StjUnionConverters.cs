using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sei.Benchmarks.Stj;

/// <summary>
/// What a System.Text.Json user writes for a oneOf of two object schemas without a discriminator,
/// since the serializer has no such feature: look ahead on a copy of the reader for a member only the
/// second alternative has, then hand the object to the source-generated metadata of the one it is.
/// </summary>
/// <typeparam name="TUnion">The union type.</typeparam>
/// <typeparam name="TFirst">The first alternative.</typeparam>
/// <typeparam name="TSecond">The second alternative.</typeparam>
public abstract class ObjectUnionConverter<TUnion, TFirst, TSecond> : JsonConverter<TUnion>
    where TFirst : class
    where TSecond : class
{
    private JsonTypeInfo<TFirst>? _first;
    private JsonTypeInfo<TSecond>? _second;

    /// <summary>Gets the UTF-8 name of a member that only the second alternative has.</summary>
    protected abstract ReadOnlySpan<byte> SecondMarker { get; }

    /// <inheritdoc/>
    public override TUnion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (HasMember(reader, SecondMarker))
        {
            _second ??= (JsonTypeInfo<TSecond>)options.GetTypeInfo(typeof(TSecond));
            return FromSecond(JsonSerializer.Deserialize(ref reader, _second)!);
        }

        _first ??= (JsonTypeInfo<TFirst>)options.GetTypeInfo(typeof(TFirst));
        return FromFirst(JsonSerializer.Deserialize(ref reader, _first)!);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TUnion value, JsonSerializerOptions options)
    {
        var (first, second) = Parts(value);
        if (first is not null)
        {
            _first ??= (JsonTypeInfo<TFirst>)options.GetTypeInfo(typeof(TFirst));
            JsonSerializer.Serialize(writer, first, _first);
        }
        else if (second is not null)
        {
            _second ??= (JsonTypeInfo<TSecond>)options.GetTypeInfo(typeof(TSecond));
            JsonSerializer.Serialize(writer, second, _second);
        }
        else
        {
            throw new JsonException(typeof(TUnion).Name + " holds neither alternative.");
        }
    }

    /// <summary>Wraps the first alternative.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The union.</returns>
    protected abstract TUnion FromFirst(TFirst value);

    /// <summary>Wraps the second alternative.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The union.</returns>
    protected abstract TUnion FromSecond(TSecond value);

    /// <summary>Unwraps the union.</summary>
    /// <param name="value">The union.</param>
    /// <returns>The alternative it holds, the other null.</returns>
    protected abstract (TFirst? First, TSecond? Second) Parts(TUnion value);

    // The reader is a struct: this scans a copy, and the caller's reader stays on the StartObject.
    private static bool HasMember(Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object for " + typeof(TUnion).Name + ".");
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals(name))
            {
                return true;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        return false;
    }
}

/// <summary>Reads and writes <see cref="Amount"/>: a range has <c>low</c>.</summary>
public sealed class AmountConverter : ObjectUnionConverter<Amount, Money, MoneyRange>
{
    /// <inheritdoc/>
    protected override ReadOnlySpan<byte> SecondMarker => "low"u8;

    /// <inheritdoc/>
    protected override Amount FromFirst(Money value) => new() { Money = value };

    /// <inheritdoc/>
    protected override Amount FromSecond(MoneyRange value) => new() { Range = value };

    /// <inheritdoc/>
    protected override (Money? First, MoneyRange? Second) Parts(Amount value) => (value.Money, value.Range);
}

/// <summary>Reads and writes <see cref="Counterparty"/>: an institution has <c>institutionName</c>.</summary>
public sealed class CounterpartyConverter : ObjectUnionConverter<Counterparty, PersonParty, InstitutionParty>
{
    /// <inheritdoc/>
    protected override ReadOnlySpan<byte> SecondMarker => "institutionName"u8;

    /// <inheritdoc/>
    protected override Counterparty FromFirst(PersonParty value) => new() { Person = value };

    /// <inheritdoc/>
    protected override Counterparty FromSecond(InstitutionParty value) => new() { Institution = value };

    /// <inheritdoc/>
    protected override (PersonParty? First, InstitutionParty? Second) Parts(Counterparty value) => (value.Person, value.Institution);
}

/// <summary>Reads and writes <see cref="Reference"/> by the token it starts with.</summary>
public sealed class ReferenceConverter : JsonConverter<Reference>
{
    /// <inheritdoc/>
    public override Reference Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new Reference { Text = reader.GetString() },
        JsonTokenType.Number => new Reference { Number = reader.GetInt64() },
        _ => throw new JsonException("A reference is a string or an integer."),
    };

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Reference value, JsonSerializerOptions options)
    {
        if (value.Text is not null)
        {
            writer.WriteStringValue(value.Text);
        }
        else if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            throw new JsonException("A reference holds neither a string nor a number.");
        }
    }
}
