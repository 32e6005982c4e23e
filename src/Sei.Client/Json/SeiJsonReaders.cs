using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Sei.Client.Json;

/// <summary>
/// Finds how to read a generated type that a caller names (<c>FollowAsync&lt;T&gt;</c>) or that a link's
/// path leads to, from the <see cref="JsonConverterAttribute"/> every generated type carries: its
/// converter holds the type's contract. The attribute's converter type is annotated for trimming, so
/// this works in trimmed and native AOT applications, and clients need no table of readers of their own.
/// </summary>
internal static class SeiJsonReaders
{
    private static readonly ConcurrentDictionary<Type, ISeiJsonBoxedContract?> ByType = new();

    /// <summary>The reader of <typeparamref name="T"/>: a generated type of a client, or <see cref="JsonElement"/>; made once per type.</summary>
    public static SeiJsonReadFunc<T> For<T>() => Cached<T>.Reader ??= Create<T>();

    private static SeiJsonReadFunc<T> Create<T>()
    {
        if (typeof(T) == typeof(JsonElement) || typeof(T) == typeof(object))
        {
            return static (ref Utf8JsonReader reader) => (T)(object)SeiJson.ReadElement(ref reader);
        }

        var boxed = Find(typeof(T)) ?? throw NotGenerated(typeof(T));
        return (ref Utf8JsonReader reader) => (T)boxed.ReadBoxed(ref reader)!;
    }

    /// <summary>The reader of a type known at run time, boxing the value.</summary>
    public static SeiJsonReadFunc<object> For(Type type)
    {
        if (type == typeof(JsonElement))
        {
            return static (ref Utf8JsonReader reader) => SeiJson.ReadElement(ref reader);
        }

        var boxed = Find(type) ?? throw NotGenerated(type);
        return (ref Utf8JsonReader reader) => boxed.ReadBoxed(ref reader)!;
    }

    /// <summary>The contract of a generated type, boxed; it fails clearly for any other type.</summary>
    public static ISeiJsonBoxedContract ContractOf(Type type) => Find(type) ?? throw NotGenerated(type);

    private static ISeiJsonBoxedContract? Find(Type type)
        => ByType.GetOrAdd(type, static candidate => candidate.GetCustomAttribute<JsonConverterAttribute>(inherit: false)?.ConverterType is { } converter
            ? Activator.CreateInstance(converter) as ISeiJsonBoxedContract
            : null);

    /// <summary>One reader per type, so reading a value costs no lookup and no delegate; a race makes two equal readers, harmlessly.</summary>
    private static class Cached<T>
    {
        public static SeiJsonReadFunc<T>? Reader;
    }

    private static ArgumentException NotGenerated(Type type)
        => new(type.FullName + " is not a type of this API; name one of its generated types, or JsonElement.", "T");
}
