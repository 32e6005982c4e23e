namespace Sei.Client.Json;

/// <summary>
/// Reads and writes one type as JSON, without reflection. Generated code implements it with a
/// <see langword="struct"/> per declared type, and this library with one per primitive and per
/// shape (<see cref="SeiJsonList{T, TContract}"/>, <see cref="SeiJsonNullable{T, TContract}"/>, ...):
/// contracts compose as type arguments, so a member of type <c>IList&lt;Account&gt;?</c> is read by
/// <c>default(SeiJsonNullable&lt;IList&lt;Account&gt;, SeiJsonList&lt;Account, AccountJson&gt;&gt;).Read(ref reader)</c>
/// with no delegate, no lambda and no per-member code. Because the contracts are structs used as
/// generic arguments, the runtime specialises each composition, so the calls inline.
/// </summary>
/// <typeparam name="T">The type read and written.</typeparam>
/// <remarks>This is plumbing for generated code; applications use the generated types and clients.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ISeiJsonContract<T>
{
    /// <summary>Reads one value, starting at the reader's current token and leaving the reader on the value's last token.</summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <returns>The value.</returns>
    T Read(ref Utf8JsonReader reader);

    /// <summary>Writes one value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    void Write(Utf8JsonWriter writer, T value);
}
