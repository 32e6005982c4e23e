using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Sei.Generators.Model;

namespace Sei.Generators.Building;

/// <summary>Building, for the values a document writes: enumerations and their member names, and defaults.</summary>
internal sealed partial class SchemaMapper
{
    /// <summary>
    /// The members every generated enumeration declares besides its values (Value only on integer ones,
    /// reserved on all alike), and PrintMembers, which the compiler declares on every record struct.
    /// </summary>
    private static readonly string[] EnumMemberNames = { "WireValue", "IsKnown", "KnownValues", "Value", "PrintMembers" };

    private TypeRef? MapEnum(IOpenApiSchema schema, IList<JsonNode> values, string name, string pointer, string? referenceKey, ref bool nullable)
    {
        var texts = new List<string>();
        var allIntegers = true;
        var allStrings = true;
        foreach (var value in values)
        {
            if (value is null || value.GetValueKind() == JsonValueKind.Null)
            {
                nullable = true;
                continue;
            }

            if (value is not JsonValue scalar)
            {
                return null;
            }

            var kind = scalar.GetValueKind();
            allStrings &= kind == JsonValueKind.String;
            allIntegers &= kind == JsonValueKind.Number && long.TryParse(scalar.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            texts.Add(kind == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString());
        }

        var declaredType = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        var isInteger = declaredType == JsonSchemaType.Integer && allIntegers;
        var isString = (declaredType == JsonSchemaType.String || declaredType == 0) && allStrings;
        if (texts.Count == 0 || (!isInteger && !isString))
        {
            // Boolean or number enumerations read best as the plain type.
            return null;
        }

        name = isInteger ? AvoidingMembers(name, EnumMemberNames) : name;
        var self = new TypeRef(TypeKind.Named, name, NamedKind.Enum);
        if (referenceKey is not null)
        {
            _byReference[referenceKey] = self;
        }

        var memberNames = MemberScope("Value", name, EnumMemberNames);
        var members = new List<EnumMemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (!seen.Add(text))
            {
                continue;
            }

            // Each value is named in document order, from its own text: a value the document adds later never renames this one.
            var memberName = isInteger
                ? memberNames.Claim("Value" + text.Replace("-", "Minus"))
                : memberNames.Claim(text, Spelling.Value, text.Length == 0 ? "Empty" : "Value");
            members.Add(new EnumMemberModel(memberName, text, null));
        }

        AddDeclaration(new EnumDeclaration(name, Describe(schema), schema.Deprecated, isInteger, members.ToEquatableArray()));
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
