namespace Sei.Generators.Emitting;

internal static partial class ClientEmitter
{
    /// <summary>
    /// One class per operation that declares response headers, nested in the client: the SeiResponse the
    /// operation would return anyway (so <c>Account a = await ...</c> still converts), plus one typed
    /// property per declared header, read when the response arrives.
    /// </summary>
    private static void EmitResponseClasses(CodeWriter writer, EmitContext context)
    {
        foreach (var operation in context.Model.Operations)
        {
            if (operation.ResponseHeaders is not { } headers)
            {
                continue;
            }

            var baseType = BaseResponseType(context, operation.Response);
            var name = operation.DisplayName;
            writer.Line();
            writer.Summary("The response of " + name + ", with the headers the API document declares for it typed.");
            writer.Line(EmitContext.GeneratedCodeAttribute);
            writer.Open("public sealed class " + headers.ClassName + " : " + baseType);
            writer.Line("internal " + headers.ClassName + "(" + baseType + " response, string operationName)");
            writer.Line("    : base(response)");
            writer.Line("{").Indent();
            foreach (var header in headers.Headers)
            {
                writer.Line(header.PropertyName + " = " + ReadHeader(context, header) + ";");
            }

            writer.Close();
            foreach (var header in headers.Headers)
            {
                writer.Line();
                writer.Line("/// <summary>Gets the <c>" + CodeWriter.Xml(header.WireName) + "</c> header" + (header.Summary is null ? string.Empty : ": " + CodeWriter.Xml(header.Summary.TrimEnd('.'))) + "; <see langword=\"null\"/> when the server did not send it.</summary>");
                writer.Line("public " + context.Spell(header.Type) + " " + header.PropertyName + " { get; }");
            }

            writer.Close();
        }
    }

    /// <summary>The expression that reads one header into its declared type (a bad value fails like a bad body).</summary>
    private static string ReadHeader(EmitContext context, ResponseHeaderModel header)
    {
        var type = header.Type.AsNullable(false);
        var wire = EmitContext.Literal(header.WireName);
        if (type.Kind == TypeKind.String)
        {
            return KnownTypes.SeiHeaderReader + ".Text(response, " + wire + ")";
        }

        if (type.Kind == TypeKind.Uri)
        {
            return KnownTypes.SeiHeaderReader + ".Uri(response, " + wire + ", operationName)";
        }

        if (type.Kind == TypeKind.Array)
        {
            // The reader splits on commas unless told otherwise.
            var separator = header.Style is ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited or ParameterStyle.TabDelimited
                ? ", " + EmitContext.Literal(ItemDelimiter(header.Style)[0])
                : string.Empty;
            return KnownTypes.SeiHeaderReader + ".List(response, " + wire + ", operationName, " + Parser(context, type.Element!.AsNullable(false)) + separator + ")";
        }

        return KnownTypes.SeiHeaderReader + (type.IsValueType ? ".Value" : ".Reference") + "(response, " + wire + ", operationName, " + Parser(context, type) + ")";
    }

    /// <summary>A function from a header's text (or one item of it) to a value of the declared type.</summary>
    private static string Parser(EmitContext context, TypeRef type) => type.Kind switch
    {
        TypeKind.String => "static __text => __text",
        TypeKind.Boolean => KnownTypes.SeiHeaderReader + ".Boolean",
        TypeKind.Int32 => KnownTypes.SeiHeaderReader + ".Int32",
        TypeKind.Int64 => KnownTypes.SeiHeaderReader + ".Int64",
        TypeKind.Single => KnownTypes.SeiHeaderReader + ".Single",
        TypeKind.Double => KnownTypes.SeiHeaderReader + ".Double",
        TypeKind.Decimal => KnownTypes.SeiHeaderReader + ".Decimal",
        TypeKind.Guid => KnownTypes.SeiHeaderReader + ".Guid",
        TypeKind.DateTime => KnownTypes.SeiHeaderReader + ".DateTime",
        TypeKind.Date => KnownTypes.SeiHeaderReader + (context.Target.HasDateOnly ? ".DateOnly" : ".Date"),
        TypeKind.Bytes => KnownTypes.SeiHeaderReader + ".Bytes",
        TypeKind.Uri => "static __text => new " + KnownTypes.Uri + "(__text, " + KnownTypes.UriKind + ".RelativeOrAbsolute)",
        TypeKind.Named when context.Find(type.Name!) is EnumDeclaration { IsInteger: true } => "static __text => new " + context.Qualified(type.Name!) + "(" + KnownTypes.SeiHeaderReader + ".Int64(__text))",
        TypeKind.Named => "static __text => new " + context.Qualified(type.Name!) + "(__text)",
        _ => throw new System.ArgumentOutOfRangeException(nameof(type), type.Kind, "The builder only lets primitive header types through."),
    };
}
