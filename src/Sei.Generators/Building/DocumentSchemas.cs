using System;
using System.Collections.Generic;
using Microsoft.OpenApi;

namespace Sei.Generators.Building;

/// <summary>
/// Walks every schema a document writes in place: inside components, parameters, bodies, responses
/// and headers, down through properties, items, additional properties and compositions. A schema
/// reached through <c>$ref</c> is not entered (it is a component, walked once where it is defined),
/// and a schema object met twice (a shared parameter used by many operations) is yielded once.
/// </summary>
internal static class DocumentSchemas
{
    /// <summary>Deeper than this the mapper stops too (and reports it); the walk need not go further.</summary>
    private const int MaxDepth = 64;

    public static IEnumerable<IOpenApiSchema> InPlace(OpenApiDocument document)
    {
        var seen = new HashSet<IOpenApiSchema>(SameObject.Instance);
        var found = new List<IOpenApiSchema>();
        var components = document.Components;
        foreach (var schema in Values(components?.Schemas))
        {
            // A component has a name of its own; only what it writes inside itself is in place. A component
            // that is only a $ref is an alias of another component, walked where that one is defined.
            if (schema is not null and not OpenApiSchemaReference && seen.Add(schema))
            {
                Children(schema, seen, found, 1);
            }
        }

        foreach (var parameter in Values(components?.Parameters))
        {
            Parameter(parameter, seen, found);
        }

        foreach (var header in Values(components?.Headers))
        {
            Header(header, seen, found);
        }

        foreach (var body in Values(components?.RequestBodies))
        {
            Content(body?.Content, seen, found);
        }

        foreach (var response in Values(components?.Responses))
        {
            Response(response, seen, found);
        }

        foreach (var path in Values(document.Paths))
        {
            foreach (var parameter in path?.Parameters ?? Array.Empty<IOpenApiParameter>())
            {
                Parameter(parameter, seen, found);
            }

            foreach (var operation in Values(path?.Operations))
            {
                foreach (var parameter in operation?.Parameters ?? Array.Empty<IOpenApiParameter>())
                {
                    Parameter(parameter, seen, found);
                }

                Content(operation?.RequestBody?.Content, seen, found);
                foreach (var response in Values(operation?.Responses))
                {
                    Response(response, seen, found);
                }
            }
        }

        return found;
    }

    private static IEnumerable<TValue> Values<TKey, TValue>(IDictionary<TKey, TValue>? dictionary)
        => dictionary?.Values ?? (IEnumerable<TValue>)Array.Empty<TValue>();

    private static void Parameter(IOpenApiParameter? parameter, HashSet<IOpenApiSchema> seen, List<IOpenApiSchema> found)
    {
        Schema(parameter?.Schema, seen, found, 0);
        Content(parameter?.Content, seen, found);
    }

    private static void Header(IOpenApiHeader? header, HashSet<IOpenApiSchema> seen, List<IOpenApiSchema> found)
    {
        Schema(header?.Schema, seen, found, 0);
        Content(header?.Content, seen, found);
    }

    private static void Response(IOpenApiResponse? response, HashSet<IOpenApiSchema> seen, List<IOpenApiSchema> found)
    {
        Content(response?.Content, seen, found);
        foreach (var header in Values(response?.Headers))
        {
            Header(header, seen, found);
        }
    }

    private static void Content(IDictionary<string, IOpenApiMediaType>? content, HashSet<IOpenApiSchema> seen, List<IOpenApiSchema> found)
    {
        foreach (var media in Values(content))
        {
            Schema(media?.Schema, seen, found, 0);
        }
    }

    private static void Schema(IOpenApiSchema? schema, HashSet<IOpenApiSchema> seen, List<IOpenApiSchema> found, int depth)
    {
        if (schema is null or OpenApiSchemaReference || depth > MaxDepth || !seen.Add(schema))
        {
            return;
        }

        found.Add(schema);
        Children(schema, seen, found, depth + 1);
    }

    private static void Children(IOpenApiSchema schema, HashSet<IOpenApiSchema> seen, List<IOpenApiSchema> found, int depth)
    {
        foreach (var property in Values(schema.Properties))
        {
            Schema(property, seen, found, depth);
        }

        Schema(schema.Items, seen, found, depth);
        Schema(schema.AdditionalProperties, seen, found, depth);
        foreach (var part in Compositions(schema))
        {
            Schema(part, seen, found, depth);
        }
    }

    private static IEnumerable<IOpenApiSchema> Compositions(IOpenApiSchema schema)
    {
        foreach (var list in new[] { schema.AllOf, schema.OneOf, schema.AnyOf })
        {
            foreach (var part in list ?? Array.Empty<IOpenApiSchema>())
            {
                yield return part;
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
