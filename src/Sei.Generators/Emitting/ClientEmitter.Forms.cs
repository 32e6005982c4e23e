namespace Sei.Generators.Emitting;

internal static partial class ClientEmitter
{
    private const string FieldList = KnownTypes.List + "<" + KnownTypes.KeyValuePair + "<string, string?>>";

    /// <summary>
    /// A form or multipart body: each property as its field encoding says (see <see cref="FieldEncoding"/>),
    /// then the members the document does not list, flattened. Multipart text fields come first, then
    /// JSON and file parts, in property order.
    /// </summary>
    private static void EmitFormBody(CodeWriter writer, EmitContext context, BodyModel body, string value)
    {
        var multipart = body.Kind == BodyKind.Multipart;
        writer.Line("var __fields = new " + FieldList + "();");
        if (multipart)
        {
            writer.Line("var __parts = new " + KnownTypes.SeiMultipart + "();");
        }

        if (body.Type.Kind == TypeKind.Map)
        {
            // A free-form form: every entry becomes a field.
            writer.Open("foreach (var __pair in " + value + ")");
            writer.Line(KnownTypes.SeiForm + ".Add(__fields, __pair.Key, " + context.Deferred(body.Type.Element!, "__pair.Value") + ");");
            writer.Close();
            if (multipart)
            {
                writer.Line("__parts.AddFields(__fields);");
            }
        }
        else
        {
            var declaration = context.Find(body.Type.Name!) as ObjectDeclaration;
            var properties = declaration?.Properties ?? default;
            // A form body takes every field in order; a multipart body takes its plain text fields first.
            foreach (var field in body.Fields.Where(f => !multipart || IsPlainTextPart(f)))
            {
                EmitField(writer, context, properties.First(p => p.JsonName == field.JsonName), field, value, multipart);
            }

            // The field, not the property: reading the property would create an empty dictionary on every call.
            writer.Open("if (" + value + "." + ModelEmitter.AdditionalField + " is { } __extra) foreach (var __pair in __extra)");
            writer.Line(KnownTypes.SeiForm + ".Add(__fields, __pair.Key, " + context.Deferred(declaration?.AdditionalProperties ?? TypeRef.Any, "__pair.Value") + ");");
            writer.Close();
            if (multipart)
            {
                writer.Line("__parts.AddFields(__fields);");
                foreach (var field in body.Fields.Where(f => !IsPlainTextPart(f)))
                {
                    EmitField(writer, context, properties.First(p => p.JsonName == field.JsonName), field, value, multipart);
                }
            }
        }

        writer.Line(multipart ? "__request.Content = __parts.ToContent();" : "__request.Content = " + KnownTypes.SeiContent + ".FormUrlEncoded(__fields);");
    }

    /// <summary>Fields that become text parts without a media type of their own, collected with the form's other fields.</summary>
    private static bool IsPlainTextPart(FieldEncodingModel field)
        => field.Encoding == FieldEncoding.Styled || (field.Encoding == FieldEncoding.Flattened && field.ContentType is null);

    private static void EmitField(CodeWriter writer, EmitContext context, PropertyModel property, FieldEncodingModel field, string value, bool multipart)
    {
        var access = value + "." + property.Name;
        var type = property.Type.AsNullable(false);
        var unwrapped = EmitContext.Unwrapped(property.Type, access);
        var wire = EmitContext.Literal(property.JsonName);
        var mediaType = field.ContentType is null ? string.Empty : ", " + EmitContext.Literal(field.ContentType);
        var open = property.Type.IsNullable ? "if (" + access + " is not null) " : string.Empty;
        var element = type.Kind == TypeKind.Array ? type.Element! : null;
        switch (field.Encoding)
        {
            case FieldEncoding.File when element is not null:
                writer.Line(open + "foreach (var __file in " + unwrapped + ") __parts.AddFile(" + wire + ", __file" + mediaType + ");");
                break;
            case FieldEncoding.File:
                writer.Line(open + "__parts.AddFile(" + wire + ", " + unwrapped + mediaType + ");");
                break;
            case FieldEncoding.Json when multipart && element is not null:
                // Each object of an array is a part of its own, all under the property's name.
                writer.Line(open + "foreach (var __item in " + unwrapped + ") __parts.AddJson(" + wire + ", " + context.Deferred(element, "__item") + mediaType + ");");
                break;
            case FieldEncoding.Json when multipart:
                writer.Line(open + "__parts.AddJson(" + wire + ", " + context.Deferred(type, unwrapped) + mediaType + ");");
                break;
            case FieldEncoding.Json:
                writer.Line(open + KnownTypes.SeiForm + ".AddJson(__fields, " + wire + ", " + context.Deferred(type, unwrapped) + ");");
                break;
            case FieldEncoding.Styled:
                writer.Line(open + KnownTypes.SeiForm + ".AddStyled(__fields, " + wire + ", " + ValueExpression(context, type, unwrapped) + ", " + KnownTypes.SeiParameterStyle + "." + StyleName(field.Style) + ", " + EmitContext.Literal(field.Explode) + ");");
                break;
            case FieldEncoding.Flattened when multipart && field.ContentType is not null:
                // Text parts with the media type the document names (text/csv, say), one per value.
                if (open.Length > 0)
                {
                    writer.Open(open.TrimEnd());
                }
                else
                {
                    writer.Line("{").Indent();
                }

                writer.Line("var __text = new " + FieldList + "();");
                writer.Line(KnownTypes.SeiForm + ".Add(__text, " + wire + ", " + context.Deferred(type, unwrapped) + ");");
                writer.Line("foreach (var __field in __text) __parts.AddText(__field.Key, __field.Value" + mediaType + ");");
                writer.Close();
                break;
            default:
                writer.Line(open + KnownTypes.SeiForm + ".Add(__fields, " + wire + ", " + context.Deferred(type, unwrapped) + ");");
                break;
        }
    }
}
