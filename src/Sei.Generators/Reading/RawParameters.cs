namespace Sei.Generators.Reading;

/// <summary>
/// What a parameter or header says in the document's own text, for what Microsoft.OpenApi's object
/// model does not keep: the <c>style</c> as written (an unknown value reads back as <c>form</c>),
/// whether <c>explode</c> was written at all, Swagger 2.0's <c>collectionFormat</c> (the reader turns
/// <c>csv</c> into an exploded <c>form</c>, and throws on <c>tsv</c>), and 2.0's <c>maxItems</c>, which
/// it drops. <see cref="Pointer"/> says where the object stands, after any <c>$ref</c>.
/// </summary>
internal sealed record RawParameter(
    string Pointer,
    string? Style,
    bool? Explode,
    bool? AllowReserved,
    string? CollectionFormat,
    int? MaxItems,
    int? MaxLength,
    string? ItemsCollectionFormat,
    int? ItemsMaxLength);

/// <summary>
/// The parsed JSON of a document, kept beside the OpenAPI object model so that Building can read what
/// the model lost (see <see cref="RawParameter"/>) without a second parse. Created before the reader
/// runs: for Swagger 2.0 it replaces <c>collectionFormat: tsv</c>, which makes the reader throw, by
/// <c>csv</c>, and remembers the original.
/// </summary>
internal sealed class RawDocument
{
    private const int MaxReferenceHops = 16;

    private readonly JsonObject _root;
    private readonly Dictionary<string, string> _replacedFormats;

    private RawDocument(JsonObject root, bool isSwagger2, Dictionary<string, string> replacedFormats)
    {
        _root = root;
        IsSwagger2 = isSwagger2;
        _replacedFormats = replacedFormats;
    }

    /// <summary>Gets a value indicating whether the document is Swagger 2.0.</summary>
    public bool IsSwagger2 { get; }

