using Sei.Generators.Reading;

namespace Sei.Generators.Building;

/// <summary>The shapes OpenAPI's style rules tell apart, and values whose shape is only known at run time.</summary>
internal enum ValueShape
{
    Primitive,
    Array,
    Object,
    Dynamic,
}

/// <summary>
/// Decides how a parameter is laid out from what the document writes (<c>style</c>, <c>explode</c>, or
/// Swagger 2.0's <c>collectionFormat</c>), checked against the specification's table of styles per
/// location and type. An unknown value or a style that does not belong where it is used is SEI2004,
/// with the location's default style sent instead; a combination the table leaves undefined is SEI2009,
/// with the common reading sent. Nothing falls back silently.
/// </summary>
internal sealed class ParameterStyles
{
    private readonly ProblemCollector _problems;
    private readonly Func<string, TypeDeclaration?> _find;

    public ParameterStyles(ProblemCollector problems, Func<string, TypeDeclaration?> find)
    {
        _problems = problems;
        _find = find;
    }

    /// <summary>The style and explode flag to send a parameter with.</summary>
    /// <param name="location">Where the parameter goes.</param>
    /// <param name="type">Its type.</param>
    /// <param name="raw">What its text says, when the document was read from text.</param>
    /// <param name="modelStyle">The reader's style, used only when there is no text (documents built in memory).</param>
    /// <param name="modelExplode">The reader's explode flag, likewise.</param>
    /// <param name="isSwagger2">Whether the document is Swagger 2.0, whose arrays use <c>collectionFormat</c>.</param>
    /// <param name="subject">The parameter, for messages.</param>
    /// <param name="pointer">Where the parameter stands, for diagnostics.</param>
    public (ParameterStyle Style, bool Explode) Resolve(ParameterLocation location, TypeRef type, RawParameter? raw, ParameterStyle? modelStyle, bool modelExplode, bool isSwagger2, WireSubject subject, string pointer)
    {
        var shape = ShapeOf(type);
        var at = raw?.Pointer ?? pointer;
        var (style, explode) = isSwagger2
            ? FromCollectionFormat(location, shape, raw?.CollectionFormat, subject, at)
            : FromStyle(location, raw, modelStyle, modelExplode, subject, at);
        (style, explode) = Undefined(location, shape, style, explode, raw?.Explode is not null || isSwagger2, subject, at);
        if (ItemFormat(type, raw, isSwagger2, subject, at) is null)
        {
            ReportNesting(type, style, subject, at);
        }

        return (style, explode);
    }

    /// <summary>
    /// How each item of a Swagger 2.0 array of arrays is joined before the items are laid out: 2.0 gives
    /// the inner array a <c>collectionFormat</c> of its own (<c>a,b|c,d</c> for pipes of csv), which OpenAPI 3
    /// has no word for. <see langword="null"/> for anything else, which the style rules lay out alone.
    /// </summary>
    public ParameterStyle? ItemFormat(TypeRef type, RawParameter? raw, bool isSwagger2, WireSubject subject, string pointer)
    {
        var value = type.AsNullable(false);
        if (!isSwagger2 || value.Kind != TypeKind.Array || value.Element!.AsNullable(false) is not { Kind: TypeKind.Array } items || !items.Element!.AsNullable(false).IsPrimitive)
        {
            return null;
        }

        // An unknown format, or multi, which repeats the parameter itself and so cannot join the items of one value.
        if (!TryParseCollectionFormat(raw?.ItemsCollectionFormat, out var format) || format == CollectionFormat.Multi)
        {
            _problems.Add(DiagnosticIds.SerializationNotAllowed, pointer + "/items/collectionFormat", subject.Arguments("items.collectionFormat", raw!.ItemsCollectionFormat!, "csv"));
            return ParameterStyle.Simple;
        }

        return SeparatorOf(format);
    }

    /// <summary>The style of a Swagger 2.0 <c>formData</c> array (a form or multipart field), from its <c>collectionFormat</c>.</summary>
    public (ParameterStyle Style, bool Explode) FormField(RawParameter raw, WireSubject subject)
    {
        // formData is the form body's query string: the same formats apply, multi included.
        return FromCollectionFormat(ParameterLocation.Query, ValueShape.Array, raw.CollectionFormat, subject, raw.Pointer);
    }

    /// <summary>The separator of a Swagger 2.0 response header array (<c>csv</c> unless its <c>collectionFormat</c> says otherwise).</summary>
    public ParameterStyle ResponseHeader(RawParameter? raw, WireSubject subject)
        => raw is null ? ParameterStyle.Simple : FromCollectionFormat(ParameterLocation.Header, ValueShape.Array, raw.CollectionFormat, subject, raw.Pointer).Style;

    /// <summary>What a value's type makes it for the style rules.</summary>
    public static ValueShape ShapeOf(TypeRef type)
    {
        var value = type.AsNullable(false);
        if (value.IsPrimitive)
        {
            return ValueShape.Primitive;
        }

        return value.Kind switch
        {
            TypeKind.Array => ValueShape.Array,
            TypeKind.Map => ValueShape.Object,
            TypeKind.Named when value.NamedKind == NamedKind.Object => ValueShape.Object,
            _ => ValueShape.Dynamic,
        };
    }

