using System.Text.Json.Serialization;

namespace Sei.Client.Json;

/// <summary>
/// Lets <see cref="JsonSerializer"/> read and write a generated type through its contract: every
/// generated type names this converter in its <see cref="JsonConverterAttribute"/>, so serializing it
/// needs no reflection over its members, and one converter class serves every type.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
/// <typeparam name="TContract">Its contract.</typeparam>
/// <remarks>This is plumbing for generated code; it is created by System.Text.Json from the attribute.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SeiJsonConverter<T, TContract> : JsonConverter<T>, ISeiJsonBoxedContract
    where TContract : struct, ISeiJsonContract<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => default(TContract).Read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => default(TContract).Write(writer, value);

    /// <inheritdoc/>
    object? ISeiJsonBoxedContract.ReadBoxed(ref Utf8JsonReader reader) => default(TContract).Read(ref reader);

    /// <inheritdoc/>
    void ISeiJsonBoxedContract.WriteBoxed(Utf8JsonWriter writer, object value) => default(TContract).Write(writer, (T)value);
}

/// <summary>Reads and writes a value of a type known only at run time (a link's target, a caller's type argument), boxed.</summary>
internal interface ISeiJsonBoxedContract
{
    object? ReadBoxed(ref Utf8JsonReader reader);

    void WriteBoxed(Utf8JsonWriter writer, object value);
}
