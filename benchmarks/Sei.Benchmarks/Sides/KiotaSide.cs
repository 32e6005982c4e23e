using System.IO;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace Sei.Benchmarks.Sides;

/// <summary>
/// Kiota's generated models, driven the way Kiota's request adapter drives them: a root parse node
/// from the JSON parse node factory over the response stream, then <c>GetObjectValue</c> with the
/// model's factory; and, for a request body, a JSON serialization writer, <c>WriteObjectValue</c>
/// and <c>GetSerializedContent</c>. The factories are used directly rather than through the
/// registries the adapter looks them up in by content type, which only adds a dictionary lookup.
/// </summary>
internal static class KiotaSide
{
    private const string JsonContentType = "application/json";

    private static readonly JsonParseNodeFactory ParseNodeFactory = new();

    private static readonly JsonSerializationWriterFactory WriterFactory = new();

    /// <summary>Reads a payload.</summary>
    /// <typeparam name="T">A Kiota model.</typeparam>
    /// <param name="json">UTF-8 JSON.</param>
    /// <param name="factory">The model's <c>CreateFromDiscriminatorValue</c>.</param>
    /// <returns>The model.</returns>
    public static async Task<T> DeserializeAsync<T>(byte[] json, ParsableFactory<T> factory)
        where T : IParsable
    {
        using var stream = new MemoryStream(json, writable: false);
        var root = await ParseNodeFactory.GetRootParseNodeAsync(JsonContentType, stream).ConfigureAwait(false);
        return root.GetObjectValue(factory) ?? throw new System.Text.Json.JsonException("The payload is null.");
    }

    /// <summary>Writes a model as a request body.</summary>
    /// <typeparam name="T">A Kiota model.</typeparam>
    /// <param name="value">The model.</param>
    /// <returns>The body's bytes.</returns>
    public static byte[] Serialize<T>(T value)
        where T : IParsable
    {
        using var body = SerializeToStream(value);
        using var copy = new MemoryStream();
        body.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Writes a model as a request body, as far as Kiota's request information takes it.</summary>
    /// <typeparam name="T">A Kiota model.</typeparam>
    /// <param name="value">The model.</param>
    /// <returns>The content stream, positioned at its start.</returns>
    public static Stream SerializeToStream<T>(T value)
        where T : IParsable
    {
        using var writer = WriterFactory.GetSerializationWriter(JsonContentType);
        writer.WriteObjectValue(null, value);
        return writer.GetSerializedContent();
    }
}
