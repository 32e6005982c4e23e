namespace Sei.Client;

/// <summary>
/// Implemented by the extensible enumerations that Sei.Generators emits. They keep values the
/// document did not list, so a newer server that adds a value does not break an older client.
/// </summary>
public interface ISeiEnumValue
{
    /// <summary>Gets the value exactly as it travels on the wire, as text.</summary>
    string WireValue { get; }

    /// <summary>Gets a value indicating whether the document that generated the type lists this value.</summary>
    bool IsKnown { get; }
}

/// <summary>
/// What the JSON contracts need of a generated enumeration of strings, called on its default value:
/// its known values (which are read without allocating a string) and a value for any other text.
/// </summary>
/// <typeparam name="TSelf">The enumeration.</typeparam>
/// <remarks>This is plumbing for generated code; the members are implemented explicitly, out of sight.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ISeiEnum<TSelf> : ISeiEnumValue
    where TSelf : struct, ISeiEnum<TSelf>
{
    /// <summary>Gets the values the document lists.</summary>
    IReadOnlyList<TSelf> Known { get; }

    /// <summary>Creates the value of a wire text, known or not.</summary>
    /// <param name="wireValue">The text.</param>
    /// <returns>The value.</returns>
    TSelf Create(string wireValue);
}

/// <summary>What the JSON contracts need of a generated enumeration of integers, called on its default value.</summary>
/// <typeparam name="TSelf">The enumeration.</typeparam>
/// <remarks>This is plumbing for generated code; the members are implemented explicitly, out of sight.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ISeiIntegerEnum<TSelf> : ISeiEnumValue
    where TSelf : struct, ISeiIntegerEnum<TSelf>
{
    /// <summary>Gets the value as a number.</summary>
    long Value { get; }

    /// <summary>Creates the value of a number, known or not.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    TSelf Create(long value);
}
