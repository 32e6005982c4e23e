namespace Sei.Client.Json;

/// <summary>
/// What generated object, hierarchy and union contracts share: members a type does not list, and
/// trying an alternative without losing the reader's place (<see cref="SeiJsonDiscriminator"/> and
/// <see cref="SeiJsonMemberSet"/> choose which to try).
/// </summary>
/// <remarks>This is plumbing for generated code; applications use the generated types and clients.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SeiJsonObject
{
    /// <summary>Keeps a member the type does not list, so nothing a newer server adds is lost; the dictionary is created on the first one.</summary>
    /// <typeparam name="T">The type of such members' values.</typeparam>
    /// <typeparam name="TContract">Their contract.</typeparam>
    /// <param name="reader">The reader, on the member's value.</param>
    /// <param name="members">The object's dictionary of unknown members, created when null.</param>
    /// <param name="state">The object's state, which holds the member's name.</param>
    public static void ReadUnknown<T, TContract>(ref Utf8JsonReader reader, ref IDictionary<string, T>? members, ref SeiJsonReadState state)
        where TContract : struct, ISeiJsonContract<T>
    {
        var value = default(TContract).Read(ref reader);
        (members ??= new Dictionary<string, T>(StringComparer.Ordinal))[state.UnknownName!] = value;
    }

    /// <summary>Writes members as <c>"name": value</c> pairs of the object being written; nothing when there are none.</summary>
    /// <typeparam name="T">The values' type.</typeparam>
    /// <typeparam name="TContract">Their contract.</typeparam>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="members">The members, or <see langword="null"/>.</param>
    public static void WriteMembers<T, TContract>(Utf8JsonWriter writer, IDictionary<string, T>? members)
        where TContract : struct, ISeiJsonContract<T>
    {
        if (members is null || members.Count == 0)
        {
            return;
        }

        if (members is Dictionary<string, T> dictionary)
        {
            // The concrete type's enumerator is a struct: no allocation per object written.
            foreach (var pair in dictionary)
            {
                writer.WritePropertyName(pair.Key);
                default(TContract).Write(writer, pair.Value);
            }

            return;
        }

        foreach (var pair in members)
        {
            writer.WritePropertyName(pair.Key);
            default(TContract).Write(writer, pair.Value);
        }
    }

    /// <summary>
    /// Reads a value as one alternative of a union, from a copy of the reader: on success the reader
    /// moves past the value; when the JSON turns out not to be that alternative, the reader stays
    /// where it was, so the next alternative can be tried.
    /// </summary>
    /// <typeparam name="T">The alternative's type.</typeparam>
    /// <typeparam name="TContract">Its contract.</typeparam>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="value">The value read.</param>
    /// <returns><see langword="true"/> when the JSON is that alternative.</returns>
    public static bool TryRead<T, TContract>(ref Utf8JsonReader reader, out T value)
        where TContract : struct, ISeiJsonContract<T>
    {
        var copy = reader;
        try
        {
            value = default(TContract).Read(ref copy);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            value = default!;
            return false;
        }

        reader = copy;
        return true;
    }
}
