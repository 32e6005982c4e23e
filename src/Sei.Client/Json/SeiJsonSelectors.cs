namespace Sei.Client.Json;

/// <summary>
/// The discriminator of one hierarchy or union: which of its known values the object the reader is
/// on carries. The member's name and the values are compared on their UTF-8 bytes, so choosing a
/// type allocates nothing. One instance per type, held by its generated contract.
/// </summary>
/// <remarks>This is plumbing for generated code; applications use the generated types and clients.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SeiJsonDiscriminator
{
    private readonly byte[] _propertyName;
    private readonly SeiUtf8Lookup _values;

    /// <summary>Initializes a new instance of the <see cref="SeiJsonDiscriminator"/> class.</summary>
    /// <param name="propertyName">The discriminator's JSON name.</param>
    /// <param name="values">The values the document maps, by index; the first of two equal values wins.</param>
    public SeiJsonDiscriminator(string propertyName, params string[] values)
    {
        _propertyName = Encoding.UTF8.GetBytes(propertyName ?? throw new ArgumentNullException(nameof(propertyName)));
        _values = new SeiUtf8Lookup(values ?? throw new ArgumentNullException(nameof(values)));
    }

    /// <summary>
    /// Finds the discriminator value of the object the reader is on, without moving the reader: the
    /// index of the string value of the discriminator's top-level member among the known values.
    /// </summary>
    /// <param name="reader">The reader, on the object's first token; it is copied, not moved.</param>
    /// <returns>The value's index, or -1 when the token is not an object, the member is missing or not a string, or the value is not one of the known ones.</returns>
    public int Find(in Utf8JsonReader reader)
    {
        var copy = reader;
        if (copy.TokenType != JsonTokenType.StartObject)
        {
            return -1;
        }

        while (copy.Read() && copy.TokenType == JsonTokenType.PropertyName)
        {
            var match = copy.ValueTextEquals(_propertyName);
            if (!copy.Read())
            {
                return -1;
            }

            if (match)
            {
                return copy.TokenType == JsonTokenType.String ? _values.Find(ref copy) : -1;
            }

            if (!copy.TrySkip())
            {
                return -1;
            }
        }

        return -1;
    }
}

/// <summary>
/// The members one alternative of a union requires: whether the object the reader is on has them all,
/// a cheap test before reading it as that alternative. Names are found on their UTF-8 bytes, so the
/// test allocates nothing. One instance per alternative, held by the union's generated contract.
/// </summary>
/// <remarks>This is plumbing for generated code; applications use the generated types and clients.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SeiJsonMemberSet
{
    // Beyond this many names the marks go to the heap rather than the stack; no alternative requires that many.
    private const int MaxMarksOnStack = 256;

    private readonly SeiUtf8Lookup _names;
    private readonly int _count;

    /// <summary>Initializes a new instance of the <see cref="SeiJsonMemberSet"/> class.</summary>
    /// <param name="names">The members' JSON names.</param>
    public SeiJsonMemberSet(params string[] names)
    {
        _names = new SeiUtf8Lookup(names ?? throw new ArgumentNullException(nameof(names)));
        _count = names.Length;
    }

    /// <summary>Whether the object the reader is on has every one of the members at its top level; the reader is not moved.</summary>
    /// <param name="reader">The reader, on the object's first token; it is copied, not moved.</param>
    /// <returns><see langword="true"/> when the token is an object holding them all.</returns>
    public bool AllIn(in Utf8JsonReader reader)
    {
        var copy = reader;
        if (copy.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        // A member named twice counts once: what matters is which names were seen, not how often.
        Span<bool> seen = _count <= MaxMarksOnStack ? stackalloc bool[_count] : new bool[_count];
        var found = 0;
        while (copy.Read() && copy.TokenType == JsonTokenType.PropertyName)
        {
            var index = _names.Find(ref copy);
            if (index >= 0 && !seen[index])
            {
                seen[index] = true;
                found++;
            }

            if (!copy.Read() || !copy.TrySkip())
            {
                return false;
            }
        }

        return found >= _count;
    }
}
