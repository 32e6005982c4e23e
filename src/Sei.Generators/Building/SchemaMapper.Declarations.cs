using Microsoft.OpenApi;
using Sei.Generators.Emitting;
using Sei.Generators.Reading;

namespace Sei.Generators.Building;

internal sealed partial class SchemaMapper
{
    /// <summary>A type name that no member the generated type declares will share (CS0542).</summary>
    private string AvoidingMembers(string name, string[] members) => System.Array.IndexOf(members, name) < 0 ? name : _typeNames.Claim(name + "Schema");

    /// <summary>
    /// The names of one type's members: the type's own name (a member may not share it, CS0542), the
    /// members of <see cref="object"/> and those the generated code declares in that kind of type are
    /// reserved, and a member the document names like one of them gets <paramref name="suffix"/>.
    /// </summary>
    private static NameScope MemberScope(string suffix, string typeName, params string[] generatedMembers)
        => new(suffix, GeneratedNames.ObjectMembers.Concat(generatedMembers).Append(typeName), keepsCase: true);

    private TypeRef DeclareObject(IOpenApiSchema schema, string name, string pointer, string? referenceKey)
    {
        var self = new TypeRef(TypeKind.Named, name, NamedKind.Object);
        if (referenceKey is not null)
        {
            // Registered before the properties are mapped, so a property that refers back to this schema finds it.
            _byReference[referenceKey] = self;
        }

        // A placeholder keeps the declaration order stable (outer type before the inline types it contains).
        AddDeclaration(new ObjectDeclaration(name, Describe(schema), schema.Deprecated, EquatableArray<PropertyModel>.Empty, TypeRef.Any));
        _objectsInProgress.Add(name);
        try
        {
            var baseDeclaration = FindBase(schema, name, pointer);
            var collected = new List<(string JsonName, IOpenApiSchema Schema, string Pointer)>();
            var required = new HashSet<string>(StringComparer.Ordinal);
            IOpenApiSchema? additional = null;
            string? additionalPointer = null;
            CollectProperties(schema, pointer, collected, required, ref additional, ref additionalPointer, new HashSet<IOpenApiSchema>());

            var memberNames = MemberScope("Property", name, GeneratedNames.AdditionalProperties);
            var inherited = new Dictionary<string, PropertyModel>(StringComparer.Ordinal);
            foreach (var property in baseDeclaration?.Properties ?? default)
            {
                // An inherited member keeps the base's name and type, even where the derived schema restates it.
                inherited[property.JsonName] = property with { IsInherited = true };
                memberNames.Take(property.Name);
            }

            var properties = new List<PropertyModel>();
            foreach (var (jsonName, propertySchema, propertyPointer) in collected)
            {
                properties.Add(inherited.TryGetValue(jsonName, out var fromBase)
                    ? fromBase
                    : MapProperty(name, jsonName, propertySchema, propertyPointer, required.Contains(jsonName), memberNames));
            }

            var additionalType = baseDeclaration?.AdditionalProperties
                ?? (additional is null ? TypeRef.Any : Map(additional, name + "Value", additionalPointer ?? pointer));
            var discriminator = schema.Discriminator?.PropertyName ?? baseDeclaration?.DiscriminatorProperty;
            if (schema.Discriminator?.PropertyName is { } own)
            {
                _discriminatorMappings[name] = MappingOf(schema.Discriminator);
            }

            AddDeclaration(new ObjectDeclaration(
                name,
                Describe(schema),
                schema.Deprecated,
                properties.ToEquatableArray(),
                additionalType,
                baseDeclaration?.Name,
                discriminator,
                baseDeclaration is null ? default : DiscriminatorValuesOf(schema, referenceKey, baseDeclaration).ToEquatableArray()));
            return self;
        }
        finally
        {
            _objectsInProgress.Remove(name);
        }
    }

    private PropertyModel MapProperty(string typeName, string jsonName, IOpenApiSchema propertySchema, string propertyPointer, bool isRequired, NameScope memberNames)
    {
        var memberName = memberNames.Claim(jsonName, Spelling.Name, "Property");
        var type = Map(propertySchema, typeName + Identifiers.ToPascalCase(jsonName, "Property"), propertyPointer);
        var readOnly = propertySchema.ReadOnly;
        var writeOnly = propertySchema.WriteOnly;
        var csharpRequired = isRequired && !readOnly && !writeOnly;
        var tracksExplicitNull = !csharpRequired && type.IsNullable && !readOnly;
        string? defaultValue = null;
        if (!csharpRequired)
        {
            defaultValue = type.IsNullable ? null : DefaultText(propertySchema, type);
            type = defaultValue is null ? type.AsNullable() : type;
        }

        return new PropertyModel(
            jsonName,
            memberName,
            type,
            csharpRequired,
            readOnly,
            writeOnly,
            propertySchema.Deprecated,
            Describe(propertySchema),
            defaultValue,
            tracksExplicitNull);
    }

