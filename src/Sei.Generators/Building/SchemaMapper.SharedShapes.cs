using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Sei.Generators.Model;

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

    /// <summary>The sets of values the document writes in place more than once.</summary>
    private readonly HashSet<string> _sharedEnumShapes = new(StringComparer.Ordinal);

    /// <summary>The type declared for each distinct in-place union, so later places reuse it.</summary>
    private readonly Dictionary<string, TypeRef> _inlineUnions = new(StringComparer.Ordinal);

    /// <summary>The same, by what the mapped union holds: two shapes can differ only in what C# does not carry.</summary>
    private readonly Dictionary<(string? Discriminator, bool IsDeprecated, EquatableArray<UnionVariantModel> Variants), TypeRef> _unionsByModel = new();

    /// <summary>The unions the document writes in place more than once.</summary>
    private readonly HashSet<string> _sharedUnionShapes = new(StringComparer.Ordinal);

    /// <summary>What makes two enumerations the same type: their kind, their values in order, and deprecation.</summary>
    private sealed record EnumShape(bool IsInteger, IReadOnlyList<string> Texts, string Key);

    /// <summary>
    /// Counts the enumerations the document writes in place, by their values, so those written more than
    /// once are named after their values. Schemas reached through <c>$ref</c> are components with names of
    /// their own and are not counted; the same schema object met twice counts once.
    /// </summary>
    public void CountInlineShapes(OpenApiDocument document)
    {
        var enumPlaces = new Dictionary<string, int>(StringComparer.Ordinal);
        var unionPlaces = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var schema in DocumentSchemas.InPlace(document))
        {
            var ignored = false;
            if (schema.Enum is { Count: > 0 } values && EnumValues(schema, values, ref ignored) is { } shape)
            {
                Count(enumPlaces, shape.Key);
            }
            else if (UnionShape(schema) is { } union)
            {
                Count(unionPlaces, union);
            }
        }

        _sharedEnumShapes.UnionWith(enumPlaces.Where(pair => pair.Value > 1).Select(pair => pair.Key));
        _sharedUnionShapes.UnionWith(unionPlaces.Where(pair => pair.Value > 1).Select(pair => pair.Key));

        static void Count(Dictionary<string, int> places, string key) => places[key] = places.TryGetValue(key, out var count) ? count + 1 : 1;
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
