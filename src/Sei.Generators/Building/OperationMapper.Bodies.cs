using Microsoft.OpenApi;
using Sei.Generators.Reading;

namespace Sei.Generators.Building;

internal sealed partial class OperationMapper
{
    /// <summary>
    /// The request body in each media type the document offers it in, the one the client prefers first
    /// (JSON, then form, multipart, text and binary; the order of the document among equals). A wildcard
    /// media type adds nothing when a concrete one is offered: a body always goes in a concrete type.
    /// </summary>
    private List<BodyModel> MapBodies(OpenApiOperation operation, string path, string method, string baseName, string pointer, HashSet<string> parameterNames)
    {
        var bodies = new List<BodyModel>();
        if (operation.RequestBody is not { } requestBody)
        {
            return bodies;
        }

        var content = requestBody.Content;
        if (content is null || content.Count == 0)
        {
            if (requestBody is OpenApiRequestBodyReference reference && reference.Target is null)
            {
                _problems.Add(DiagnosticIds.UnresolvedReference, pointer + "/requestBody", reference.Reference?.ReferenceV3 ?? "(request body)");
            }

            return bodies;
        }

        // Swagger 2.0 formData parameters are form fields by definition, whatever else "consumes"
        // lists; the reader marks a body that came from an "in: body" parameter with x-bodyName.
        var fromFormData = _schemas.IsSwagger2 && requestBody.Extensions?.ContainsKey(OpenApiConstants.BodyName) != true;
        var ordered = content.OrderBy(pair => fromFormData && IsForm(pair.Key) ? -1 : MediaRank(pair.Key, pair.Value?.Schema)).ToList();
        if (ordered.Any(pair => pair.Key.IndexOf('*') < 0))
        {
            ordered = ordered.Where(pair => pair.Key.IndexOf('*') < 0).ToList();
        }

        var name = Identifiers.MakeUnique("body", parameterNames);
        foreach (var pair in ordered)
        {
            var body = MapMedia(operation, requestBody, pair.Key, pair.Value, path, method, baseName, pointer, name, isPreferred: bodies.Count == 0);
            if (body is null)
            {
                if (bodies.Count == 0)
                {
                    // The preferred media type has nothing to send (see MapMedia): the method takes no body.
                    return bodies;
                }

                continue;
            }

            // application/json and application/json; charset=utf-8 send the same thing: one method is enough.
            if (!bodies.Any(b => b.Kind == body.Kind && b.Type == body.Type && MediaTypes.Base(b.MediaType) == MediaTypes.Base(body.MediaType)))
            {
                bodies.Add(body);
            }
        }

        return bodies;
    }

    /// <summary>
    /// The body in one media type. A type whose structure the client does not serialize (XML, or a form
    /// whose fields are unknown) becomes a body of bytes the caller encodes: SEI2004 says so for the
    /// preferred type, the one the operation's own method sends; another type's method only adds a way to
    /// send the body, so its documentation says it instead (a valid document builds without warnings).
    /// </summary>
    private BodyModel? MapMedia(OpenApiOperation operation, IOpenApiRequestBody requestBody, string mediaType, IOpenApiMediaType? media, string path, string method, string baseName, string pointer, string name, bool isPreferred)
    {
        var callerEncodes = false;
        var kind = BodyKindOf(mediaType, media?.Schema);
        if (kind is BodyKind.FormUrlEncoded or BodyKind.Multipart && IsClosedEmptyObject(media?.Schema))
        {
            // Some documents (Stripe's, for one) declare a form body with no fields and no room for any on
            // every GET and DELETE: there is nothing to send, so the method takes no body.
            return null;
        }

        var bodyPointer = pointer + "/requestBody/content/" + SourceMap.EscapeSegment(mediaType) + "/schema";
        TypeRef type;
        switch (kind)
        {
            case BodyKind.Binary:
                type = new TypeRef(TypeKind.File);
                break;
            case BodyKind.Text:
                type = TypeRef.String;
                break;
            default:
                type = _schemas.Map(media?.Schema, baseName + "Request", bodyPointer).AsNullable(false);
                if (kind is BodyKind.FormUrlEncoded or BodyKind.Multipart && !(type.Kind == TypeKind.Named && type.NamedKind == NamedKind.Object) && type.Kind != TypeKind.Map)
                {
                    if (isPreferred)
                    {
                        _problems.Add(DiagnosticIds.FormBodyNotObject, bodyPointer, mediaType, operation.OperationId ?? baseName);
                    }

                    callerEncodes = true;
                    kind = BodyKind.Binary;
                    type = new TypeRef(TypeKind.File);
                }

                break;
        }

        var mediaKind = MediaTypes.Classify(mediaType);
        var isFormFallback = mediaKind is MediaKind.FormUrlEncoded or MediaKind.MultipartForm or MediaKind.OtherMultipart;
        if (kind == BodyKind.Binary && !isFormFallback && mediaKind != MediaKind.Binary)
        {
            // An XML or other body we cannot serialize: the caller supplies the bytes and we say so once.
            if (media?.Schema is not null && !IsBinarySchema(media.Schema))
            {
                if (isPreferred)
                {
                    _problems.Add(DiagnosticIds.BodyNotSerialized, bodyPointer, mediaType, operation.OperationId ?? baseName);
                }

                callerEncodes = true;
            }
        }

        var fields = kind is BodyKind.FormUrlEncoded or BodyKind.Multipart && type.Kind == TypeKind.Named && _schemas.FindDeclaration(type.Name!) is ObjectDeclaration declaration
            ? _fields.Resolve(kind, declaration, mediaType, media, path, method, operation.OperationId ?? baseName, pointer + "/requestBody/content/" + SourceMap.EscapeSegment(mediaType), _styles)
            : default;
        var required = requestBody.Required;
        return new BodyModel(kind, mediaType, required ? type : type.AsNullable(), required, name, Text.Clean(requestBody.Description), fields, callerEncodes);
    }

