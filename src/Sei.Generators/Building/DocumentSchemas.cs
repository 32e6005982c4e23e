using Microsoft.OpenApi;

namespace Sei.Generators.Building;

/// <summary>
/// Walks every schema a document writes in place: inside components, parameters, bodies, responses
/// and headers, down through properties, items, additional properties and compositions, in document
/// order, each with the name of its place (<c>OrderChannel</c> for the <c>channel</c> property of the
/// component <c>Order</c>). A schema reached through <c>$ref</c> is not entered (it is a component,
/// walked once where it is defined), and a schema object met twice (a shared parameter used by many
/// operations) is yielded once, marked as reused: the mapper meets it once per operation that uses
/// it, so it is shared as surely as a shape written twice. The walk covers the whole document whatever part of it is generated,
/// so what it finds does not depend on which operations a project includes.
/// </summary>
internal static class DocumentSchemas
{
    /// <summary>Deeper than this the mapper stops too (and reports it); the walk need not go further.</summary>
    private const int MaxDepth = 64;

    public static IEnumerable<(IOpenApiSchema Schema, SchemaPlace Place, bool Reused)> InPlace(OpenApiDocument document)
    {
        var seen = new HashSet<IOpenApiSchema>(SameObject.Instance);
        var found = new List<(IOpenApiSchema Schema, SchemaPlace Place, bool Reused)>();
        var components = document.Components;
        foreach (var pair in Pairs(components?.Schemas))
        {
            // A component has a name of its own; only what it writes inside itself is in place. A component
            // that is only a $ref is an alias of another component, walked where that one is defined.
            if (pair.Value is { } schema and not OpenApiSchemaReference && seen.Add(schema))
            {
                Children(schema, new SchemaPlace(null, pair.Key), false, seen, found, 1);
            }
        }

        foreach (var pair in Pairs(components?.Parameters))
        {
            Parameter(pair.Value, new SchemaPlace(null, pair.Key), true, seen, found);
        }

        foreach (var pair in Pairs(components?.Headers))
        {
            Header(pair.Value, new SchemaPlace(null, pair.Key), true, seen, found);
        }

        foreach (var pair in Pairs(components?.RequestBodies))
        {
            Content(pair.Value?.Content, new SchemaPlace(null, pair.Key), true, seen, found);
        }

        foreach (var pair in Pairs(components?.Responses))
        {
            Response(pair.Value, new SchemaPlace(null, pair.Key), true, seen, found);
        }

        foreach (var path in Pairs(document.Paths))
        {
            foreach (var parameter in path.Value?.Parameters ?? Array.Empty<IOpenApiParameter>())
            {
                Parameter(parameter, new SchemaPlace(null, path.Key), true, seen, found);
            }

            foreach (var operation in Pairs(path.Value?.Operations))
            {
                var place = new SchemaPlace(null, operation.Value?.OperationId is { Length: > 0 } id ? id : operation.Key + " " + path.Key);
                foreach (var parameter in operation.Value?.Parameters ?? Array.Empty<IOpenApiParameter>())
                {
                    Parameter(parameter, place, false, seen, found);
                }

                Content(operation.Value?.RequestBody?.Content, new SchemaPlace(place, "Request"), false, seen, found);
                foreach (var response in Pairs(operation.Value?.Responses))
                {
                    Response(response.Value, new SchemaPlace(place, "Response"), false, seen, found);
                }
            }
        }

        return found;
    }

    private static IEnumerable<KeyValuePair<TKey, TValue>> Pairs<TKey, TValue>(IDictionary<TKey, TValue>? dictionary)
        => dictionary ?? (IEnumerable<KeyValuePair<TKey, TValue>>)Array.Empty<KeyValuePair<TKey, TValue>>();

    private static void Parameter(IOpenApiParameter? parameter, SchemaPlace place, bool reused, HashSet<IOpenApiSchema> seen, List<(IOpenApiSchema, SchemaPlace, bool)> found)
    {
        var named = new SchemaPlace(place, parameter?.Name ?? string.Empty);
        Schema(parameter?.Schema, named, reused, seen, found, 0);
        Content(parameter?.Content, named, reused, seen, found);
    }

