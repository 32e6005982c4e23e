using Microsoft.OpenApi;
using Sei.Generators.Emitting;

namespace Sei.Generators.Building;

/// <summary>Building, for the values a document writes: enumerations and their member names, and defaults.</summary>
internal sealed partial class SchemaMapper
{
    private TypeRef? MapEnum(IOpenApiSchema schema, IList<JsonNode> values, string nameHint, string? reservedName, string? referenceKey, ref bool nullable)
    {
        if (EnumValues(schema, values, ref nullable) is not { } shape)
        {
            // Boolean or number enumerations read best as the plain type.
            return null;
        }

        // An enumeration written in place (not a component, not reached through $ref) is declared once per
        // distinct set of values: Stripe writes "active | inactive | pending" in 29 places, and one type
        // compiles once where 29 copies would each cost the user's build.
        var isInline = reservedName is null && referenceKey is null;
        if (isInline && _inlineEnums.TryGetValue(shape.Key, out var shared))
        {
            return shared;
        }

        var isShared = isInline && _sharedEnumNames.ContainsKey(shape.Key);
        var name = isShared ? _sharedEnumNames[shape.Key] : reservedName ?? _typeNames.Claim(nameHint, Spelling.Name, "Schema");
        name = shape.IsInteger && !isShared ? AvoidingMembers(name, GeneratedNames.EnumMembers) : name;
        var self = new TypeRef(TypeKind.Named, name, NamedKind.Enum);
        if (referenceKey is not null)
        {
            _byReference[referenceKey] = self;
        }

        if (isInline)
        {
            _inlineEnums[shape.Key] = self;
        }

        var memberNames = MemberScope("Value", name, GeneratedNames.EnumMembers);
        var members = new List<EnumMemberModel>();
        foreach (var text in shape.Texts)
        {
            // Each value is named in document order, from its own text: a value the document adds later never renames this one.
            var memberName = shape.IsInteger
                ? memberNames.Claim("Value" + text.Replace("-", "Minus"))
                : memberNames.Claim(text, Spelling.Value, text.Length == 0 ? "Empty" : "Value");
            members.Add(new EnumMemberModel(memberName, text, null));
        }

        // A type shared by several places has no one description: the first place's would mislead at the others.
        var summary = isShared ? null : Describe(schema);
        AddDeclaration(new EnumDeclaration(name, summary, schema.Deprecated, shape.IsInteger, members.ToEquatableArray()));
        return self;
    }

    /// <summary>
    /// The schema's default as invariant text (see <see cref="PropertyModel.DefaultValue"/>), or
    /// <see langword="null"/> when it has none or it does not fit the type. The emitter spells it in C#.
    /// </summary>
    private string? DefaultText(IOpenApiSchema schema, TypeRef type)
    {
        // A $ref's own default (3.1 allows siblings beside $ref) overrides the referenced schema's.
        var node = (schema is OpenApiSchemaReference reference ? reference.Reference?.Default ?? SafeTarget(reference)?.Default : DefaultOf(schema)) ?? FirstAllOfDefault(schema);
        if (node is not JsonValue value || JsonNullSentinel.IsJsonNullSentinel(value))
        {
            return null;
        }

        var kind = value.GetValueKind();
        var raw = value.ToJsonString();
        switch (type.Kind)
        {
            case TypeKind.String when kind == JsonValueKind.String:
                return value.GetValue<string>();
            case TypeKind.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                return kind == JsonValueKind.True ? "true" : "false";
            case TypeKind.Int32 when kind == JsonValueKind.Number && int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i):
                return i.ToString(CultureInfo.InvariantCulture);
            case TypeKind.Int64 when kind == JsonValueKind.Number && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l):
                return l.ToString(CultureInfo.InvariantCulture);
            case TypeKind.Double when kind == JsonValueKind.Number && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d):
                return d.ToString("R", CultureInfo.InvariantCulture);
            case TypeKind.Single when kind == JsonValueKind.Number && float.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && !float.IsInfinity(f):
                return f.ToString("R", CultureInfo.InvariantCulture);
            case TypeKind.Decimal when kind == JsonValueKind.Number && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var m):
                return m.ToString(CultureInfo.InvariantCulture);
            case TypeKind.Named when type.NamedKind == NamedKind.Enum && FindDeclaration(type.Name!) is EnumDeclaration enumeration:
                var wire = kind == JsonValueKind.String ? value.GetValue<string>() : raw;
                var member = enumeration.Members.FirstOrDefault(m => m.WireValue == wire);
                return member?.Name;
            default:
                return null;
        }
    }

    private static JsonNode? FirstAllOfDefault(IOpenApiSchema schema)
        => schema.AllOf?.Select(part => part is OpenApiSchemaReference reference ? SafeTarget(reference)?.Default : part.Default).FirstOrDefault(d => d is not null);
}
