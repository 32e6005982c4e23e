using Microsoft.OpenApi;
using Sei.Generators.Emitting;
using Sei.Generators.Reading;

namespace Sei.Generators.Building;

/// <summary>
/// Building, for schemas: maps OpenAPI schemas to <see cref="TypeRef"/>s and collects the type
/// declarations they need. Component schemas are declared once and shared; inline schemas are
/// declared under a name made from where they stand (<c>AccountOwner</c> for the <c>owner</c>
/// property of <c>Account</c>). Recursion is bounded, and cycles resolve to the named type.
/// </summary>
internal sealed partial class SchemaMapper
{
    /// <summary>Deeper nesting than this is reported and mapped to JsonElement, so hostile documents cannot exhaust the stack.</summary>
    private const int MaxDepth = 64;

    /// <summary>How a reference to a component schema starts (Swagger 2.0's definitions are read into components too).</summary>
    private const string ComponentKeyPrefix = "#/components/schemas/";

    private readonly ProblemCollector _problems;
    private readonly bool _isSwagger2;

    /// <summary>Gets a value indicating whether the document is Swagger 2.0 (read into the OpenAPI 3 model).</summary>
    public bool IsSwagger2 => _isSwagger2;
    private readonly NameScope _typeNames;
    private readonly Dictionary<string, string> _componentNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _byReference = new(StringComparer.Ordinal);
    private readonly HashSet<string> _aliasesInProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeDeclaration> _declarations = new(StringComparer.Ordinal);
    private readonly List<string> _declarationOrder = new();
    private readonly HashSet<string> _objectsInProgress = new(StringComparer.Ordinal);

