namespace Sei.Generators.Reading;

/// <summary>
/// Turns pointers into the OpenAPI object model of a Swagger 2.0 document back into pointers into
/// its text. Microsoft.OpenApi reads 2.0 into the 3.x model, so what the builder and the reader's
/// validation rules see has another shape than what the author wrote: <c>/components/schemas/X</c>
/// is <c>/definitions/X</c>; a request body is the <c>in: body</c> parameter, or the
/// <c>in: formData</c> parameters; a response's <c>content/{type}/schema</c> is its <c>schema</c>;
/// a non-body parameter's <c>schema</c> is the parameter itself; and the parameter lists of the
/// model lack the body and form parameters, so their indices differ from the document's.
/// Without this, such problems would be located at the nearest ancestor both shapes share, often
/// the document itself.
/// </summary>
/// <remarks>
/// Only what the translation needs is kept (the parameter lists' layout), not the document.
/// Parameter indices mean different things in the two shapes, so a pointer must be known to be of
/// the model's shape before it comes here: reading reports pointers of the document's shape with
/// <see cref="ProblemCollector.AddInSource"/>, which skips this translation.
/// </remarks>
internal sealed class Swagger2Pointers
{
    private readonly Dictionary<string, ParameterList> _lists = new(StringComparer.Ordinal);
    private readonly HashSet<string> _bodyComponents = new(StringComparer.Ordinal);
    private readonly string _serverPointer;

    public Swagger2Pointers(JsonObject root)
    {
        var globals = root["parameters"] as JsonObject;
        if (globals is not null)
        {
            foreach (var pair in globals)
            {
                if (In(pair.Value, globals) == "body")
                {
                    _bodyComponents.Add(pair.Key);
                }
            }
        }

        if (root["paths"] is JsonObject paths)
        {
            foreach (var path in paths)
            {
                if (path.Value is not JsonObject item)
                {
                    continue;
                }

                var pathPointer = "/paths/" + SourceMap.EscapeSegment(path.Key);
                foreach (var member in item)
                {
                    if (member.Key == "parameters")
                    {
                        Record(pathPointer + "/parameters", member.Value, globals);
                    }
                    else if (member.Value is JsonObject operation)
                    {
                        Record(SourceMap.Append(pathPointer, member.Key) + "/parameters", operation["parameters"], globals);
                    }
                }
            }
        }

        _serverPointer = root.ContainsKey("host") ? "/host" : root.ContainsKey("basePath") ? "/basePath" : root.ContainsKey("schemes") ? "/schemes" : string.Empty;
    }

    /// <summary>The pointer into the document's text for a pointer into its 3.x object model.</summary>
    public string ToSource(string pointer)
    {
        var segments = SourceMap.SplitPointer(pointer);
        if (segments.Count == 0)
        {
            return pointer;
        }

        switch (segments[0])
        {
            case "components" when segments.Count >= 3:
                return Component(segments);
            case "servers":
                return _serverPointer;
            case "paths" when segments.Count >= 3:
                return InPath(segments);
            default:
                return pointer;
        }
    }

    private static string Join(IEnumerable<string> segments) => string.Concat(segments.Select(s => "/" + SourceMap.EscapeSegment(s)));

    private static string? In(JsonNode? parameter, JsonObject? globals)
    {
        if (parameter is not JsonObject obj)
        {
            return null;
        }

        if (obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target) && target.StartsWith("#/parameters/", StringComparison.Ordinal))
        {
            obj = globals?[SourceMap.UnescapeSegment(target.Substring("#/parameters/".Length))] as JsonObject ?? obj;
        }

