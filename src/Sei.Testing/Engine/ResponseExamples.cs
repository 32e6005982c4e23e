using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Sei.Generators.Model;

namespace Sei.Testing.Engine;

/// <summary>
/// The document's own examples of its operations' success responses, so the server answers with what
/// the document's authors wrote where they wrote something. An example is used only when it fits the
/// operation's response type as the generated client reads it (objects where objects are declared,
/// required members present, enumeration values declared, numbers and Booleans where they are
/// declared): examples that contradict their own schema exist in real documents, and a test must not
/// fail on the document's mistake.
/// </summary>
internal sealed class ResponseExamples
{
    private readonly Dictionary<(string Method, string Path), JsonNode> _examples = new();

    public ResponseExamples(OpenApiDocument document)
    {
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            foreach (var operation in path.Value?.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
            {
                if (First(operation.Value) is { } example)
                {
                    _examples[(operation.Key.Method.ToUpperInvariant(), path.Key)] = example;
                }
            }
        }
    }

    /// <summary>The example of an operation's success response, if the document has one.</summary>
    public JsonNode? Of(OperationModel operation) => _examples.TryGetValue((operation.HttpMethod.ToUpperInvariant(), operation.Path), out var example) ? example : null;

    /// <summary>Whether a value fits a type as the generated client reads it.</summary>
    public static bool Fits(JsonNode? value, TypeRef type, ServerDocument document, int depth = 0)
    {
        if (value is null)
        {
            return type.IsNullable || type.Kind == TypeKind.Any;
        }

        if (depth > 32)
        {
            return true;
        }

        // Kinds, not CLR types: a YAML document's example numbers arrive as decimals, a JSON one's as JSON elements.
        var kind = value.GetValueKind();
        switch (type.Kind)
        {
            case TypeKind.Any:
                return true;
            case TypeKind.Boolean:
                return kind is JsonValueKind.True or JsonValueKind.False;
            case TypeKind.Int32:
            case TypeKind.Int64:
                return kind == JsonValueKind.Number && WireText.Parses(type.Kind, value.ToJsonString());
            case TypeKind.Single:
            case TypeKind.Double:
            case TypeKind.Decimal:
                return kind == JsonValueKind.Number;
            case TypeKind.Guid:
            case TypeKind.DateTime:
            case TypeKind.Date:
                return Text(value) is { } text && WireText.Parses(type.Kind, text);
            case TypeKind.Uri:
                // As the client reads a URI: absolute, or relative to the server ("https://..." is neither).
                return Text(value) is { } uri && Uri.TryCreate(uri, UriKind.RelativeOrAbsolute, out _);
            case TypeKind.Bytes:
                return Text(value) is { } bytes && Convert.TryFromBase64String(bytes, new byte[bytes.Length], out _);
            case TypeKind.String:
            case TypeKind.File:
                return kind == JsonValueKind.String;
            case TypeKind.Array:
                return value is JsonArray array && array.All(item => Fits(item, type.Element!, document, depth + 1));
            case TypeKind.Map:
                return value is JsonObject map && map.All(member => Fits(member.Value, type.Element!, document, depth + 1));
            default:
                return FitsNamed(value, type, document, depth);
        }
    }

    /// <summary>A JSON string's text, or <see langword="null"/> for any other kind of value.</summary>
    private static string? Text(JsonNode value)
        => value.GetValueKind() == JsonValueKind.String ? JsonSerializer.Deserialize<string>(value.ToJsonString()) : null;

    private static bool FitsNamed(JsonNode value, TypeRef type, ServerDocument document, int depth)
    {
        switch (document.Find(type.Name))
        {
            case EnumDeclaration enumeration:
                return value is JsonValue wire && enumeration.Members.Any(m => m.WireValue == (Text(wire) ?? wire.ToJsonString()));
            case ObjectDeclaration declaration:
                if (value is not JsonObject members)
                {
                    return false;
                }

                foreach (var property in declaration.Properties)
                {
                    if (members.TryGetPropertyValue(property.JsonName, out var member))
                    {
                        if (!Fits(member, property.Type, document, depth + 1))
                        {
                            return false;
                        }
                    }
                    else if (property.IsRequired)
                    {
                        return false;
                    }
                }

                return true;
            case UnionDeclaration union:
                return union.Variants.Any(variant => Fits(value, variant.Type, document, depth + 1));
            default:
                return true;
        }
    }

    /// <summary>The first success response's JSON example: <c>example</c>, else the first of <c>examples</c>.</summary>
    private static JsonNode? First(OpenApiOperation operation)
    {
        var success = operation.Responses?
            .Where(r => r.Key.Length == 3 && r.Key[0] == '2')
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => r.Value)
            .FirstOrDefault();
        if (success?.Content is not { } content)
        {
            return null;
        }

        var json = content.FirstOrDefault(c => WireText.IsJson(c.Key)).Value;
        return json?.Example ?? json?.Examples?.Values.Select(e => e?.Value).FirstOrDefault(v => v is not null);
    }
}
