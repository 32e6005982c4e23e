using Microsoft.OpenApi;
using Sei.Generators.Emitting;

namespace Sei.Generators.Building;

/// <summary>
/// Building, for enumerations and unions written in place: one type per distinct shape. Large
/// documents repeat the same small enumeration or union in dozens of places (Stripe writes
/// <c>day | month | week | year</c> 24 times and "an ID or the expanded object" hundreds of times),
/// and each copy would be a type every build of the user's project compiles. Before mapping, the
/// document is counted, so a shape written in several places is named after what it holds
/// (<c>DayOrMonthOrWeekOrYear</c>, <c>StringOrAccount</c>) from its first use: the name says what the
/// type holds wherever it appears, and does not depend on which place the mapper reaches first.
/// Components keep their own names and are never merged: their authors named them.
/// </summary>
internal sealed partial class SchemaMapper
{
    /// <summary>Beyond this many values, or this long, a name made of the values stops reading as a name.</summary>
    private const int MaxValuesInName = 4;

    private const int MaxNameLength = 48;

    /// <summary>The type declared for each distinct set of in-place values, so later places reuse it.</summary>
    private readonly Dictionary<string, TypeRef> _inlineEnums = new(StringComparer.Ordinal);

    /// <summary>The sets of values the document writes in place more than once, and the name each is declared under.</summary>
    private readonly Dictionary<string, string> _sharedEnumNames = new(StringComparer.Ordinal);

    /// <summary>The type declared for each distinct in-place union, so later places reuse it.</summary>
    private readonly Dictionary<string, TypeRef> _inlineUnions = new(StringComparer.Ordinal);

    /// <summary>The unions the document writes in place more than once, and the name each is declared under.</summary>
    private readonly Dictionary<string, string> _sharedUnionNames = new(StringComparer.Ordinal);

    /// <summary>What makes two enumerations the same type: their kind, their values in order, and deprecation.</summary>
    private sealed record EnumShape(bool IsInteger, IReadOnlyList<string> Texts, string Key);

    /// <summary>
    /// Counts the enumerations the document writes in place, by their values, so those written more than
    /// once are named after their values. Schemas reached through <c>$ref</c> are components with names of
    /// their own and are not counted; the same schema object met twice counts once.
    /// </summary>
    /// <remarks>
    /// The names are chosen here, for the whole document and in its order, before anything is mapped: a
    /// project that generates part of the document gets the same names as one that generates all of it,
    /// and including more operations never renames a type. A shape whose values make no short name is
    /// named after its first place in the document (<c>OrderChannel</c>).
    /// </remarks>
    public void CountInlineShapes(OpenApiDocument document)
    {
        var enums = new Dictionary<string, (int Places, SchemaPlace FirstPlace, EnumShape Shape)>(StringComparer.Ordinal);
        var unions = new Dictionary<string, (int Places, SchemaPlace FirstPlace, IOpenApiSchema First)>(StringComparer.Ordinal);
        var enumOrder = new List<string>();
        var unionOrder = new List<string>();
        foreach (var (schema, place, reused) in DocumentSchemas.InPlace(document))
        {
            var ignored = false;
            if (schema.Enum is { Count: > 0 } values && EnumValues(schema, values, ref ignored) is { } shape)
            {
                if (enums.TryGetValue(shape.Key, out var seen))
                {
                    enums[shape.Key] = (seen.Places + 1, seen.FirstPlace, seen.Shape);
                }
                else
                {
                    enums[shape.Key] = (reused ? 2 : 1, place, shape);
                    enumOrder.Add(shape.Key);
                }
            }
            else if (UnionShape(schema) is { } union)
            {
                if (unions.TryGetValue(union, out var seen))
                {
                    unions[union] = (seen.Places + 1, seen.FirstPlace, seen.First);
                }
                else
                {
                    unions[union] = (reused ? 2 : 1, place, schema);
                    unionOrder.Add(union);
                }
            }
        }

        // Enumerations first: a union of them is named after theirs.
        foreach (var key in enumOrder.Where(key => enums[key].Places > 1))
        {
            var (_, firstPlace, shape) = enums[key];
            var name = _typeNames.Claim(SharedEnumName(shape) ?? firstPlace.ToString(), Spelling.Name, "Schema");
            _sharedEnumNames[key] = shape.IsInteger ? AvoidingMembers(name, GeneratedNames.EnumMembers) : name;
        }

        foreach (var key in unionOrder.Where(key => unions[key].Places > 1))
        {
            var (_, firstPlace, first) = unions[key];
            _sharedUnionNames[key] = AvoidingMembers(_typeNames.Claim(SharedUnionName(first) ?? firstPlace.ToString(), Spelling.Name, "Schema"), GeneratedNames.UnionMembers);
        }
    }

    /// <summary>
    /// The name of a shared union made of what its alternatives are named (<c>StringOrAccount</c>), or
    /// <see langword="null"/> when that would be long, repeat a word, or an alternative has no name of
    /// its own here (an enumeration written in one place only).
    /// </summary>
    private string? SharedUnionName(IOpenApiSchema union)
    {
        var alternatives = (!IsEmpty(union.OneOf) ? union.OneOf! : union.AnyOf!).Where(a => !IsNullOnly(a)).ToList();
        var words = alternatives.Select(AlternativeName).ToList();
        if (words.Count < 2 || words.Count > MaxValuesInName || words.Any(w => w is null) || words.Distinct(StringComparer.Ordinal).Count() != words.Count)
        {
            return null;
        }

        var name = string.Join("Or", words);
        return name.Length > MaxNameLength ? null : name;
    }