        return obj["in"] is JsonValue value && value.TryGetValue<string>(out var location) ? location : null;
    }

    private static string? Name(JsonNode? parameter) => parameter is JsonObject obj && obj["name"] is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;

    private void Record(string listPointer, JsonNode? list, JsonObject? globals)
    {
        if (list is not JsonArray parameters)
        {
            return;
        }

        var layout = new ParameterList();
        for (var i = 0; i < parameters.Count; i++)
        {
            switch (In(parameters[i], globals))
            {
                case "body":
                    layout.Body ??= i;
                    break;
                case "formData":
                    if (Name(parameters[i]) is { } name && !layout.Form.ContainsKey(name))
                    {
                        layout.Form[name] = i;
                    }

                    break;
                default:
                    layout.ModelToSource.Add(i);
                    break;
            }
        }

        _lists[listPointer] = layout;
    }

    private string Component(List<string> segments)
    {
        var name = segments[2];
        var rest = segments.Skip(3).ToList();
        switch (segments[1])
        {
            case "schemas":
                return "/definitions/" + SourceMap.EscapeSegment(name) + Join(rest);
            case "parameters":
                return "/parameters/" + SourceMap.EscapeSegment(name) + ParameterRest(rest, _bodyComponents.Contains(name));
            case "requestBodies":
                return "/parameters/" + SourceMap.EscapeSegment(name) + BodyRest(rest);
            case "responses":
                return "/responses/" + SourceMap.EscapeSegment(name) + ResponseRest(rest);
            case "securitySchemes":
                // 3.x nests a flow's URLs and scopes under flows/{flow}; 2.0 has them on the scheme itself.
                // The scheme's own fields (type, name, in, description) stand where they do in 3.x; one
                // 2.0 lacks (bearerFormat) is located at its deepest ancestor, the scheme.
                var field = rest.Count > 0 && rest[0] == "flows" ? (rest.Count >= 3 ? Join(rest.Skip(2)) : string.Empty) : Join(rest);
                return "/securityDefinitions/" + SourceMap.EscapeSegment(name) + field;
            default:
                return string.Empty;
        }
    }

    private string InPath(List<string> segments)
    {
        var pathPointer = "/paths/" + SourceMap.EscapeSegment(segments[1]);
        if (segments[2] == "parameters")
        {
            return Parameter(pathPointer + "/parameters", segments.Skip(3).ToList()) ?? pathPointer + "/parameters";
        }

        var operationPointer = SourceMap.Append(pathPointer, segments[2]);
        if (segments.Count < 4)
        {
            return operationPointer;
        }

        var rest = segments.Skip(4).ToList();
        switch (segments[3])
        {
            case "parameters":
                return Parameter(operationPointer + "/parameters", rest) ?? operationPointer + "/parameters";
            case "requestBody":
                return RequestBody(operationPointer, pathPointer, rest);
            case "responses" when rest.Count >= 1:
                return operationPointer + "/responses/" + SourceMap.EscapeSegment(rest[0]) + ResponseRest(rest.Skip(1).ToList());
            default:
                return Join(segments);
        }
    }

    /// <summary>A model parameter index and what follows it, in the document's list; null when the list is unknown.</summary>
    private string? Parameter(string listPointer, List<string> rest)
    {
        if (rest.Count == 0 || !_lists.TryGetValue(listPointer, out var layout))
        {
            return null;
        }

        if (!int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= layout.ModelToSource.Count)
        {
            return listPointer;
        }

        return listPointer + "/" + layout.ModelToSource[index].ToString(CultureInfo.InvariantCulture) + ParameterRest(rest.Skip(1).ToList(), isBody: false);
    }

    /// <summary>The body parameter of an operation (or of its path), or for a form body the parameter of the named field.</summary>
    private string RequestBody(string operationPointer, string pathPointer, List<string> rest)
    {
        foreach (var listPointer in new[] { operationPointer + "/parameters", pathPointer + "/parameters" })
        {
            if (!_lists.TryGetValue(listPointer, out var layout))
            {
                continue;
            }

            if (layout.Body is { } body)
            {
                return listPointer + "/" + body.ToString(CultureInfo.InvariantCulture) + BodyRest(rest);
            }

            // content/{type}/schema/properties/{field}/...: the form field's own parameter.
            if (rest.Count >= 5 && rest[0] == "content" && rest[2] == "schema" && rest[3] == "properties" && layout.Form.TryGetValue(rest[4], out var field))
            {
                return listPointer + "/" + field.ToString(CultureInfo.InvariantCulture) + ParameterRest(new[] { "schema" }.Concat(rest.Skip(5)).ToList(), isBody: false);
            }

            if (layout.Form.Count > 0)
            {
                return listPointer;
            }
        }

        return operationPointer;
    }

    /// <summary>Within a parameter: a non-body parameter holds its schema's keywords itself.</summary>
    private static string ParameterRest(List<string> rest, bool isBody)
        => !isBody && rest.Count > 0 && rest[0] == "schema" ? Join(rest.Skip(1)) : Join(rest);

    /// <summary>Within a body: content/{type}/schema/... is the body parameter's schema/....</summary>
    private static string BodyRest(List<string> rest)
        => rest.Count >= 3 && rest[0] == "content" && rest[2] == "schema" ? "/schema" + Join(rest.Skip(3)) : string.Empty;

    /// <summary>Within a response: content/{type}/schema/... is schema/...; a header's schema/... is the header itself.</summary>
    private static string ResponseRest(List<string> rest)
    {
        if (rest.Count >= 1 && rest[0] == "content")
        {
            return rest.Count >= 3 && rest[2] == "schema" ? "/schema" + Join(rest.Skip(3)) : string.Empty;
        }

        if (rest.Count >= 2 && rest[0] == "headers")
        {
            return "/headers/" + SourceMap.EscapeSegment(rest[1]) + ParameterRest(rest.Skip(2).ToList(), isBody: false);
        }

        return Join(rest);
    }

    /// <summary>How one parameter list of the document maps to the model's.</summary>
    private sealed class ParameterList
    {
        /// <summary>The document's index of each parameter the model keeps, by the model's index.</summary>
        public List<int> ModelToSource { get; } = new();

        public int? Body { get; set; }

        public Dictionary<string, int> Form { get; } = new(StringComparer.Ordinal);
    }
}
