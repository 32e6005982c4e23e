using System.Text.Json;

namespace Sei.Benchmarks.Sides;

/// <summary>
/// The generated models, reached only through System.Text.Json's public entry points: every
/// generated type carries <c>[JsonConverter]</c>, so <see cref="JsonSerializer"/> with default
/// options finds the generated converter. That is how a user serializes a generated model outside
/// the client, and it stays valid however the generator spells its converters.
/// </summary>
internal static class GeneratedSide
{
    /// <summary>Reads a payload.</summary>
    /// <typeparam name="T">A generated model.</typeparam>
    /// <param name="json">UTF-8 JSON.</param>
    /// <returns>The model.</returns>
    public static T Deserialize<T>(byte[] json) => JsonSerializer.Deserialize<T>(json) ?? throw new JsonException("The payload is null.");

    /// <summary>Writes a model.</summary>
    /// <typeparam name="T">A generated model.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The model.</param>
    public static void Serialize<T>(Utf8JsonWriter writer, T value) => JsonSerializer.Serialize(writer, value);
}
