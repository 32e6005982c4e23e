namespace Sei.Client.Http;

/// <summary>The three shapes of value OpenAPI's style rules tell apart.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum SeiParameterShape
{
    /// <summary>One primitive value (string, number, Boolean, enumeration value).</summary>
    Primitive = 0,

    /// <summary>An array of primitive values.</summary>
    Array = 1,

    /// <summary>An object (or map) of primitive values, in order.</summary>
    Object = 2,
}

/// <summary>
/// A parameter's value, already formatted as text (invariant culture, ISO 8601 dates), in the shape
/// the style rules need: one value, a list, or an object's name-value pairs. Generated clients
/// build one per call; <see cref="SeiRequestBuilder"/> lays it out in the declared style.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SeiParameterValue
{
    private static readonly IReadOnlyList<string> NoItems = System.Array.Empty<string>();
    private static readonly IReadOnlyList<KeyValuePair<string, string>> NoProperties = System.Array.Empty<KeyValuePair<string, string>>();

    private SeiParameterValue(SeiParameterShape shape, string scalar, IReadOnlyList<string> items, IReadOnlyList<KeyValuePair<string, string>> properties, IReadOnlyList<KeyValuePair<IReadOnlyList<string>, string>>? deepProperties = null)
    {
        Shape = shape;
        Scalar = scalar;
        Items = items;
        Properties = properties;
        DeepProperties = deepProperties;
    }

    /// <summary>Gets the value's shape.</summary>
    public SeiParameterShape Shape { get; }

    /// <summary>Gets the value of a primitive, or the empty string for the other shapes.</summary>
    public string Scalar { get; }

    /// <summary>Gets the items of an array, or none for the other shapes.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>Gets the name-value pairs of an object, or none for the other shapes.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; }

    /// <summary>
    /// Gets, for a value read from JSON that nests, every leaf under its path of member names and indexes
    /// (<c>[a, b]</c> for <c>name[a][b]</c>, <c>[a, 0]</c> for <c>name[a][0]</c>), which is how <c>deepObject</c>
    /// lays nested objects out; <see langword="null"/> when the value does not nest.
    /// </summary>
    internal IReadOnlyList<KeyValuePair<IReadOnlyList<string>, string>>? DeepProperties { get; }

    /// <summary>Gets a value indicating whether an array or object has no members (OpenAPI calls such a value undefined).</summary>
    public bool IsEmpty => Shape switch
    {
        SeiParameterShape.Array => Items.Count == 0,
        SeiParameterShape.Object => Properties.Count == 0,
        _ => false,
    };

    /// <summary>Creates a primitive value.</summary>
    /// <param name="value">The formatted value.</param>
    /// <returns>The value.</returns>
    public static SeiParameterValue Primitive(string value)
        => new(SeiParameterShape.Primitive, value ?? throw new ArgumentNullException(nameof(value)), NoItems, NoProperties);

    /// <summary>Creates an array value.</summary>
    /// <param name="items">The formatted items, in order.</param>
    /// <returns>The value.</returns>
    public static SeiParameterValue Array(IEnumerable<string> items)
        => new(SeiParameterShape.Array, string.Empty, (items ?? throw new ArgumentNullException(nameof(items))).ToList(), NoProperties);

    /// <summary>Creates an object value; members whose value is <see langword="null"/> (not set) are left out.</summary>
    /// <param name="properties">The members' wire names and formatted values, in order.</param>
    /// <returns>The value.</returns>
    public static SeiParameterValue Object(IEnumerable<KeyValuePair<string, string?>> properties)
    {
        if (properties is null)
        {
            throw new ArgumentNullException(nameof(properties));
        }

        var present = new List<KeyValuePair<string, string>>();
        foreach (var property in properties)
        {
            if (property.Value is not null)
            {
                present.Add(new KeyValuePair<string, string>(property.Key, property.Value));
            }
        }

        return new(SeiParameterShape.Object, string.Empty, NoItems, present);
    }

    /// <summary>
    /// Creates a value from its JSON form, for objects, maps and unions, whose shape may only be known when
    /// the call is made: a JSON string, number or Boolean becomes a primitive, an array an array, an object
    /// an object. Members that are themselves arrays or objects keep their JSON text, except in the
    /// <c>deepObject</c> style, which nests brackets (<c>name[a][b]=value</c>, <c>name[a][0]=value</c>).
    /// </summary>
    /// <param name="write">Writes exactly one JSON value.</param>
    /// <returns>The value, or <see langword="null"/> when the JSON value is <c>null</c>.</returns>
    public static SeiParameterValue? FromJson(Action<Utf8JsonWriter> write)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        using var document = JsonDocument.Parse(Json.SeiJsonWrite.ToBytes(write));
        var root = document.RootElement;
        switch (root.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            case JsonValueKind.Array:
                var items = root.EnumerateArray().Where(item => item.ValueKind != JsonValueKind.Null).Select(Text).ToList();
                return new(SeiParameterShape.Array, string.Empty, items, NoProperties, Nests(root) ? Leaves(root) : null);
            case JsonValueKind.Object:
                var properties = root.EnumerateObject().Where(property => property.Value.ValueKind != JsonValueKind.Null)
                    .Select(property => new KeyValuePair<string, string>(property.Name, Text(property.Value))).ToList();
                return new(SeiParameterShape.Object, string.Empty, NoItems, properties, Nests(root) ? Leaves(root) : null);
            default:
                return Primitive(Text(root));
        }
    }

    /// <summary>A member as text: strings without their quotes, numbers and Booleans as written, arrays and objects as JSON.</summary>
    private static string Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };

    private static bool Nests(JsonElement container)
        => (container.ValueKind == JsonValueKind.Array ? container.EnumerateArray() : container.EnumerateObject().Select(p => p.Value))
            .Any(member => member.ValueKind is JsonValueKind.Array or JsonValueKind.Object);

    /// <summary>Every non-null leaf of a container under its bracket path, depth first, in document order.</summary>
    private static List<KeyValuePair<IReadOnlyList<string>, string>> Leaves(JsonElement container)
    {
        var leaves = new List<KeyValuePair<IReadOnlyList<string>, string>>();
        var pending = new Stack<(string[] Path, JsonElement Element)>();
        pending.Push((System.Array.Empty<string>(), container));
        while (pending.Count > 0)
        {
            var (path, element) = pending.Pop();
            var children = new List<(string[], JsonElement)>();
            if (element.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    children.Add((Join(path, index++.ToString(System.Globalization.CultureInfo.InvariantCulture)), item));
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    children.Add((Join(path, property.Name), property.Value));
                }
            }
            else if (element.ValueKind != JsonValueKind.Null && path.Length > 0)
            {
                leaves.Add(new KeyValuePair<IReadOnlyList<string>, string>(path, Text(element)));
                continue;
            }

            // Pushed in reverse, so the stack gives them back in document order.
            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }

        return leaves;
    }

    private static string[] Join(string[] path, string segment)
    {
        var joined = new string[path.Length + 1];
        path.CopyTo(joined, 0);
        joined[path.Length] = segment;
        return joined;
    }
}
