using Microsoft.OpenApi;
using Sei.Generators.Emitting;

namespace Sei.Generators.Building;

/// <summary>Building, for unions: oneOf and anyOf as one class with a member per alternative, shared where the same alternatives recur.</summary>
internal sealed partial class SchemaMapper
{
    private TypeRef DeclareUnion(IOpenApiSchema schema, List<(IOpenApiSchema Schema, int Index)> alternatives, string keyword, string nameHint, string? reservedName, string pointer, string? referenceKey)
    {
        var shape = reservedName is null && referenceKey is null ? UnionShape(schema) : null;
        if (shape is not null && _sharedUnionNames.TryGetValue(shape, out var sharedName))
        {
            return DeclareSharedUnion(schema, alternatives, keyword, sharedName, pointer, shape);
        }

        var name = AvoidingMembers(DeclarationName(nameHint, reservedName), GeneratedNames.UnionMembers);
        var self = new TypeRef(TypeKind.Named, name, NamedKind.Union);
        if (referenceKey is not null)
        {
            _byReference[referenceKey] = self;
        }

        // A placeholder keeps the declaration order stable (the union before the inline types of its alternatives).
        AddDeclaration(new UnionDeclaration(name, Describe(schema), schema.Deprecated, null, EquatableArray<UnionVariantModel>.Empty));
        var variants = MapVariants(schema, alternatives, keyword, name, self, pointer, MemberScope("Option", name, GeneratedNames.UnionMembers));
        AddDeclaration(new UnionDeclaration(name, Describe(schema), schema.Deprecated, schema.Discriminator?.PropertyName, variants.ToEquatableArray()));
        return self;
    }

    /// <summary>
    /// Declares a union the document writes in place in several places once, under the name chosen when
    /// the document was counted, and reuses it everywhere else. Its alternatives are references, scalars
    /// and enumerations (see <see cref="UnionShape"/>), so none can refer back to the union and it needs
    /// no placeholder.
    /// </summary>
    private TypeRef DeclareSharedUnion(IOpenApiSchema schema, List<(IOpenApiSchema Schema, int Index)> alternatives, string keyword, string name, string pointer, string shape)
    {
        if (_inlineUnions.TryGetValue(shape, out var declared))
        {
            return declared;
        }

        var self = new TypeRef(TypeKind.Named, name, NamedKind.Union);
        _inlineUnions[shape] = self;
        var variants = MapVariants(schema, alternatives, keyword, name, self, pointer, MemberScope("Option", name, GeneratedNames.UnionMembers));
        AddDeclaration(new UnionDeclaration(name, null, schema.Deprecated, schema.Discriminator?.PropertyName, variants.ToEquatableArray()));
        return self;
    }

    private List<UnionVariantModel> MapVariants(IOpenApiSchema schema, List<(IOpenApiSchema Schema, int Index)> alternatives, string keyword, string name, TypeRef? self, string pointer, NameScope variantNames)
    {
        var discriminator = schema.Discriminator?.PropertyName;
        var mapping = new List<(string Value, string Key)>();
        if (schema.Discriminator?.Mapping is { } map)
        {
            foreach (var pair in map)
            {
                if (pair.Value?.Reference?.ReferenceV3 is { } target)
                {
                    mapping.Add((pair.Key, target));
                }
            }
        }

        var variants = new List<UnionVariantModel>();
        var seenTypes = new HashSet<TypeRef>();
        foreach (var (alternative, index) in alternatives)
        {
            var alternativePointer = pointer + "/" + keyword + "/" + index.ToString(CultureInfo.InvariantCulture);
            var type = Map(alternative, name + "Option" + (index + 1).ToString(CultureInfo.InvariantCulture), alternativePointer).AsNullable(false);
            if (type == self)
            {
                // "One of: itself, or ..." adds no shape, and C# has no conversion from a type to itself.
                _problems.Add(DiagnosticIds.UnionListsItself, alternativePointer, (index + 1).ToString(CultureInfo.InvariantCulture), name);
                continue;
            }

            if (!seenTypes.Add(type))
            {
                continue;
            }

            var referenceId = (alternative as OpenApiSchemaReference)?.Reference?.Id;
            var referenceKeyOfAlternative = (alternative as OpenApiSchemaReference)?.Reference?.ReferenceV3;
            var variantName = referenceId is not null ? variantNames.Claim(referenceId, Spelling.Name, "Option") : variantNames.Claim(VariantName(type));
            var values = mapping.Where(m => m.Key == referenceKeyOfAlternative).Select(m => m.Value).ToList();
            if (discriminator is not null && values.Count == 0 && referenceId is not null)
            {
                // Without an explicit mapping, OpenAPI says the discriminator value is the schema's name.
                values.Add(referenceId);
            }

            var requiredNames = new HashSet<string>(StringComparer.Ordinal);
            IOpenApiSchema? ignoredAdditional = null;
            string? ignoredPointer = null;
            var collected = new List<(string JsonName, IOpenApiSchema Schema, string Pointer)>();
            CollectProperties(alternative, alternativePointer, collected, requiredNames, ref ignoredAdditional, ref ignoredPointer, new HashSet<IOpenApiSchema>());
            variants.Add(new UnionVariantModel(variantName, type, values.ToEquatableArray(), requiredNames.OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray()));
        }

        return variants;
    }

    private static string VariantName(TypeRef type) => type.Kind switch
    {
        TypeKind.Named => type.Name!,
        TypeKind.Array => VariantName(type.Element!) + "List",
        TypeKind.Map => VariantName(type.Element!) + "Map",
        TypeKind.Any => "Json",
        TypeKind.DateTime => "DateTimeOffset",
        _ => type.Kind.ToString(),
    };
}
