using System.Threading;

namespace Sei.Generators.Reading;

/// <summary>
/// Repairs, on the parsed JSON, what would make Microsoft.OpenApi's reader throw instead of
/// reporting: a keyword with a value of the wrong type (<c>required: -1</c>), a schema that is not
/// an object (<c>properties: {name: null}</c>), a <c>$ref</c> that names nothing (<c>''</c>,
/// <c>#/components/schemas/</c>). Each repair is reported where it was made; the value is dropped,
/// or the schema left empty (JsonElement), and generation goes on with the rest of the document.
/// </summary>
/// <remarks>
/// Keywords are only checked where they are keywords: not in maps whose keys are names (a property
/// called <c>required</c> is fine), and not inside example data, defaults, enumerations or
/// extensions, which may hold anything.
/// </remarks>
internal static class DocumentRepair
{
    /// <summary>Objects whose keys are names chosen by the document's author, and whose values are of one kind.</summary>
    private static readonly HashSet<string> NameMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "definitions", "$defs", "schemas", "responses", "parameters", "requestBodies", "headers",
        "securitySchemes", "securityDefinitions", "links", "callbacks", "pathItems", "paths", "webhooks", "content", "encoding", "variables",
        "scopes", "mapping", "dependentSchemas",
    };

    /// <summary>Keys whose values are data, not OpenAPI: they may hold anything.</summary>
    private static readonly HashSet<string> DataKeys = new(StringComparer.Ordinal) { "example", "examples", "default", "enum", "const", "x-examples" };

    /// <summary>Name maps whose values are schemas.</summary>
    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal) { "properties", "patternProperties", "definitions", "$defs", "schemas", "dependentSchemas" };

    /// <summary>Keys whose value is one schema.</summary>
    private static readonly HashSet<string> SchemaKeys = new(StringComparer.Ordinal) { "schema", "items", "not", "additionalItems", "contains", "propertyNames", "if", "then", "else" };

    /// <summary>Keys whose value is a list of schemas.</summary>
    private static readonly HashSet<string> SchemaLists = new(StringComparer.Ordinal) { "allOf", "oneOf", "anyOf", "prefixItems" };

    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal) { "deprecated", "nullable", "readOnly", "writeOnly", "explode", "allowReserved", "allowEmptyValue", "uniqueItems" };

    private static readonly HashSet<string> Counts = new(StringComparer.Ordinal) { "maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties" };

    private static readonly HashSet<string> Numbers = new(StringComparer.Ordinal) { "maximum", "minimum", "multipleOf" };

    private static readonly HashSet<string> Strings = new(StringComparer.Ordinal) { "format", "pattern", "operationId", "in", "style", "description", "summary", "title", "collectionFormat" };

    public static void Repair(JsonObject root, DocumentVersion version, ProblemCollector problems, CancellationToken cancellationToken)
    {
        var isSwagger2 = version == DocumentVersion.Swagger2;
        var pending = new Stack<(JsonObject Node, string Pointer, bool IsSchema)>();
        pending.Push((root, string.Empty, false));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (node, pointer, isSchema) = pending.Pop();
            foreach (var pair in node.ToList())
            {
                var key = pair.Key;
                var value = pair.Value;
                var at = SourceMap.Append(pointer, key);
                if (DataKeys.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal))
                {
                    continue;
                }

                if (key == "$ref")
                {
                    RepairReference(node, value, at, problems);
                    continue;
                }

                if (WrongType(key, value, isSchema, isSwagger2) is { } expected)
                {
                    problems.AddInSource(DiagnosticIds.SpecificationViolation, at, "'" + key + "' with a value of the wrong type", "'" + key + "' must be " + expected + ", not " + Describe(value) + "; it was ignored.");
                    node.Remove(key);
                    continue;
                }

                if (key == "type" && version != DocumentVersion.OpenApi31 && (isSchema || isSwagger2) && value is JsonArray types)
                {
                    RepairTypeList(node, types, version, at, problems);
                    continue;
                }

                if (key == "items" && version != DocumentVersion.OpenApi31 && value is JsonArray { Count: 1 } tuple && tuple[0] is JsonObject only)
                {
                    // A list under items is a tuple (JSON Schema draft 4), which OpenAPI before 3.1 does not
                    // have. Authors mean a list of that one schema; it is read so, and said so.
                    problems.AddInSource(DiagnosticIds.SpecificationViolation, at, "'items' holding a list of schemas", "'items' must be one schema in " + version.Display() + ", not a list of them (a tuple needs OpenAPI 3.1's prefixItems); the list's only schema was used for every item.");
                    tuple.RemoveAt(0);
                    node[key] = only;
                    Descend(node, key, only, at, problems, pending);
                    continue;
                }

                if (SchemaKeys.Contains(key))
                {
                    Descend(node, key, value, at, problems, pending);
                }
                else if (SchemaLists.Contains(key) && value is JsonArray list)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        DescendItem(list, i, at + "/" + i, problems, pending);
                    }
                }
                else if (NameMaps.Contains(key) && value is JsonObject map)
                {
                    var valuesAreSchemas = SchemaMaps.Contains(key);
                    foreach (var entry in map.ToList())
                    {
                        var entryPointer = SourceMap.Append(at, entry.Key);
                        if (valuesAreSchemas)
                        {
                            Descend(map, entry.Key, entry.Value, entryPointer, problems, pending);
                        }
                        else if (entry.Value is JsonObject child)
                        {
                            pending.Push((child, entryPointer, false));
                        }
                    }
                }
                else if (value is JsonObject child)
                {
                    pending.Push((child, at, false));
                }
                else if (value is JsonArray array)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonObject element)
                        {
                            pending.Push((element, at + "/" + i, false));
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// A Boolean schema of OpenAPI 3.1 (JSON Schema: <c>true</c> allows any value, <c>false</c> none),
    /// written as the object schema that means the same, which Microsoft.OpenApi 3.11 reads without failing.
    /// </summary>
    private static JsonObject FromBoolean(bool allowsAnything)
        => allowsAnything ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() };

    /// <summary>A schema position: an object goes on to be checked; a Boolean (3.1) becomes its object form; anything else becomes an empty schema.</summary>
    private static void Descend(JsonObject owner, string key, JsonNode? value, string pointer, ProblemCollector problems, Stack<(JsonObject, string, bool)> pending)
    {
        if (AsSchema(value, pointer, problems, pending) is { } replacement)
        {
            owner[key] = replacement;
        }
    }

    /// <summary>The same, for an entry of a list of schemas (allOf, oneOf, anyOf, prefixItems).</summary>
    private static void DescendItem(JsonArray list, int index, string pointer, ProblemCollector problems, Stack<(JsonObject, string, bool)> pending)
    {
        if (AsSchema(list[index], pointer, problems, pending) is { } replacement)
        {
            list[index] = replacement;
        }
    }

    /// <summary>Queues an object schema for checking and returns null; for anything else, returns the object schema to put in its place.</summary>
    private static JsonObject? AsSchema(JsonNode? value, string pointer, ProblemCollector problems, Stack<(JsonObject, string, bool)> pending)
    {
        switch (value)
        {
            case JsonObject schema:
                pending.Push((schema, pointer, true));
                return null;
            case JsonValue boolean when boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return FromBoolean(boolean.GetValueKind() == JsonValueKind.True);
            default:
                problems.AddInSource(DiagnosticIds.SpecificationViolation, pointer, "a schema that is not an object", "A schema must be an object, not " + Describe(value) + "; an empty schema (any value) was used instead.");
                return new JsonObject();
        }
    }

    /// <summary>
    /// A <c>$ref</c> must be a string that names something: a local pointer with a name at its end
    /// (<c>#/components/schemas/Pet</c>), or a document and a pointer (<c>common.yaml#/Pet</c>,
    /// reported as external elsewhere). Others make the reader throw; they are dropped, and the
    /// object then stands for an empty schema.
    /// </summary>
    private static void RepairReference(JsonObject owner, JsonNode? value, string pointer, ProblemCollector problems)
    {
        var text = value is JsonValue scalar && scalar.TryGetValue<string>(out var s) ? s : null;
        if (text is not null && ReferenceCheck.IsUsable(text))
        {
            return;
        }

        problems.AddInSource(DiagnosticIds.UnresolvedReference, pointer, null, text is null ? Describe(value) : text.Length > 80 ? text.Substring(0, 80) + "..." : text);
        owner.Remove("$ref");
    }

    /// <summary>
    /// A list of types before OpenAPI 3.1, where <c>type</c> is one name; Microsoft.OpenApi's 2.0 and 3.0
    /// readers cannot read it. A list of one type, perhaps with "null", becomes that type, nullable
    /// the way the version says it (<c>x-nullable</c> in 2.0, <c>nullable</c> in 3.0), which means the
    /// same: the client is whole (SEI1007). Any other list is dropped, leaving a schema that allows
    /// any value (SEI1004).
    /// </summary>
    private static void RepairTypeList(JsonObject owner, JsonArray types, DocumentVersion version, string pointer, ProblemCollector problems)
    {
        const string Kind = "a list of types where one type belongs";

        // WrongType has already dropped a list that holds anything but strings.
        var names = types.Select(t => t!.GetValue<string>()).ToList();
        var nullable = names.Contains("null");
        var others = names.Where(n => n != "null").Distinct(StringComparer.Ordinal).ToList();
        var described = "'type' is one type name in " + version.Display() + ", not a list (a list of types needs OpenAPI 3.1)";
        if (others.Count == 1)
        {
            var nullableKey = version == DocumentVersion.Swagger2 ? "x-nullable" : "nullable";
            owner["type"] = others[0];
            if (nullable)
            {
                owner[nullableKey] = true;
            }

            problems.AddInSource(DiagnosticIds.SpecificationNotFollowed, pointer, Kind, described + "; it was read as '" + others[0] + "'" + (nullable ? " that may be null, which '" + nullableKey + ": true' says in " + version.Display() + "." : "."));
            return;
        }

        owner.Remove("type");
        problems.AddInSource(DiagnosticIds.SpecificationViolation, pointer, Kind, described + "; it was ignored, so the value may be any JSON.");
    }

    /// <summary>What a keyword's value should have been, when it is not; null when it is fine (or not a keyword we check).</summary>
    private static string? WrongType(string key, JsonNode? value, bool isSchema, bool isSwagger2)
    {
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        bool Is(params JsonValueKind[] kinds) => kinds.Contains(kind);
        return key switch
        {
            _ when Booleans.Contains(key) => Is(JsonValueKind.True, JsonValueKind.False) ? null : "true or false",
            _ when Counts.Contains(key) => kind == JsonValueKind.Number && AsNumber(value) is { } count && count >= 0 && count <= int.MaxValue && Math.Floor(count) == count ? null : "a whole number of at least 0",
            _ when Numbers.Contains(key) => kind == JsonValueKind.Number && AsNumber(value) is { } number && !double.IsInfinity(number) ? null : "a number",
            _ when Strings.Contains(key) => kind == JsonValueKind.String ? null : "a string",
            "required" => Is(JsonValueKind.True, JsonValueKind.False) || (kind == JsonValueKind.Array && value!.AsArray().All(e => e?.GetValueKind() == JsonValueKind.String)) ? null : "true or false, or a list of property names",
            "exclusiveMinimum" or "exclusiveMaximum" => Is(JsonValueKind.True, JsonValueKind.False, JsonValueKind.Number) ? null : "true or false, or a number",
            "additionalProperties" or "unevaluatedProperties" => Is(JsonValueKind.True, JsonValueKind.False, JsonValueKind.Object) ? null : "true, false or a schema",
            "type" when isSchema || isSwagger2 => kind == JsonValueKind.String || (kind == JsonValueKind.Array && value!.AsArray().All(e => e?.GetValueKind() == JsonValueKind.String)) ? null : "a type name or a list of them",
            "discriminator" when isSchema && !isSwagger2 => kind == JsonValueKind.Object ? null : "an object with a propertyName",
            "discriminator" when isSchema => kind == JsonValueKind.String ? null : "a property name",
            "servers" or "tags" or "security" or "allOf" or "oneOf" or "anyOf" when !Is(JsonValueKind.Array) => "a list",
            "info" or "components" or "paths" or "properties" or "responses" or "content" when !Is(JsonValueKind.Object) => "an object",
            "parameters" when !Is(JsonValueKind.Array, JsonValueKind.Object) => "a list or an object",
            _ => null,
        };
    }

    /// <summary>
    /// A number node's value, however it was made: nodes parsed from JSON hold a JsonElement, nodes
    /// converted from YAML hold a CLR number of whichever type the converter chose.
    /// </summary>
    private static double? AsNumber(JsonNode? value)
        => value is not null && double.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string Describe(JsonNode? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = value.ToJsonString();
        return text.Length > 40 ? text.Substring(0, 40) + "..." : text;
    }
}
