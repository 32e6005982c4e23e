using System.Threading;
using Microsoft.OpenApi;

namespace Sei.Generators.Building;

internal sealed partial class SchemaMapper
{
    /// <summary>
    /// Maps every component schema that derives, directly or not, from an object that types a value,
    /// when only what some operations reach is mapped. No reference leads from a base to the types that
    /// derive from it, yet a value typed as the base can hold any of them, and the base's converter
    /// picks among them by the discriminator. A base that is only derived from (<c>Pet</c>, when only
    /// <c>Cat</c> types a value) holds no value, so the other types that derive from it (<c>Dog</c>)
    /// are not needed. A schema derives when its <c>allOf</c> names exactly one other schema by
    /// reference, the test <see cref="FindBase"/> applies, so what derives here derives when the whole
    /// document is mapped.
    /// </summary>
    /// <param name="components">The document's component schemas.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public void MapDerivedComponents(IDictionary<string, IOpenApiSchema> components, CancellationToken cancellationToken)
    {
        var derivedByBase = new List<(string BaseKey, List<string> Ids)>();
        var indexOfBase = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in components)
        {
            if (pair.Value is not null and not OpenApiSchemaReference && BaseKeyOf(pair.Value) is { } baseKey)
            {
                if (!indexOfBase.TryGetValue(baseKey, out var index))
                {
                    index = derivedByBase.Count;
                    indexOfBase[baseKey] = index;
                    derivedByBase.Add((baseKey, new List<string>()));
                }

                derivedByBase[index].Ids.Add(pair.Key);
            }
        }

        // A type mapped here stands for its base, so the types that derive from it are needed too; and
        // its members can type values of further bases. The search goes on until a pass maps nothing new.
        var polymorphic = new HashSet<string>(StringComparer.Ordinal);
        for (var grew = derivedByBase.Count > 0; grew;)
        {
            grew = false;
            polymorphic.UnionWith(_typingValues);
            foreach (var (baseKey, ids) in derivedByBase)
            {
                if (!polymorphic.Contains(baseKey) || !_byReference.TryGetValue(baseKey, out var baseType) || baseType is not { Kind: TypeKind.Named, NamedKind: NamedKind.Object })
                {
                    continue;
                }

                foreach (var id in ids)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!_mappedComponents.Contains(id))
                    {
                        MapComponent(id, components[id]);
                    }

                    // Also a type mapped before as a base only: through this base, it now stands for values.
                    grew |= polymorphic.Add(ComponentKeyPrefix + id);
                }
            }
        }
    }

    /// <summary>The reference key of the one schema an <c>allOf</c> derives from, or null when the schema derives from none (see <see cref="MapInline"/> and <see cref="FindBase"/>).</summary>
    private static string? BaseKeyOf(IOpenApiSchema schema)
    {
        if (schema.AllOf is not { Count: > 0 } parts
            || (parts.Count == 1 && IsEmpty(schema.Properties) && IsEmpty(schema.OneOf) && IsEmpty(schema.AnyOf)))
        {
            // No allOf, or "allOf: [$ref]" alone, which stands for the referenced schema itself.
            return null;
        }

        var references = parts.OfType<OpenApiSchemaReference>().Take(2).ToList();
        return references.Count == 1 ? references[0].Reference?.ReferenceV3 : null;
    }
}