    /// <summary>What an alternative is called in a union's name: a component by its name, a scalar by its C# type, an array by its items.</summary>
    private string? AlternativeName(IOpenApiSchema alternative)
    {
        if (alternative is OpenApiSchemaReference reference)
        {
            return reference.Reference?.Id is { } id ? Identifiers.Spell(id, Spelling.Name, "Option") : null;
        }

        var ignored = false;
        if (alternative.Enum is { Count: > 0 } values)
        {
            return EnumValues(alternative, values, ref ignored) is { } shape && _sharedEnumNames.TryGetValue(shape.Key, out var name) ? name : null;
        }

        // Named as the mapped alternative will be: by its C# type (see VariantName).
        var type = (alternative.Type ?? 0) & ~JsonSchemaType.Null;
        return type == JsonSchemaType.Array
            ? alternative.Items is { } items && AlternativeName(items) is { } element ? element + "List" : null
            : MapScalar(type, alternative.Format) is { } scalar ? VariantName(scalar) : null;
    }

    /// <summary>
    /// What makes two unions written in place the same type, or <see langword="null"/> when the union
    /// holds an object written in place (whose type is declared for that place alone) or anything else
    /// two places could map differently. The alternatives must be components (by reference), scalars,
    /// enumerations or arrays of these; the discriminator and its mapping count, deprecation too.
    /// </summary>
    private static string? UnionShape(IOpenApiSchema schema)
    {
        var alternatives = !IsEmpty(schema.OneOf) ? schema.OneOf! : !IsEmpty(schema.AnyOf) ? schema.AnyOf! : null;
        if (alternatives is null || !IsEmpty(schema.AllOf) || !IsEmpty(schema.Properties) || schema.Enum is { Count: > 0 })
        {
            return null;
        }

        // oneOf and anyOf are read alike (the first alternative that fits), so they do not tell two unions apart.
        var parts = new List<string> { schema.Deprecated ? "d" : "-", schema.Discriminator?.PropertyName ?? string.Empty };
        foreach (var pair in schema.Discriminator?.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
        {
            parts.Add(pair.Key + "=" + pair.Value?.Reference?.ReferenceV3);
        }

        foreach (var alternative in alternatives)
        {
            if (AlternativeShape(alternative, depth: 0) is not { } part)
            {
                return null;
            }

            parts.Add(part);
        }

        return string.Join("\u0001", parts);
    }

    private static string? AlternativeShape(IOpenApiSchema alternative, int depth)
    {
        if (alternative is OpenApiSchemaReference reference)
        {
            return reference.Reference?.ReferenceV3 is { } key ? "ref " + key : null;
        }

        if (depth > 8 || !IsEmpty(alternative.AllOf) || !IsEmpty(alternative.OneOf) || !IsEmpty(alternative.AnyOf) || !IsEmpty(alternative.Properties) || alternative.AdditionalProperties is not null)
        {
            return null;
        }

        var ignored = false;
        if (alternative.Enum is { Count: > 0 } values)
        {
            return EnumValues(alternative, values, ref ignored) is { } shape ? "enum " + shape.Key : null;
        }

        var type = alternative.Type ?? 0;
        if (type == JsonSchemaType.Array)
        {
            return alternative.Items is { } items && AlternativeShape(items, depth + 1) is { } element ? "array " + element : null;
        }

        // A scalar: its type and format decide its C# type (null alone is not an alternative the union keeps).
        return type is JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.Boolean or JsonSchemaType.Null
            ? "scalar " + ((int)type).ToString(CultureInfo.InvariantCulture) + " " + alternative.Format
            : null;
    }

    /// <summary>
    /// The values of a string or integer enumeration, without null (which makes the type nullable) and
    /// without repeats; <see langword="null"/> when the values are of another kind or mixed.
    /// </summary>
    private static EnumShape? EnumValues(IOpenApiSchema schema, IList<JsonNode> values, ref bool nullable)
    {
        var texts = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
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
            var text = kind == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
            if (seen.Add(text))
            {
                texts.Add(text);
            }
        }

        var declaredType = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        var isInteger = declaredType == JsonSchemaType.Integer && allIntegers;
        var isString = (declaredType == JsonSchemaType.String || declaredType == 0) && allStrings;
        if (texts.Count == 0 || (!isInteger && !isString))
        {
            return null;
        }

        // The separator cannot occur in a JSON string the reader hands us without escaping, so keys never collide.
        var key = (isInteger ? "i" : "s") + (schema.Deprecated ? "d" : "-") + string.Join("\u0000", texts);
        return new EnumShape(isInteger, texts, key);
    }

    /// <summary>
    /// The name of a shared set of string values, made of the values: <c>ActiveOrInactiveOrPending</c>,
    /// and <c>ListConstant</c> for the single value <c>list</c>. Integer values and long sets have no
    /// readable name of that kind and keep the name of their first place.
    /// </summary>
    private static string? SharedEnumName(EnumShape shape)
    {
        if (shape.IsInteger || shape.Texts.Count > MaxValuesInName)
        {
            return null;
        }

        var words = shape.Texts.Select(text => Identifiers.Spell(text, Spelling.Value, text.Length == 0 ? "Empty" : "Value")).ToList();
        var name = words.Count == 1 ? words[0] + "Constant" : string.Join("Or", words);
        return name.Length > MaxNameLength || name.StartsWith("_", StringComparison.Ordinal) ? null : name;
    }
}
