using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sei.Generators.Model;

namespace Sei.Testing.Engine;

/// <summary>
/// Checks a request against its operation as the document declares it: required parameters present,
/// values of their declared type and length, the body's media type, and the body's required members.
/// Each finding names the field and where it travelled, as SEI's envelope does.
/// </summary>
internal sealed class RequestChecks
{
    private readonly ServerDocument _document;

    public RequestChecks(ServerDocument document) => _document = document;

    public List<SeiFieldError> Check(HttpContext context, OperationModel operation, IReadOnlyDictionary<string, string> pathValues, string body)
    {
        var errors = new List<SeiFieldError>();
        foreach (var parameter in operation.Parameters)
        {
            var location = parameter.Location.ToString().ToLowerInvariant();
            var value = parameter.Location switch
            {
                ParameterLocation.Path => pathValues.TryGetValue(parameter.WireName, out var path) ? path : null,
                ParameterLocation.Query => context.Request.Query.TryGetValue(parameter.WireName, out var query) ? string.Join(",", query.ToArray()) : null,
                ParameterLocation.Header => context.Request.Headers.TryGetValue(parameter.WireName, out var header) ? header.ToString() : null,
                _ => context.Request.Cookies.TryGetValue(parameter.WireName, out var cookie) ? cookie : null,
            };
            if (value is null)
            {
                // A query object in the form or deepObject style travels as its members, not under its own name.
                var asMembers = parameter.Location == ParameterLocation.Query && parameter.Type.Kind is TypeKind.Named or TypeKind.Map;
                if (parameter.IsRequired && !asMembers)
                {
                    errors.Add(new SeiFieldError(parameter.WireName, location, "is required"));
                }

                continue;
            }

            if (parameter.MaxLength is { } maxLength && parameter.Type.Kind == TypeKind.String && value.Length > maxLength)
            {
                errors.Add(new SeiFieldError(parameter.WireName, location, "is " + value.Length.ToString(CultureInfo.InvariantCulture) + " characters long; at most " + maxLength.ToString(CultureInfo.InvariantCulture) + " are allowed"));
            }
            else if (!parameter.IsJson && Mismatch(parameter.Type.Kind == TypeKind.Array ? parameter.Type.Element! : parameter.Type, value, parameter.Type.Kind == TypeKind.Array) is { } reason)
            {
                errors.Add(new SeiFieldError(parameter.WireName, location, reason));
            }
        }

        if (operation.Body is { } declared)
        {
            // Every media type the document offers for the body: the client sends any of them
            // (UpdateProductAsJsonPatchAsync beside UpdateProductAsync, CreateNoteAsTextAsync beside CreateNoteAsync).
            CheckBody(context, new[] { declared }.Concat(operation.BodyVariants.Select(v => v.Body)).ToList(), body, errors);
        }

        return errors;
    }

    private void CheckBody(HttpContext context, IReadOnlyList<BodyModel> declared, string body, List<SeiFieldError> errors)
    {
        var mediaTypes = string.Join(" or ", declared.Select(b => b.MediaType));
        if (body.Length == 0)
        {
            if (declared[0].IsRequired)
            {
                errors.Add(new SeiFieldError("body", "body", "is required (" + mediaTypes + ")"));
            }

            return;
        }

        var contentType = context.Request.ContentType ?? string.Empty;
        if (declared.FirstOrDefault(b => Accepts(b, contentType)) is not { } expected)
        {
            errors.Add(new SeiFieldError("Content-Type", "header", "is '" + contentType + "'; this operation takes " + mediaTypes));
            return;
        }

        if (expected.Kind != BodyKind.Json)
        {
            return;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException exception)
        {
            errors.Add(new SeiFieldError("body", "body", "is not JSON: " + exception.Message));
            return;
        }

        CheckRequired(expected.Type, node, string.Empty, errors, 0);
    }

    /// <summary>Required members, down the object's own members (not into lists), a few levels deep.</summary>
    private void CheckRequired(TypeRef type, JsonNode? node, string path, List<SeiFieldError> errors, int depth)
    {
        if (depth > 4 || type.Kind != TypeKind.Named || _document.Find(type.Name) is not ObjectDeclaration declaration || node is not JsonObject value)
        {
            return;
        }

        foreach (var property in declaration.Properties)
        {
            var field = path.Length == 0 ? property.JsonName : path + "." + property.JsonName;
            if (!value.TryGetPropertyValue(property.JsonName, out var member))
            {
                if (property.IsRequired && !property.IsReadOnly)
                {
                    errors.Add(new SeiFieldError(field, "body", "is required"));
                }

                continue;
            }

            CheckRequired(property.Type, member, field, errors, depth + 1);
        }
    }

    private static bool Accepts(BodyModel expected, string contentType)
    {
        // The type the document declares is always right, whatever its kind (text/json, application/vnd.acme.v1+xml).
        var mediaType = WireText.MediaType(contentType);
        return mediaType.Equals(expected.MediaType, StringComparison.OrdinalIgnoreCase) || expected.Kind switch
        {
            BodyKind.Json => WireText.IsJson(mediaType),
            BodyKind.FormUrlEncoded => mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase),
            BodyKind.Multipart => mediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase),
            BodyKind.Text => mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || mediaType.Equals(expected.MediaType, StringComparison.OrdinalIgnoreCase),
            _ => true,
        };
    }

    /// <summary>Why a parameter's text is not of its declared type, or <see langword="null"/> when it is.</summary>
    private string? Mismatch(TypeRef type, string value, bool list)
    {
        foreach (var item in list ? value.Split(new[] { ',', ' ', '|', '\t' }, StringSplitOptions.RemoveEmptyEntries) : new[] { value })
        {
            var valid = type.Kind == TypeKind.Named && _document.Find(type.Name) is EnumDeclaration enumeration
                ? enumeration.Members.Any(m => m.WireValue == item) || enumeration.Members.Count == 0
                : WireText.Parses(type.Kind, item);
            if (!valid)
            {
                return "'" + item + "' is not " + Describe(type);
            }
        }

        return null;
    }

    private string Describe(TypeRef type) => type.Kind switch
    {
        TypeKind.Int32 or TypeKind.Int64 => "an integer",
        TypeKind.Single or TypeKind.Double or TypeKind.Decimal => "a number",
        TypeKind.Boolean => "true or false",
        TypeKind.Guid => "a UUID",
        TypeKind.Date => "a date (yyyy-MM-dd)",
        TypeKind.DateTime => "a date and time (RFC 3339)",
        _ when _document.Find(type.Name) is EnumDeclaration enumeration => "one of " + string.Join(", ", enumeration.Members.Select(m => m.WireValue)),
        _ => "of the declared type",
    };
}