    /// <summary>Takes the parsed document; for Swagger 2.0, takes <c>tsv</c> out of the reader's way first.</summary>
    public static RawDocument Capture(JsonObject root, bool isSwagger2)
    {
        var replaced = new Dictionary<string, string>(StringComparer.Ordinal);
        if (isSwagger2)
        {
            var pending = new Stack<(JsonNode Node, string Pointer)>();
            pending.Push((root, string.Empty));
            while (pending.Count > 0)
            {
                var (node, pointer) = pending.Pop();
                if (node is JsonObject obj)
                {
                    if (obj.TryGetPropertyValue("collectionFormat", out var format) && format is JsonValue value
                        && value.TryGetValue<string>(out var text) && text == "tsv")
                    {
                        replaced[pointer] = text;
                        obj["collectionFormat"] = "csv";
                    }

                    foreach (var property in obj)
                    {
                        if (property.Value is not null && !IsData(property.Key))
                        {
                            pending.Push((property.Value, SourceMap.Append(pointer, property.Key)));
                        }
                    }
                }
                else if (node is JsonArray array)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is { } item)
                        {
                            pending.Push((item, pointer + "/" + i.ToString(CultureInfo.InvariantCulture)));
                        }
                    }
                }
            }
        }

        return new RawDocument(root, isSwagger2, replaced);
    }

    /// <summary>
    /// The parameter an operation declares by name and location (<c>query</c>, <c>formData</c>, ...): the
    /// operation's own list first, then its path item's, following <c>$ref</c>s.
    /// </summary>
    public RawParameter? FindParameter(string path, string method, string name, string location)
    {
        var pathPointer = "/paths/" + SourceMap.EscapeSegment(path);
        foreach (var listPointer in new[] { pathPointer + "/" + method + "/parameters", pathPointer + "/parameters" })
        {
            if (At(listPointer) is not JsonArray list)
            {
                continue;
            }

            for (var i = 0; i < list.Count; i++)
            {
                var (target, pointer) = Resolve(list[i], listPointer + "/" + i.ToString(CultureInfo.InvariantCulture));
                if (target is not null && Text(target, "name") == name && Text(target, "in") == location)
                {
                    return Describe(target, pointer);
                }
            }
        }

        return null;
    }

    /// <summary>A header a response declares (the response found by status code, following <c>$ref</c>s), or <see langword="null"/>.</summary>
    public RawParameter? FindResponseHeader(string path, string method, string status, string header)
    {
        var responsePointer = "/paths/" + SourceMap.EscapeSegment(path) + "/" + method + "/responses/" + SourceMap.EscapeSegment(status);
        var (response, pointer) = Resolve(At(responsePointer), responsePointer);
        if (response?["headers"] is not JsonObject headers)
        {
            return null;
        }

        foreach (var pair in headers)
        {
            if (string.Equals(pair.Key, header, StringComparison.OrdinalIgnoreCase))
            {
                var (target, headerPointer) = Resolve(pair.Value, pointer + "/headers/" + SourceMap.EscapeSegment(pair.Key));
                return target is null ? null : Describe(target, headerPointer);
            }
        }

        return null;
    }

    /// <summary>
    /// The <c>encoding</c> entry of one property of a request body's media type, following <c>$ref</c>s to
    /// the body; its <c>style</c>, <c>explode</c> and <c>allowReserved</c> are <see langword="null"/> unless written.
    /// </summary>
    public RawParameter? FindEncoding(string path, string method, string mediaType, string property)
    {
        var bodyPointer = "/paths/" + SourceMap.EscapeSegment(path) + "/" + method + "/requestBody";
        var (body, pointer) = Resolve(At(bodyPointer), bodyPointer);
        var encodingPointer = pointer + "/content/" + SourceMap.EscapeSegment(mediaType) + "/encoding/" + SourceMap.EscapeSegment(property);
        return body?["content"]?[mediaType]?["encoding"]?[property] is JsonObject encoding ? Describe(encoding, encodingPointer) : null;
    }

    private RawParameter Describe(JsonObject parameter, string pointer)
    {
        var items = parameter["items"] as JsonObject;
        return new RawParameter(
            pointer,
            Text(parameter, "style"),
            Boolean(parameter, "explode"),
            Boolean(parameter, "allowReserved"),
            _replacedFormats.TryGetValue(pointer, out var original) ? original : Text(parameter, "collectionFormat"),
            Count(parameter, "maxItems"),
            Count(parameter, "maxLength"),
            items is null ? null : _replacedFormats.TryGetValue(pointer + "/items", out var itemsOriginal) ? itemsOriginal : Text(items, "collectionFormat"),
            items is null ? null : Count(items, "maxLength"));
    }

    /// <summary>Follows local <c>$ref</c>s to the object they name, a bounded number of times.</summary>
    private (JsonObject? Target, string Pointer) Resolve(JsonNode? node, string pointer)
    {
        for (var hops = 0; hops < MaxReferenceHops; hops++)
        {
            if (node is not JsonObject obj)
            {
                return (null, pointer);
            }

            if (Text(obj, "$ref") is not { } reference)
            {
                return (obj, pointer);
            }

            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return (null, pointer);
            }

            pointer = Uri.UnescapeDataString(reference.Substring(1));
            node = At(pointer);
        }

        return (null, pointer);
    }

    private JsonNode? At(string pointer)
    {
        JsonNode? node = _root;
        foreach (var segment in SourceMap.SplitPointer(pointer))
        {
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray array => int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count ? array[index] : null,
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static string? Text(JsonObject obj, string key)
        => obj.TryGetPropertyValue(key, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool? Boolean(JsonObject obj, string key)
        => obj.TryGetPropertyValue(key, out var node) && node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    private static int? Count(JsonObject obj, string key)
    {
        if (!obj.TryGetPropertyValue(key, out var node) || node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<int>(out var count))
        {
            return count;
        }

        // YAML documents arrive as JSON nodes whose numbers may be held as other numeric types or text.
        return value.TryGetValue<double>(out var number) && number >= 0 && number <= int.MaxValue && Math.Floor(number) == number ? (int)number
            : value.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    /// <summary>Members that hold example or extension data, where keys are not keywords.</summary>
    private static bool IsData(string key)
        => key is "example" or "examples" or "default" or "enum" or "const" or "x-examples" || key.StartsWith("x-", StringComparison.Ordinal);
}