    /// <summary>
    /// The name a method gets for one more media type of its body: "UpdateAccount" and
    /// <c>application/json-patch+json</c> give "UpdateAccountAsJsonPatch". The common types have short
    /// words; the others are spelled from their subtype (<c>application/vnd.api+json</c> is "VndApiJson").
    /// </summary>
    private static string MediaWord(string mediaType)
    {
        var type = MediaTypes.Base(mediaType);
        switch (type)
        {
            case "application/json":
                return "Json";
            case "application/merge-patch+json":
                return "MergePatch";
            case "application/json-patch+json":
                return "JsonPatch";
            case "application/x-www-form-urlencoded":
                return "Form";
            case "multipart/form-data":
                return "Multipart";
            case "application/octet-stream":
                return "Binary";
            case "text/plain":
                return "Text";
        }

        var slash = type.IndexOf('/');
        var top = slash < 0 ? type : type.Substring(0, slash);
        var subtype = slash < 0 ? string.Empty : type.Substring(slash + 1);
        if (subtype.StartsWith("x-", StringComparison.Ordinal))
        {
            subtype = subtype.Substring(2);
        }

        var word = Identifiers.ToPascalCase(subtype, string.Empty).TrimStart('_');
        return top is "multipart" or "text" ? Identifiers.ToPascalCase(top, string.Empty) + word : word.Length > 0 ? word : "Body";
    }

    private ResponseModel MapResponse(OpenApiOperation operation, string baseName, string pointer)
    {
        if (operation.Responses is not { Count: > 0 } responses)
        {
            return new ResponseModel(ResponseKind.None, null, null);
        }

        var success = SuccessResponse.Choose(responses);
        if (success is not { Key: not "default" } && SuccessResponse.Redirect(responses) is { } redirect)
        {
            // Only a redirect is declared (GET /files/{id}/content answering 302 with a Location, say): the
            // client follows it, and what it finds there is not described, so it is handed over as bytes.
            return new ResponseModel(ResponseKind.Stream, new TypeRef(TypeKind.File), Text.Clean(redirect.Value?.Description));
        }

        if (success is not { } chosen || chosen.Value?.Content is not { Count: > 0 } content)
        {
            return new ResponseModel(ResponseKind.None, null, Text.Clean(success?.Value?.Description));
        }

        var chosenMedia = content.OrderBy(pair => MediaRank(pair.Key, pair.Value?.Schema)).First();
        var mediaType = chosenMedia.Key;
        var media = chosenMedia.Value;
        var summary = Text.Clean(chosen.Value.Description);
        var kind = MediaTypes.Classify(mediaType);
        if (kind == MediaKind.Json && !IsBinarySchema(media?.Schema))
        {
            var responsePointer = pointer + "/responses/" + SourceMap.EscapeSegment(chosen.Key) + "/content/" + SourceMap.EscapeSegment(mediaType) + "/schema";
            var type = _schemas.Map(media?.Schema, baseName + "Response", responsePointer);
            return new ResponseModel(ResponseKind.Json, type, summary);
        }

        if (kind is MediaKind.PlainText or MediaKind.OtherText && !IsBinarySchema(media?.Schema))
        {
            return new ResponseModel(ResponseKind.Text, TypeRef.String, summary);
        }

        return new ResponseModel(ResponseKind.Stream, new TypeRef(TypeKind.File), summary);
    }

    private static BodyKind BodyKindOf(string mediaType, IOpenApiSchema? schema) => MediaTypes.Classify(mediaType) switch
    {
        MediaKind.Json => IsBinarySchema(schema) ? BodyKind.Binary : BodyKind.Json,
        MediaKind.FormUrlEncoded => BodyKind.FormUrlEncoded,
        MediaKind.MultipartForm or MediaKind.OtherMultipart => BodyKind.Multipart,
        MediaKind.PlainText or MediaKind.OtherText when !IsBinarySchema(schema) => BodyKind.Text,
        _ => BodyKind.Binary,
    };

    private static bool IsForm(string mediaType) => MediaTypes.Classify(mediaType) is MediaKind.FormUrlEncoded or MediaKind.MultipartForm;

    /// <summary>Which media type to use when several are offered: JSON first, then forms, multipart, text and binary.</summary>
    private static int MediaRank(string mediaType, IOpenApiSchema? schema) => MediaTypes.Classify(mediaType) switch
    {
        MediaKind.Json => IsBinarySchema(schema) ? 5 : 0,
        MediaKind.FormUrlEncoded => 1,
        MediaKind.MultipartForm => 2,
        MediaKind.PlainText => 3,
        MediaKind.Binary => 4,
        _ => 6,
    };

    private static bool IsBinarySchema(IOpenApiSchema? schema) => schema is not null && schema.Format == "binary";

    private static bool IsClosedEmptyObject(IOpenApiSchema? schema)
        => schema is not null
            && (schema.Properties is null || schema.Properties.Count == 0)
            && !schema.AdditionalPropertiesAllowed
            && (schema.AllOf is null || schema.AllOf.Count == 0)
            && (schema.OneOf is null || schema.OneOf.Count == 0)
            && (schema.AnyOf is null || schema.AnyOf.Count == 0);
}