    /// <summary>
    /// The base class of an <c>allOf</c> that names exactly one other object schema. A base that is
    /// still being declared (a cycle through allOf, or a base that refers to this type in a member)
    /// is not used: the members are then copied instead, which always compiles.
    /// </summary>
    private ObjectDeclaration? FindBase(IOpenApiSchema schema, string name, string pointer)
    {
        if (schema.AllOf is not { Count: > 0 } parts)
        {
            return null;
        }

        var references = parts.Select((part, index) => (Part: part as OpenApiSchemaReference, Index: index)).Where(p => p.Part is not null).ToList();
        if (references.Count != 1)
        {
            return null;
        }

        var (reference, index) = references[0];
        var basePointer = pointer + "/allOf/" + index.ToString(CultureInfo.InvariantCulture);
        TypeRef baseType;
        _basesInProgress.Add(name);
        try
        {
            baseType = Map(reference!, name + "Base", basePointer, asBase: true);
        }
        finally
        {
            _basesInProgress.Remove(name);
        }

        if (baseType.Kind == TypeKind.Named && _basesInProgress.Contains(baseType.Name!))
        {
            // The allOf chain leads back to a schema whose own base is still being resolved: an
            // inheritance cycle, which C# cannot declare. The cycle is cut here, and said so.
            _problems.Add(DiagnosticIds.InheritanceCycle, basePointer, name, baseType.Name!);
        }

        if (baseType.Kind != TypeKind.Named || baseType.NamedKind != NamedKind.Object || baseType.IsNullable || baseType.Name == name
            || _objectsInProgress.Contains(baseType.Name!))
        {
            return null;
        }

        return FindDeclaration(baseType.Name!) as ObjectDeclaration;
    }

    /// <summary>The discriminator values that select this derived type: from any ancestor's mapping, an Azure-style extension, or else its schema name.</summary>
    private List<string> DiscriminatorValuesOf(IOpenApiSchema schema, string? referenceKey, ObjectDeclaration baseDeclaration)
    {
        var values = new List<string>();
        for (var ancestor = baseDeclaration; ancestor is not null; ancestor = ancestor.BaseName is null ? null : FindDeclaration(ancestor.BaseName) as ObjectDeclaration)
        {
            if (_discriminatorMappings.TryGetValue(ancestor.Name, out var mapping))
            {
                values.AddRange(mapping.Where(m => m.Key == referenceKey).Select(m => m.Value));
            }
        }

        if (values.Count == 0 && schema.Extensions?.TryGetValue("x-ms-discriminator-value", out var extension) == true
            && extension is JsonNodeExtension { Node: JsonValue node } && node.GetValueKind() == JsonValueKind.String)
        {
            values.Add(node.GetValue<string>());
        }

        if (values.Count == 0 && baseDeclaration.DiscriminatorProperty is not null && referenceKey is not null)
        {
            values.Add(referenceKey.Substring(referenceKey.LastIndexOf('/') + 1));
        }

        return values.Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<(string Value, string Key)> MappingOf(OpenApiDiscriminator discriminator)
    {
        var mapping = new List<(string Value, string Key)>();
        foreach (var pair in discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
        {
            if (pair.Value?.Reference?.ReferenceV3 is { } key)
            {
                mapping.Add((pair.Key, key));
            }
        }

        return mapping;
    }

    /// <summary>Records, on every base, the types that derive from it; called once all schemas are mapped.</summary>
    public void LinkDerivedTypes()
    {
        var objects = _declarationOrder.Select(n => _declarations[n]).OfType<ObjectDeclaration>().ToList();
        var hasDerived = new HashSet<string>(objects.Where(o => o.BaseName is not null).Select(o => o.BaseName!), StringComparer.Ordinal);
        foreach (var baseObject in objects.Where(o => hasDerived.Contains(o.Name)))
        {
            var derived = new List<(DerivedTypeModel Model, int Depth)>();
            foreach (var candidate in objects)
            {
                var depth = 0;
                for (var ancestor = candidate.BaseName; ancestor is not null && depth < MaxDepth; ancestor = (FindDeclaration(ancestor) as ObjectDeclaration)?.BaseName)
                {
                    depth++;
                    if (ancestor == baseObject.Name)
                    {
                        derived.Add((new DerivedTypeModel(candidate.Name, candidate.DiscriminatorValues, hasDerived.Contains(candidate.Name)), depth));
                        break;
                    }
                }
            }

            var ordered = derived.OrderByDescending(d => d.Depth).ThenBy(d => d.Model.Name, StringComparer.Ordinal).Select(d => d.Model);
            _declarations[baseObject.Name] = baseObject with { DerivedTypes = ordered.ToEquatableArray() };
        }
    }

    /// <summary>Gathers own and <c>allOf</c>-inherited properties in document order; later definitions of a name win.</summary>
    private void CollectProperties(
        IOpenApiSchema schema,
        string pointer,
        List<(string JsonName, IOpenApiSchema Schema, string Pointer)> collected,
        HashSet<string> required,
        ref IOpenApiSchema? additional,
        ref string? additionalPointer,
        HashSet<IOpenApiSchema> visited)
    {
        var target = schema is OpenApiSchemaReference reference ? SafeTarget(reference) : schema;
        if (target is null || !visited.Add(target) || visited.Count > MaxDepth)
        {
            return;
        }

        if (schema is OpenApiSchemaReference named && named.Reference?.Id is { } id)
        {
            pointer = ComponentPointer(id);
        }

        if (target.AllOf is { } parts)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                CollectProperties(parts[i], pointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture), collected, required, ref additional, ref additionalPointer, visited);
            }
        }

        if (target.Properties is { } properties)
        {
            foreach (var pair in properties)
            {
                var index = collected.FindIndex(p => p.JsonName == pair.Key);
                // A Boolean schema (3.1: "true" allows any value) reaches us as null: it is an empty schema.
                var entry = (pair.Key, pair.Value ?? new OpenApiSchema(), pointer + "/properties/" + SourceMap.EscapeSegment(pair.Key));
                if (index >= 0)
                {
                    collected[index] = entry;
                }
                else
                {
                    collected.Add(entry);
                }
            }
        }

        if (target.Required is { } names)
        {
            required.UnionWith(names);
        }

        if (target.AdditionalProperties is not null)
        {
            additional = target.AdditionalProperties;
            additionalPointer = pointer + "/additionalProperties";
        }
    }
}
