using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sei.Benchmarks.Sides;

/// <summary>System.Text.Json's source-generated serializer over the hand-written types (<see cref="Stj.StjContext"/>).</summary>
internal static class StjSide
{
    /// <summary>Reads a payload.</summary>
    /// <typeparam name="T">A hand-written type.</typeparam>
    /// <param name="json">UTF-8 JSON.</param>
    /// <param name="type">The source-generated metadata.</param>
    /// <returns>The value.</returns>
    public static T Deserialize<T>(byte[] json, JsonTypeInfo<T> type) => JsonSerializer.Deserialize(json, type) ?? throw new JsonException("The payload is null.");

    /// <summary>Writes a value.</summary>
    /// <typeparam name="T">A hand-written type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="type">The source-generated metadata.</param>
    public static void Serialize<T>(Utf8JsonWriter writer, T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(writer, value, type);
}
