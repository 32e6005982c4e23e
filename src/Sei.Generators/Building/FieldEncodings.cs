using Microsoft.OpenApi;
using Sei.Generators.Reading;
using ParameterLocation = Sei.Generators.Model.ParameterLocation;
using ParameterStyle = Sei.Generators.Model.ParameterStyle;

namespace Sei.Generators.Building;

/// <summary>
/// Decides how each property of a form or multipart body is sent, from the media type's <c>encoding</c>
/// (OpenAPI 3) or the <c>formData</c> parameter's <c>collectionFormat</c> (Swagger 2.0):
/// <list type="bullet">
/// <item>an explicit <c>style</c>, <c>explode</c> or <c>allowReserved</c>, or a 2.0 array: laid out like a query parameter;</item>
/// <item>a JSON <c>contentType</c>: JSON text (form) or one JSON part (multipart);</item>
/// <item>otherwise, in multipart bodies, OpenAPI's defaults: objects and arrays of objects as JSON parts,
/// files as file parts, the rest as text parts; in form bodies, the common convention of repeated names
/// for arrays and brackets for nested objects (<c>card[number]</c>).</item>
/// </list>
/// </summary>
internal sealed class FieldEncodings
{
    private readonly ProblemCollector _problems;
    private readonly RawDocument? _raw;
    private readonly bool _isSwagger2;

    public FieldEncodings(ProblemCollector problems, RawDocument? raw, bool isSwagger2)
    {
        _problems = problems;
        _raw = raw;
        _isSwagger2 = isSwagger2;
    }

    public EquatableArray<FieldEncodingModel> Resolve(BodyKind kind, ObjectDeclaration declaration, string mediaType, IOpenApiMediaType? media, string path, string method, string operation, string mediaPointer, ParameterStyles styles)
    {
        var fields = new List<FieldEncodingModel>();
        foreach (var property in declaration.Properties)
        {
            var type = property.Type.AsNullable(false);
            var encoding = media?.Encoding is { } encodings && encodings.TryGetValue(property.JsonName, out var found) ? found : null;
            var contentType = encoding?.ContentType is { Length: > 0 } declared ? declared : null;
            var subject = new WireSubject(kind == BodyKind.Multipart ? WireSubjectKind.MultipartField : WireSubjectKind.FormField, property.JsonName, operation);
            var pointer = mediaPointer + "/encoding/" + SourceMap.EscapeSegment(property.JsonName);
            var shape = ParameterStyles.ShapeOf(type);
            var isFile = type.Kind == TypeKind.File || (type.Kind == TypeKind.Array && type.Element!.AsNullable(false).Kind == TypeKind.File);

            FieldEncodingModel model;
            if (kind == BodyKind.Multipart && isFile)
            {
                model = new FieldEncodingModel(property.JsonName, FieldEncoding.File, contentType, ParameterStyle.Form, true);
            }
            else if (_isSwagger2 && shape == ValueShape.Array && _raw?.FindParameter(path, method, property.JsonName, "formData") is { } raw)
            {
                var (style, explode) = styles.FormField(raw, subject);
                model = new FieldEncodingModel(property.JsonName, FieldEncoding.Styled, null, style, explode);
            }
            else if (encoding is not null && IsStyled(encoding, _raw?.FindEncoding(path, method, mediaType, property.JsonName)))
            {
                model = Styled(property.JsonName, encoding, shape, subject, pointer);
            }
            else if (contentType is not null && MediaTypes.IsJsonField(contentType))
            {
                model = new FieldEncodingModel(property.JsonName, FieldEncoding.Json, contentType, ParameterStyle.Form, true);
            }
            else if (contentType is not null && shape is ValueShape.Object or ValueShape.Dynamic && MediaTypes.FirstOf(contentType) != "text/plain")
            {
                _problems.Add(DiagnosticIds.FieldContentTypeNotSerialized, pointer + "/contentType", subject.Arguments(contentType));
                model = kind == BodyKind.Multipart
                    ? new FieldEncodingModel(property.JsonName, FieldEncoding.Json, null, ParameterStyle.Form, true)
                    : new FieldEncodingModel(property.JsonName, FieldEncoding.Flattened, null, ParameterStyle.Form, true);
            }
            else if (kind == BodyKind.Multipart && (shape is ValueShape.Object or ValueShape.Dynamic || (shape == ValueShape.Array && !type.Element!.AsNullable(false).IsPrimitive)))
            {
                // OpenAPI's default contentType for an object (or each object of an array) is application/json.
                model = new FieldEncodingModel(property.JsonName, FieldEncoding.Json, null, ParameterStyle.Form, true);
            }
            else
            {
                model = new FieldEncodingModel(property.JsonName, FieldEncoding.Flattened, contentType, ParameterStyle.Form, true);
            }

            fields.Add(model);
        }

        return fields.ToEquatableArray();
    }

    /// <summary>
    /// Whether an encoding asks for a style: OpenAPI takes the presence of <c>style</c>, <c>explode</c> or
    /// <c>allowReserved</c> to mean so. The reader fills in explode when it is absent, so what was written is
    /// read from the text when there is one.
    /// </summary>
    private static bool IsStyled(OpenApiEncoding encoding, RawParameter? raw)
        => raw is null
            ? encoding.Style is not null
            : raw.Style is not null || raw.Explode is not null || raw.AllowReserved is not null;

    private FieldEncodingModel Styled(string jsonName, OpenApiEncoding encoding, ValueShape shape, WireSubject subject, string pointer)
    {
        var style = ParameterStyles.FromOpenApi(encoding.Style) ?? ParameterStyle.Form;
        if (!ParameterStyles.Belongs(ParameterLocation.Query, style))
        {
            // Form fields take the query styles only: form, spaceDelimited, pipeDelimited, deepObject.
            _problems.Add(DiagnosticIds.SerializationNotAllowed, pointer + "/style", subject.Arguments("style", ParameterStyles.StyleWord(style), "form"));
            style = ParameterStyle.Form;
        }

        // As for query parameters: explode defaults to true for form only; deepObject is always exploded.
        var explode = style == ParameterStyle.DeepObject || (encoding.Explode ?? style == ParameterStyle.Form);
        if (shape == ValueShape.Primitive && style != ParameterStyle.Form)
        {
            _problems.Add(DiagnosticIds.StyleForSingleValue, pointer, subject.Arguments(ParameterStyles.StyleWord(style)));
        }

        return new FieldEncodingModel(jsonName, FieldEncoding.Styled, encoding.ContentType, style, explode);
    }
}