    private static void Header(IOpenApiHeader? header, SchemaPlace place, bool reused, HashSet<IOpenApiSchema> seen, List<(IOpenApiSchema, SchemaPlace, bool)> found)
    {
        Schema(header?.Schema, place, reused, seen, found, 0);
        Content(header?.Content, place, reused, seen, found);
    }

    private static void Response(IOpenApiResponse? response, SchemaPlace place, bool reused, HashSet<IOpenApiSchema> seen, List<(IOpenApiSchema, SchemaPlace, bool)> found)
    {
        Content(response?.Content, place, reused, seen, found);
        foreach (var header in Pairs(response?.Headers))
        {
            Header(header.Value, new SchemaPlace(place, header.Key), reused, seen, found);
        }
    }

    private static void Content(IDictionary<string, IOpenApiMediaType>? content, SchemaPlace place, bool reused, HashSet<IOpenApiSchema> seen, List<(IOpenApiSchema, SchemaPlace, bool)> found)
    {
        foreach (var media in Pairs(content))
        {
            Schema(media.Value?.Schema, place, reused, seen, found, 0);
        }
    }

    private static void Schema(IOpenApiSchema? schema, SchemaPlace place, bool reused, HashSet<IOpenApiSchema> seen, List<(IOpenApiSchema, SchemaPlace, bool)> found, int depth)
    {
        if (schema is null or OpenApiSchemaReference || depth > MaxDepth || !seen.Add(schema))
        {
            return;
        }

        found.Add((schema, place, reused));
        Children(schema, place, reused, seen, found, depth + 1);
    }

    private static void Children(IOpenApiSchema schema, SchemaPlace place, bool reused, HashSet<IOpenApiSchema> seen, List<(IOpenApiSchema, SchemaPlace, bool)> found, int depth)
    {
        foreach (var property in Pairs(schema.Properties))
        {
            Schema(property.Value, new SchemaPlace(place, property.Key), reused, seen, found, depth);
        }

        Schema(schema.Items, new SchemaPlace(place, "Item"), reused, seen, found, depth);
        Schema(schema.AdditionalProperties, new SchemaPlace(place, "Value"), reused, seen, found, depth);
        foreach (var (part, index) in Compositions(schema))
        {
            Schema(part, new SchemaPlace(place, "Option" + index.ToString(System.Globalization.CultureInfo.InvariantCulture)), reused, seen, found, depth);
        }
    }

    private static IEnumerable<(IOpenApiSchema Part, int Index)> Compositions(IOpenApiSchema schema)
    {
        foreach (var list in new[] { schema.AllOf, schema.OneOf, schema.AnyOf })
        {
            var index = 1;
            foreach (var part in list ?? Array.Empty<IOpenApiSchema>())
            {
                yield return (part, index++);
            }
        }
    }

    /// <summary>Identity, not value equality: two equal schemas written in two places are two places.</summary>
    private sealed class SameObject : IEqualityComparer<IOpenApiSchema>
    {
        public static SameObject Instance { get; } = new();

        public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(IOpenApiSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}

/// <summary>
/// Where a schema stands, as the words of its name (<c>Order channel</c>): a chain of segments, spelled
/// into text only for the few places that name a type, since a large document has tens of thousands.
/// </summary>
internal sealed class SchemaPlace
{
    private readonly SchemaPlace? _parent;
    private readonly string _segment;

    public SchemaPlace(SchemaPlace? parent, string segment)
    {
        _parent = parent;
        _segment = segment;
    }

    /// <summary>The segments from the outermost, separated by spaces.</summary>
    public override string ToString()
    {
        var segments = new List<string>();
        for (var place = this; place is not null; place = place._parent)
        {
            segments.Add(place._segment);
        }

        segments.Reverse();
        return string.Join(" ", segments);
    }
}
