namespace Sei.Client.Json;

/// <summary>
/// The JSON member names of one generated object type, in the order its contract numbers them: found
/// by their UTF-8 bytes when reading (no string per member), written pre-encoded, and checked for the
/// required ones at the end of each object. One instance per type, held by its generated contract.
/// </summary>
/// <remarks>This is plumbing for generated code; applications use the generated types and clients.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SeiJsonNames
{
    private readonly string _typeName;
    private readonly string[] _names;
    private readonly JsonEncodedText[] _encoded;
    private readonly int[] _required;
    private readonly SeiUtf8Lookup _lookup;

    /// <summary>Initializes a new instance of the <see cref="SeiJsonNames"/> class.</summary>
    /// <param name="typeName">The type's name, for error messages.</param>
    /// <param name="required">The indexes of the members the document requires.</param>
    /// <param name="names">The members' JSON names, by index.</param>
    public SeiJsonNames(string typeName, int[] required, params string[] names)
    {
        _typeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        _required = required ?? throw new ArgumentNullException(nameof(required));
        _names = names ?? throw new ArgumentNullException(nameof(names));
        _encoded = new JsonEncodedText[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            _encoded[i] = JsonEncodedText.Encode(names[i]);
        }

        _lookup = new SeiUtf8Lookup(names);
    }

    /// <summary>Gets a member's name, encoded once for every write.</summary>
    /// <param name="index">The member's index.</param>
    /// <returns>The encoded name.</returns>
    public JsonEncodedText this[int index] => _encoded[index];

    /// <summary>Checks that the reader is on the start of an object and begins reading it.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The state to pass to <see cref="Next"/> and <see cref="End"/>.</returns>
    public SeiJsonReadState Start(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw SeiJson.Unexpected(ref reader, "an object (" + _typeName + ")");
        }

        return default;
    }

    /// <summary>
    /// Moves to the next member and onto its value. A member this type names is marked as seen and
    /// its index returned; any other member returns -1 and leaves its name in <see cref="SeiJsonReadState.UnknownName"/>.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <param name="state">The object's state.</param>
    /// <param name="index">The member's index, or -1.</param>
    /// <returns><see langword="false"/> at the end of the object.</returns>
    public bool Next(ref Utf8JsonReader reader, ref SeiJsonReadState state, out int index)
    {
        SeiJson.MoveToValue(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            index = -1;
            return false;
        }

        index = _lookup.Find(ref reader);
        if (index < 0)
        {
            state.UnknownName = reader.GetString();
        }
        else
        {
            state.Mark(index);
        }

        SeiJson.MoveToValue(ref reader);
        return true;
    }

    /// <summary>Finishes an object: every member the document requires must have been read.</summary>
    /// <param name="state">The object's state.</param>
    public void End(ref SeiJsonReadState state)
    {
        foreach (var index in _required)
        {
            if (!state.Has(index))
            {
                throw SeiJson.MissingRequiredProperty(_typeName, _names[index]);
            }
        }
    }
}

/// <summary>What has been read of one JSON object: which members were seen, and the name of an unknown one.</summary>
/// <remarks>This is plumbing for generated code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SeiJsonReadState
{
    private ulong _seen;
    private ulong[]? _more;

    /// <summary>Gets the name of the member just reached when its type does not name it.</summary>
    public string? UnknownName { get; internal set; }

    internal void Mark(int index)
    {
        if (index < 64)
        {
            _seen |= 1UL << index;
            return;
        }

        // Types with more than 64 members are rare enough for their extra bits to be allocated.
        var slot = (index / 64) - 1;
        if (_more is null || _more.Length <= slot)
        {
            Array.Resize(ref _more, slot + 1);
        }

        _more[slot] |= 1UL << (index % 64);
    }

    internal readonly bool Has(int index)
    {
        if (index < 64)
        {
            return (_seen & (1UL << index)) != 0;
        }

        var slot = (index / 64) - 1;
        return _more is not null && slot < _more.Length && (_more[slot] & (1UL << (index % 64))) != 0;
    }
}