    /// <summary>Objects whose allOf base is being resolved right now: meeting one of them again is an inheritance cycle.</summary>
    private readonly HashSet<string> _basesInProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Value, string Key)>> _discriminatorMappings = new(StringComparer.Ordinal);

    /// <summary>The references that type a value somewhere (a property, an item, a parameter, a body, a response), not only a base class.</summary>
    private readonly HashSet<string> _typingValues = new(StringComparer.Ordinal);

    /// <summary>The IDs of the component schemas mapped so far, whether or not each declared a type.</summary>
    private readonly HashSet<string> _mappedComponents = new(StringComparer.Ordinal);
    private int _depth;

    public SchemaMapper(ProblemCollector problems, bool isSwagger2, IEnumerable<string> reservedTypeNames)
    {
        _problems = problems;
        _isSwagger2 = isSwagger2;
        // A schema named like the client, its registration or a member generated types declare is the document's schema of that name: "PaymentsClientSchema".
        _typeNames = new NameScope("Schema", reservedTypeNames.Concat(GeneratedNames.TypeMemberNames), keepsCase: false);
    }

    public IEnumerable<TypeDeclaration> Declarations => _declarationOrder.Select(name => _declarations[name]);

    /// <summary>Gets the IDs of the component schemas mapped so far: all of them, unless only what some operations reach was mapped.</summary>
    public IReadOnlyCollection<string> MappedComponents => _mappedComponents;

    /// <summary>Reserves the names of all component schemas first, so inline schemas never take a component's name.</summary>
    public void ReserveComponentNames(IEnumerable<string> componentIds)
    {
        foreach (var id in componentIds)
        {
            _componentNames[id] = _typeNames.Claim(id, Spelling.Name, "Schema");
        }
    }

    public string ComponentPointer(string id) => (_isSwagger2 ? "/definitions/" : "/components/schemas/") + SourceMap.EscapeSegment(id);

    /// <summary>Maps a component schema by its ID, declaring its type if it needs one.</summary>
    public TypeRef MapComponent(string id, IOpenApiSchema schema)
    {
        var key = ComponentKeyPrefix + id;
        if (_byReference.TryGetValue(key, out var known))
        {
            return known;
        }

        try
        {
            return MapReferenced(key, id, schema, ComponentPointer(id));
        }
        catch (InvalidOperationException exception) when (IsUnresolvableReference(exception))
        {
            _problems.Add(DiagnosticIds.ReferencesUnresolvable, ComponentPointer(id), ComponentPointer(id));
            _mappedComponents.Add(id);
            _byReference[key] = TypeRef.Any;
            return TypeRef.Any;
        }
    }

    /// <summary>
    /// Microsoft.OpenApi throws <see cref="InvalidOperationException"/> when a reference leads only to
    /// references (a cycle of them). Reading cuts every such cycle among component schemas before the
    /// reader sees the document (<see cref="ReferenceChains"/>), so this is a safety net for shapes no
    /// known document has: it is told apart from our own faults by where it was thrown, not by its
    /// message, and costs one schema (as JsonElement) instead of the whole client.
    /// </summary>
    private static bool IsUnresolvableReference(InvalidOperationException exception)
        => exception.TargetSite?.DeclaringType?.Assembly == typeof(OpenApiSchemaReference).Assembly;

    public TypeRef Map(IOpenApiSchema? schema, string nameHint, string pointer) => Map(schema, nameHint, pointer, asBase: false);

    /// <param name="schema">The schema.</param>
    /// <param name="nameHint">The name of the type it declares, if it declares one and has no name of its own.</param>
    /// <param name="pointer">Where it stands.</param>
    /// <param name="asBase">Whether it is mapped to be derived from (see <see cref="FindBase"/>), rather than to type a value.</param>
    private TypeRef Map(IOpenApiSchema? schema, string nameHint, string pointer, bool asBase)
    {
        if (schema is null)
        {
            return TypeRef.Any;
        }

        if (_depth >= MaxDepth)
        {
            _problems.Add(DiagnosticIds.SchemaTooDeep, pointer, pointer, MaxDepth.ToString(CultureInfo.InvariantCulture));
            return TypeRef.Any;
        }

        _depth++;
        try
        {
            if (schema is OpenApiSchemaReference reference)
            {
                return MapReference(reference, nameHint, pointer, asBase);
            }

            return MapInline(schema, nameHint, pointer, referenceKey: null);
        }
        catch (InvalidOperationException exception) when (IsUnresolvableReference(exception))
        {
            _problems.Add(DiagnosticIds.ReferencesUnresolvable, pointer, pointer);
            return TypeRef.Any;
        }
        finally
        {
            _depth--;
        }
    }

    public TypeDeclaration? FindDeclaration(string name) => _declarations.TryGetValue(name, out var declaration) ? declaration : null;

    private TypeRef MapReference(OpenApiSchemaReference reference, string nameHint, string pointer, bool asBase)
    {
        var id = reference.Reference?.Id;
        var key = reference.Reference?.ReferenceV3 ?? (id is null ? null : ComponentKeyPrefix + id);
        if (!asBase && key is not null)
        {
            _typingValues.Add(key);
        }

        IOpenApiSchema? target;
        try
        {
            target = reference.Target;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            target = null;
        }

        if (target is null || key is null)
        {
            if (key is null || key.StartsWith("#", StringComparison.Ordinal))
            {
                _problems.Add(DiagnosticIds.UnresolvedReference, pointer, key ?? "(empty)");
            }

            return TypeRef.Any;
        }

        if (_byReference.TryGetValue(key, out var known))
        {
            return known;
        }

        var componentPointer = id is not null && key.StartsWith(ComponentKeyPrefix, StringComparison.Ordinal) ? ComponentPointer(id) : pointer;
        return MapReferenced(key, id ?? nameHint, target, componentPointer);
    }

    private TypeRef MapReferenced(string key, string id, IOpenApiSchema target, string pointer)
    {
        if (!_aliasesInProgress.Add(key))
        {
            // A schema that is only an alias of itself (A: {$ref: A}, or A: array of A) has no finite C# shape.
            _problems.Add(DiagnosticIds.SchemaRefersOnlyToItself, pointer, id);
            return TypeRef.Any;
        }

        if (key.StartsWith(ComponentKeyPrefix, StringComparison.Ordinal))
        {
            _mappedComponents.Add(id);
        }

        try
        {
            var name = _componentNames.TryGetValue(id, out var reserved) ? reserved : Identifiers.ToPascalCase(id, "Schema");
            var result = MapInline(target, name, pointer, key, reservedName: _componentNames.ContainsKey(id) ? reserved : null);
            _byReference[key] = result;
            return result;
        }
        finally
        {
            _aliasesInProgress.Remove(key);
        }
    }

    private TypeRef MapInline(IOpenApiSchema schema, string nameHint, string pointer, string? referenceKey, string? reservedName = null)
    {
        var nullable = HasType(schema, JsonSchemaType.Null);

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            if (allOf.Count == 1 && IsEmpty(schema.Properties) && IsEmpty(schema.OneOf) && IsEmpty(schema.AnyOf))
            {
                // "allOf: [$ref]" is how 3.0 documents add nullable, a description or a default beside a reference.
                var single = Map(allOf[0], nameHint, pointer + "/allOf/0");
                return single.AsNullable(nullable || single.IsNullable);
            }

            return DeclareObject(schema, DeclarationName(nameHint, reservedName), pointer, referenceKey).AsNullable(nullable);
        }

        var alternatives = !IsEmpty(schema.OneOf) ? schema.OneOf! : !IsEmpty(schema.AnyOf) ? schema.AnyOf! : null;
        if (alternatives is not null)
        {
            var keyword = !IsEmpty(schema.OneOf) ? "oneOf" : "anyOf";
            var nonNull = new List<(IOpenApiSchema Schema, int Index)>();
            for (var i = 0; i < alternatives.Count; i++)
            {
                if (IsNullOnly(alternatives[i]))
                {
                    nullable = true;
                }
                else
                {
                    nonNull.Add((alternatives[i], i));
                }
            }

            if (nonNull.Count == 0)
            {
                return TypeRef.Any.AsNullable(nullable);
            }

            if (nonNull.Count == 1 && IsEmpty(schema.Properties))
            {
                var single = Map(nonNull[0].Schema, nameHint, pointer + "/" + keyword + "/" + nonNull[0].Index);
                return single.AsNullable(nullable || single.IsNullable);
            }

            if (nonNull.All(a => IsPlainString(a.Schema)))
            {
                return TypeRef.String.AsNullable(nullable);
            }

            return DeclareUnion(schema, nonNull, keyword, nameHint, reservedName, pointer, referenceKey).AsNullable(nullable);
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            var mapped = MapEnum(schema, values, nameHint, reservedName, referenceKey, ref nullable);
            if (mapped is not null)
            {
                return mapped.AsNullable(nullable);
            }
        }

        var types = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (types == 0)
        {
            if (!IsEmpty(schema.Properties) || schema.AdditionalProperties is not null)
            {
                types = JsonSchemaType.Object;
            }
            else if (schema.Items is not null)
            {
                types = JsonSchemaType.Array;
            }
            else
            {
                return TypeRef.Any.AsNullable(nullable);
            }
        }

        switch (types)
        {
            case JsonSchemaType.Array:
                var element = Map(schema.Items, nameHint + "Item", pointer + "/items");
                return new TypeRef(TypeKind.Array, Element: element, IsNullable: nullable);
            case JsonSchemaType.Object:
                return MapObject(schema, nameHint, pointer, referenceKey, reservedName).AsNullable(nullable);
            case JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.Boolean:
                return MapScalar(types, schema.Format)!.AsNullable(nullable);
            default:
                // Several types at once ("type: [string, integer]") have no single C# type; JsonElement keeps the value as sent.
                return TypeRef.Any.AsNullable(nullable);
        }
    }

    /// <summary>The C# type of a string, integer, number or Boolean by its format; <see langword="null"/> for any other type.</summary>
    private static TypeRef? MapScalar(JsonSchemaType type, string? format) => type switch
    {
        JsonSchemaType.String => MapString(format),
        JsonSchemaType.Integer => new TypeRef(format == "int32" ? TypeKind.Int32 : TypeKind.Int64),
        JsonSchemaType.Number => new TypeRef(format switch
        {
            "float" => TypeKind.Single,
            "decimal" => TypeKind.Decimal,
            "int32" => TypeKind.Int32,
            "int64" => TypeKind.Int64,
            _ => TypeKind.Double,
        }),
        JsonSchemaType.Boolean => new TypeRef(TypeKind.Boolean),
        _ => null,
    };

    private static TypeRef MapString(string? format) => format switch
    {
        "date-time" => new TypeRef(TypeKind.DateTime),
        "date" => new TypeRef(TypeKind.Date),
        "uuid" => new TypeRef(TypeKind.Guid),
        "uri" => new TypeRef(TypeKind.Uri),
        "byte" => new TypeRef(TypeKind.Bytes),
        "binary" => new TypeRef(TypeKind.File),
        _ => TypeRef.String,
    };

    private TypeRef MapObject(IOpenApiSchema schema, string nameHint, string pointer, string? referenceKey, string? reservedName)
    {
        // A named component with no members is kept as a class (its members arrive in AdditionalProperties),
        // so the document's name survives; an inline one is just a free-form dictionary.
        if (IsEmpty(schema.Properties) && !(reservedName is not null && schema.AdditionalProperties is null))
        {
            var valueType = schema.AdditionalProperties is null
                ? TypeRef.Any
                : Map(schema.AdditionalProperties, nameHint + "Value", pointer + "/additionalProperties");
            return new TypeRef(TypeKind.Map, Element: valueType);
        }

        return DeclareObject(schema, DeclarationName(nameHint, reservedName), pointer, referenceKey);
    }

    private string DeclarationName(string nameHint, string? reservedName)
        => reservedName ?? _typeNames.Claim(nameHint, Spelling.Name, "Schema");

    private void AddDeclaration(TypeDeclaration declaration)
    {
        if (!_declarations.ContainsKey(declaration.Name))
        {
            _declarationOrder.Add(declaration.Name);
        }

        _declarations[declaration.Name] = declaration;
    }

    private static bool HasType(IOpenApiSchema schema, JsonSchemaType type) => schema.Type is { } t && (t & type) == type;

    private static bool IsEmpty<T>(ICollection<T>? collection) => collection is null || collection.Count == 0;

    private static bool IsNullOnly(IOpenApiSchema schema)
        => schema.Type == JsonSchemaType.Null && IsEmpty(schema.Properties) && IsEmpty(schema.AllOf) && IsEmpty(schema.OneOf) && IsEmpty(schema.AnyOf);

    private static bool IsPlainString(IOpenApiSchema schema)
    {
        var target = schema is OpenApiSchemaReference reference ? SafeTarget(reference) : schema;
        return target is not null
            && ((target.Type ?? 0) & ~JsonSchemaType.Null) == JsonSchemaType.String
            && (target.Format is null or "" || target.Format is "email" or "hostname" or "password")
            && IsEmpty(target.AllOf) && IsEmpty(target.OneOf) && IsEmpty(target.AnyOf);
    }

    internal static IOpenApiSchema? SafeTarget(OpenApiSchemaReference reference)
    {
        try
        {
            return reference.Target;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            return null;
        }
    }

    internal static string? Describe(IOpenApiSchema schema) => Text.Clean(schema.Description ?? schema.Title);

    internal static JsonNode? DefaultOf(IOpenApiSchema schema) => schema.Default;
}
