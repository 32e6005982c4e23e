using System.Threading;
using Microsoft.OpenApi;

namespace Sei.Generators.Building;

internal sealed partial class SchemaMapper
{
    /// <summary>Deeper inline nesting than this in an error body is not searched for references; no real document comes near it.</summary>
    private const int MaxErrorSchemaDepth = 32;

    /// <summary>
    /// The component schemas that the error responses (4xx, 5xx and a <c>default</c> that is not the
    /// success) of <paramref name="operations"/> name. The client reads error bodies into the runtime's
    /// envelope (<c>SeiApiException</c>), so no operation's signature names these types; yet the whole
    /// document generates them, and code reads <c>RawBody</c> into the document's own error type
    /// (<c>SeiJson.Deserialize&lt;Error&gt;</c>), so a part generates them as well. An inline error body
    /// declares no type when the whole document is built, so only the components it names count.
    /// </summary>
    /// <param name="operations">The operations generated.</param>
    /// <returns>The schemas' IDs, in the order the operations name them, repeats included.</returns>
    public static List<string> ErrorBodyComponents(IEnumerable<OpenApiOperation> operations)
    {
        var named = new List<string>();
        foreach (var operation in operations)
        {
            var success = SuccessResponse.Choose(operation.Responses)?.Key;
            foreach (var response in operation.Responses ?? new OpenApiResponses())
            {
                if (response.Key == success || !IsErrorStatus(response.Key))
                {
                    continue;
                }

                foreach (var media in response.Value?.Content ?? new Dictionary<string, IOpenApiMediaType>())
                {
                    CollectComponentReferences(media.Value?.Schema, named, 0);
                }
            }
        }

        return named;
    }

    /// <summary>
    /// Maps component schemas that no operation's signature needs to reach, when only what some
    /// operations reach is mapped: error bodies and <c>schema:</c> includes. Each stands for values, so
    /// the types that derive from it come too (see <see cref="MapDerivedComponents"/>).
    /// </summary>
    /// <param name="ids">The schemas' IDs.</param>
    /// <param name="components">The document's component schemas.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public void MapRootComponents(IEnumerable<string> ids, IDictionary<string, IOpenApiSchema> components, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!components.TryGetValue(id, out var schema))
            {
                // A reference that does not resolve was reported by reading; the whole document maps nothing for it either.
                continue;
            }

            _typingValues.Add(ComponentKeyPrefix + id);
            if (!_mappedComponents.Contains(id))
            {
                // A Boolean schema (3.1: "true" allows any value) reaches us as null: it is an empty schema.
                MapComponent(id, schema ?? new OpenApiSchema());
            }
        }
    }

    private static bool IsErrorStatus(string key) => key == "default" || (key.Length == 3 && key[0] is '4' or '5');

    /// <summary>Adds the IDs of the component schemas <paramref name="schema"/> is or names inline, not looking inside the components.</summary>
    private static void CollectComponentReferences(IOpenApiSchema? schema, List<string> ids, int depth)
    {
        if (schema is null || depth > MaxErrorSchemaDepth)
        {
            return;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            // As MapReference reads it: the ID, when the reference is to a component schema.
            if (reference.Reference?.Id is { } id && (reference.Reference.ReferenceV3 ?? ComponentKeyPrefix + id).StartsWith(ComponentKeyPrefix, StringComparison.Ordinal))
            {
                ids.Add(id);
            }

            return;
        }

        foreach (var property in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            CollectComponentReferences(property.Value, ids, depth + 1);
        }

        CollectComponentReferences(schema.Items, ids, depth + 1);
        CollectComponentReferences(schema.AdditionalProperties, ids, depth + 1);
        foreach (var part in Parts(schema))
        {
            CollectComponentReferences(part, ids, depth + 1);
        }
    }

    private static IEnumerable<IOpenApiSchema> Parts(IOpenApiSchema schema)
    {
        foreach (var list in new[] { schema.AllOf, schema.OneOf, schema.AnyOf })
        {
            foreach (var part in list ?? new List<IOpenApiSchema>())
            {
                yield return part;
            }
        }
    }
}
