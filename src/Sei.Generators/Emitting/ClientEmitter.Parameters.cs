namespace Sei.Generators.Emitting;

internal static partial class ClientEmitter
{
    /// <summary>
    /// One parameter into the request. A primitive in its location's usual layout takes the short calls
    /// (<c>SetPathParameter(name, text)</c>, <c>AddQueryParameter(name, text)</c>); everything else passes a
    /// <c>SeiParameterValue</c> with the style the builder settled on, which the runtime lays out.
    /// </summary>
    private static void EmitParameter(CodeWriter writer, EmitContext context, ParameterModel parameter)
    {
        var type = parameter.Type;
        var value = EmitContext.Identifier(parameter.Name);
        var nonNull = type.AsNullable(false);
        var unwrapped = EmitContext.Unwrapped(type, value);
        var wire = EmitContext.Literal(parameter.WireName);
        if (parameter.IsJson || (nonNull.IsPrimitive && IsPlainLayout(parameter)))
        {
            // A string needs no formatting, so a null one can be passed through as it is.
            var text = parameter.IsJson ? JsonText(context, nonNull, unwrapped) : context.Format(nonNull, unwrapped);
            var guard = type.IsNullable && (parameter.IsJson || nonNull.Kind != TypeKind.String) ? value + " is null ? null : " : string.Empty;
            writer.Line(parameter.Location switch
            {
                ParameterLocation.Path => "__request.SetPathParameter(" + wire + ", " + text + ");",
                ParameterLocation.Query => "__request.AddQueryParameter(" + wire + ", " + guard + text + ");",
                ParameterLocation.Header => "__request.AddHeader(" + wire + ", " + guard + text + ");",
                ParameterLocation.Cookie => "__request.AddCookie(" + wire + ", " + guard + text + ");",
                _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter.Location, "A parameter is in a path, query, header or cookie."),
            });
            return;
        }

        var layout = parameter.ItemFormat is { } itemFormat ? JoinedItemsExpression(context, nonNull, unwrapped, itemFormat) : ValueExpression(context, nonNull, unwrapped);
        var orNull = type.IsNullable ? value + " is null ? null : " : string.Empty;
        var style = KnownTypes.SeiParameterStyle + "." + StyleName(parameter.Style);
        var explode = EmitContext.Literal(parameter.Explode);
        writer.Line(parameter.Location switch
        {
            // A path parameter always has a value; the builder names the parameter if a JSON value turns out null.
            ParameterLocation.Path => "__request.SetPathParameter(" + wire + ", " + layout + (parameter.ItemFormat is null && IsFromJson(nonNull) ? "!" : string.Empty) + ", " + style + ", " + explode + ");",
            ParameterLocation.Query => "__request.AddQueryParameter(" + wire + ", " + orNull + layout + ", " + style + ", " + explode + (parameter.AllowReserved ? ", allowReserved: true" : string.Empty) + ");",
            ParameterLocation.Header => "__request.AddHeader(" + wire + ", " + orNull + layout + ", " + style + ", " + explode + ");",
            ParameterLocation.Cookie => "__request.AddCookie(" + wire + ", " + orNull + layout + ", " + explode + ");",
            _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter.Location, "A parameter is in a path, query, header or cookie."),
        });
    }

    /// <summary>Whether a primitive goes out as the short calls send it: name=value in a query or cookie, the bare value in a path or header.</summary>
    private static bool IsPlainLayout(ParameterModel parameter) => parameter.Location switch
    {
        ParameterLocation.Path => parameter.Style == ParameterStyle.Simple,

        // For one value, every query style the builder lets through gives name=value.
        ParameterLocation.Query => !parameter.AllowReserved,
        ParameterLocation.Header or ParameterLocation.Cookie => true,
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter.Location, "A parameter is in a path, query, header or cookie."),
    };

    /// <summary>
    /// A <c>SeiParameterValue</c> for a value: a primitive formatted as text, an array of primitives item by
    /// item, and anything else (objects, maps, unions, arrays of objects) through its JSON form, so that its
    /// shape is the one it has when the call is made.
    /// </summary>
    private static string ValueExpression(EmitContext context, TypeRef type, string value)
    {
        if (type.IsPrimitive)
        {
            return KnownTypes.SeiParameterValue + ".Primitive(" + context.Format(type, value) + ")";
        }

        if (type.Kind == TypeKind.Array && type.Element!.AsNullable(false).IsPrimitive)
        {
            // Strings are their own text: the list is passed as it is, without a projection (a lambda the compiler emits per call site).
            var item = FormatItem(context, type.Element!, "__item");
            return item == "__item"
                ? KnownTypes.SeiParameterValue + ".Array(" + value + ")"
                : KnownTypes.SeiParameterValue + ".Array(" + KnownTypes.Enumerable + ".Select(" + value + ", static __item => " + item + "))";
        }

        return KnownTypes.SeiParameterValue + ".FromJson(" + context.Deferred(type, value) + ")";
    }

    /// <summary>
    /// A Swagger 2.0 array of arrays: each inner array joined with its own delimiter into one item
    /// (<c>a,b</c>), then the items laid out as the outer <c>collectionFormat</c> says (<c>a,b|c,d</c>).
    /// </summary>
    private static string JoinedItemsExpression(EmitContext context, TypeRef type, string value, ParameterStyle itemFormat)
    {
        var items = type.Element!;
        var inner = items.AsNullable(false);
        var join = "string.Join(" + EmitContext.Literal(ItemDelimiter(itemFormat)) + ", " + KnownTypes.Enumerable + ".Select(" + EmitContext.Unwrapped(items, "__item") + ", static __inner => " + FormatItem(context, inner.Element!, "__inner") + "))";
        var item = items.IsNullable ? "__item is null ? string.Empty : " + join : join;
        return KnownTypes.SeiParameterValue + ".Array(" + KnownTypes.Enumerable + ".Select(" + value + ", static __item => " + item + "))";
    }

    private static string ItemDelimiter(ParameterStyle itemFormat) => itemFormat switch
    {
        ParameterStyle.Simple => ",",
        ParameterStyle.SpaceDelimited => " ",
        ParameterStyle.TabDelimited => "\t",
        ParameterStyle.PipeDelimited => "|",
        _ => throw new System.ArgumentOutOfRangeException(nameof(itemFormat), itemFormat, "Swagger 2.0 joins array items with csv, ssv, tsv or pipes only."),
    };

    private static bool IsFromJson(TypeRef type)
        => !type.IsPrimitiveOrPrimitiveArray;

    /// <summary>The JSON text of a value, for parameters declared with <c>content: application/json</c>.</summary>
    private static string JsonText(EmitContext context, TypeRef type, string value)
        => KnownTypes.SeiJsonWrite + ".ToJsonString" + context.WithContract(type) + "(" + value + ")";

    private static string StyleName(ParameterStyle style) => style switch
    {
        ParameterStyle.Form => "Form",
        ParameterStyle.Simple => "Simple",
        ParameterStyle.Matrix => "Matrix",
        ParameterStyle.Label => "Label",
        ParameterStyle.SpaceDelimited => "SpaceDelimited",
        ParameterStyle.PipeDelimited => "PipeDelimited",
        ParameterStyle.TabDelimited => "TabDelimited",
        ParameterStyle.DeepObject => "DeepObject",
        _ => throw new System.ArgumentOutOfRangeException(nameof(style), style, "A style the model does not define."),
    };
}