    private static ParameterStyle DefaultStyle(ParameterLocation location)
        => location is ParameterLocation.Query or ParameterLocation.Cookie ? ParameterStyle.Form : ParameterStyle.Simple;

    /// <summary>A style as OpenAPI spells it, for messages.</summary>
    public static string StyleWord(ParameterStyle style) => style switch
    {
        ParameterStyle.Form => "form",
        ParameterStyle.Simple => "simple",
        ParameterStyle.Matrix => "matrix",
        ParameterStyle.Label => "label",
        ParameterStyle.SpaceDelimited => "spaceDelimited",
        ParameterStyle.PipeDelimited => "pipeDelimited",
        ParameterStyle.TabDelimited => "tab-separated values",
        ParameterStyle.DeepObject => "deepObject",
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "Every style has its word."),
    };

    private static ParameterStyle? Parse(string style) => style switch
    {
        "form" => ParameterStyle.Form,
        "simple" => ParameterStyle.Simple,
        "matrix" => ParameterStyle.Matrix,
        "label" => ParameterStyle.Label,
        "spaceDelimited" => ParameterStyle.SpaceDelimited,
        "pipeDelimited" => ParameterStyle.PipeDelimited,
        "deepObject" => ParameterStyle.DeepObject,
        _ => null,
    };

    /// <summary>The reader's style, for documents that were not read from text (the text's own word is used otherwise).</summary>
    public static ParameterStyle? FromOpenApi(Microsoft.OpenApi.ParameterStyle? style) => style switch
    {
        Microsoft.OpenApi.ParameterStyle.Form => ParameterStyle.Form,
        Microsoft.OpenApi.ParameterStyle.Simple => ParameterStyle.Simple,
        Microsoft.OpenApi.ParameterStyle.Matrix => ParameterStyle.Matrix,
        Microsoft.OpenApi.ParameterStyle.Label => ParameterStyle.Label,
        Microsoft.OpenApi.ParameterStyle.SpaceDelimited => ParameterStyle.SpaceDelimited,
        Microsoft.OpenApi.ParameterStyle.PipeDelimited => ParameterStyle.PipeDelimited,
        Microsoft.OpenApi.ParameterStyle.DeepObject => ParameterStyle.DeepObject,
        _ => null,
    };

    /// <summary>Whether OpenAPI's style table defines the style for the location (form and multipart fields take the query styles).</summary>
    public static bool Belongs(ParameterLocation location, ParameterStyle style) => location switch
    {
        ParameterLocation.Path => style is ParameterStyle.Simple or ParameterStyle.Matrix or ParameterStyle.Label,
        ParameterLocation.Query => style is ParameterStyle.Form or ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited or ParameterStyle.DeepObject,
        ParameterLocation.Header => style == ParameterStyle.Simple,
        _ => style == ParameterStyle.Form,
    };

    private (ParameterStyle Style, bool Explode) FromStyle(ParameterLocation location, RawParameter? raw, ParameterStyle? modelStyle, bool modelExplode, WireSubject subject, string pointer)
    {
        var fallback = DefaultStyle(location);
        ParameterStyle style;
        if (raw is null)
        {
            style = modelStyle is { } given && Belongs(location, given) ? given : fallback;
            return (style, modelExplode);
        }

        if (raw.Style is not { } written)
        {
            style = fallback;
        }
        else if (Parse(written) is not { } parsed || !Belongs(location, parsed))
        {
            // A style OpenAPI does not define, or defines for other locations only.
            _problems.Add(DiagnosticIds.SerializationNotAllowed, pointer + "/style", subject.Arguments("style", written, StyleWord(fallback)));
            style = fallback;
        }
        else
        {
            style = parsed;
        }

        // OpenAPI: explode defaults to true for form and to false for every other style.
        return (style, raw.Explode ?? style == ParameterStyle.Form);
    }

    private (ParameterStyle Style, bool Explode) FromCollectionFormat(ParameterLocation location, ValueShape shape, string? format, WireSubject subject, string pointer)
    {
        var csv = (DefaultStyle(location), false);
        if (shape != ValueShape.Array)
        {
            return (DefaultStyle(location), DefaultStyle(location) == ParameterStyle.Form);
        }

        // An unknown format, or multi, which repeats query and form fields only, on a path, header or cookie parameter.
        if (!TryParseCollectionFormat(format, out var parsed) || (parsed == CollectionFormat.Multi && location != ParameterLocation.Query))
        {
            _problems.Add(DiagnosticIds.SerializationNotAllowed, pointer + "/collectionFormat", subject.Arguments("collectionFormat", format!, "csv"));
            return csv;
        }

        switch (parsed)
        {
            case CollectionFormat.Csv:
                // csv is Swagger 2.0's default: values joined by commas, not repeated.
                return csv;
            case CollectionFormat.Multi:
                return (ParameterStyle.Form, true);
            default:
                return (SeparatorOf(parsed), false);
        }
    }

    /// <summary>Swagger 2.0's <c>collectionFormat</c> values; absent means csv.</summary>
    private enum CollectionFormat
    {
        Csv,
        Ssv,
        Tsv,
        Pipes,
        Multi,
    }

    /// <summary>The one reading of a <c>collectionFormat</c> text, for parameters and for the items of array parameters alike; false for a value 2.0 does not define.</summary>
    private static bool TryParseCollectionFormat(string? text, out CollectionFormat format)
    {
        (var known, format) = text switch
        {
            null or "csv" => (true, CollectionFormat.Csv),
            "ssv" => (true, CollectionFormat.Ssv),
            "tsv" => (true, CollectionFormat.Tsv),
            "pipes" => (true, CollectionFormat.Pipes),
            "multi" => (true, CollectionFormat.Multi),
            _ => (false, CollectionFormat.Csv),
        };
        return known;
    }

    /// <summary>The style that joins items with the format's separator (multi has none: it repeats the parameter).</summary>
    private static ParameterStyle SeparatorOf(CollectionFormat format) => format switch
    {
        CollectionFormat.Ssv => ParameterStyle.SpaceDelimited,
        CollectionFormat.Tsv => ParameterStyle.TabDelimited,
        CollectionFormat.Pipes => ParameterStyle.PipeDelimited,
        _ => ParameterStyle.Simple,
    };

    /// <summary>The combinations OpenAPI's table marks n/a, sent the way they are commonly read, and reported.</summary>
    private (ParameterStyle Style, bool Explode) Undefined(ParameterLocation location, ValueShape shape, ParameterStyle style, bool explode, bool explodeWritten, WireSubject subject, string pointer)
    {
        if (location != ParameterLocation.Query)
        {
            return (style, explode);
        }

        switch (style)
        {
            case ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited or ParameterStyle.TabDelimited when shape == ValueShape.Primitive:
                _problems.Add(DiagnosticIds.StyleForSingleValue, pointer, subject.Arguments(StyleWord(style)));
                return (style, false);
            case ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited when explode && explodeWritten:
                _problems.Add(DiagnosticIds.DelimitedStyleExploded, pointer, subject.Arguments(StyleWord(style)));
                return (style, false);
            case ParameterStyle.DeepObject when shape == ValueShape.Primitive:
                _problems.Add(DiagnosticIds.StyleForSingleValue, pointer, subject.Arguments(StyleWord(style)));
                return (style, true);
            case ParameterStyle.DeepObject when shape == ValueShape.Array:
                _problems.Add(DiagnosticIds.DeepObjectForArray, pointer, subject.Arguments());
                return (style, true);
            case ParameterStyle.DeepObject when !explode:
                _problems.Add(DiagnosticIds.DeepObjectNotExploded, pointer, subject.Arguments());
                return (style, true);
            default:
                return (style, explode);
        }
    }

    /// <summary>Whether a value is certainly an array or an object (a union or untyped value may or may not be).</summary>
    private static bool Nests(TypeRef type) => ShapeOf(type) is ValueShape.Array or ValueShape.Object;

    /// <summary>Arrays of objects, and objects with members that are arrays or objects: no style but deepObject lays them out.</summary>
    private void ReportNesting(TypeRef type, ParameterStyle style, WireSubject subject, string pointer)
    {
        if (style == ParameterStyle.DeepObject)
        {
            return;
        }

        var value = type.AsNullable(false);
        var nested = value.Kind switch
        {
            TypeKind.Array or TypeKind.Map when Nests(value.Element!) => new List<string> { value.Kind == TypeKind.Array ? "items" : "additionalProperties" },
            TypeKind.Named when value.NamedKind == NamedKind.Object && _find(value.Name!) is ObjectDeclaration declaration
                => declaration.Properties.Where(p => Nests(p.Type)).Select(p => "'" + p.JsonName + "'").ToList(),
            _ => new List<string>(),
        };

        // A oneOf, anyOf or untyped value (itself, or its items or members) takes its shape only when it is sent.
        var dynamic = ShapeOf(value) == ValueShape.Dynamic
            || (value.Kind is TypeKind.Array or TypeKind.Map && ShapeOf(value.Element!) == ValueShape.Dynamic)
            || (value.Kind == TypeKind.Named && value.NamedKind == NamedKind.Object && _find(value.Name!) is ObjectDeclaration members && members.Properties.Any(p => ShapeOf(p.Type) == ValueShape.Dynamic));
        if (dynamic && nested.Count == 0)
        {
            _problems.Add(DiagnosticIds.StyleForDynamicValue, pointer, subject.Arguments(StyleWord(style)));
        }
        else if (nested.Count > 0)
        {
            _problems.Add(DiagnosticIds.NestedMembersOutsideDeepObject, pointer, subject.Arguments(string.Join(", ", nested.Take(3)) + (nested.Count > 3 ? " and more" : string.Empty), StyleWord(style)));
        }
    }
}
