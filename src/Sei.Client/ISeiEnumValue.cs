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
