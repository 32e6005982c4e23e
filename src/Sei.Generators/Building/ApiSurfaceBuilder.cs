using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.OpenApi;
using Sei.Generators.Reading;

namespace Sei.Generators.Building;

/// <summary>
/// Lists what a caller can depend on in a document (<see cref="ApiSurface"/>), from the document
/// itself rather than the generated model, so each item keeps the pointer of where it is written.
/// </summary>
/// <remarks>
/// When a project generates part of a document (<see cref="OperationSelection"/>), the surface is that
/// part: the operations generated and the component schemas they reach. Versions are compared to tell
/// code that moves from one namespace to the next what it will miss, and code can only have used what
/// the older namespace holds and can only find what the newer one holds. So an operation the newer
/// document's patterns leave out is reported as removed (the code would not find it), and one the
/// older document's patterns left out is not (no code can have used it).
/// </remarks>
internal static class ApiSurfaceBuilder
{
    private static readonly Regex VersionSegment = new(@"^/[vV]\d+(?=/|$)", RegexOptions.CultureInvariant);
    private static readonly Regex PathParameter = new(@"\{[^}]*\}", RegexOptions.CultureInvariant);

    /// <summary>Lists the operations <paramref name="selection"/> holds and the component schemas generated.</summary>
    /// <param name="path">The document's path.</param>
    /// <param name="spec">The document.</param>
    /// <param name="model">Its model.</param>
    /// <param name="selection">The operations generated.</param>
    /// <param name="generatedComponents">The IDs of the component schemas generated.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The surface.</returns>
    public static ApiSurface Build(string path, SpecDocument spec, ClientModel model, OperationSelection selection, IReadOnlyCollection<string> generatedComponents, CancellationToken cancellationToken)
    {
        var document = spec.Document;
        var items = new List<SurfaceItem>();
        AddOperations(document, selection, items, cancellationToken);

        var generated = selection.IsEverything ? null : new HashSet<string>(generatedComponents, StringComparer.Ordinal);
        var schemaRoot = spec.Version == OpenApiSpecVersion.OpenApi2_0 ? "/definitions/" : "/components/schemas/";
        foreach (var pair in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (generated is not null && !generated.Contains(pair.Key))
            {
                continue;
            }

            try
            {
                AddSchema(pair.Key, pair.Value ?? new OpenApiSchema(), schemaRoot + SourceMap.EscapeSegment(pair.Key), items);
            }
            catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or KeyNotFoundException)
            {
                // A reference that cannot be resolved (a cycle of references, say) is reported while
                // building the model; here it only leaves the schema's members out of the comparison.
            }
        }

        var product = NamingResolver.ProductName(document, path);
        var versionName = NamingResolver.VersionSegmentName(document);
        var version = int.TryParse(versionName.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
        return new ApiSurface(path, product, version, model.Namespace, items.ToEquatableArray());
    }

    /// <summary><c>/v1/accounts/{accountId}</c> and <c>/v2/accounts/{id}</c> are the same resource.</summary>
    internal static string NormalizePath(string path)
        => PathParameter.Replace(VersionSegment.Replace(path, "/{version}"), "{}");

    private static void AddOperations(OpenApiDocument document, OperationSelection selection, List<SurfaceItem> items, CancellationToken cancellationToken)
    {
        foreach (var pathPair in document.Paths ?? new OpenApiPaths())
        {
            if (pathPair.Value?.Operations is not { } operations)
            {
                continue;
            }

            var pathPointer = "/paths/" + SourceMap.EscapeSegment(pathPair.Key);
            foreach (var operationPair in operations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!selection.Contains(pathPair.Key, operationPair.Key))
                {
                    continue;
                }

                var method = operationPair.Key.Method.ToUpperInvariant();
                var operation = operationPair.Value;

                // Operations are matched by their route: an operationId may be renamed between versions, a route less often.
                var key = "operation " + method + " " + NormalizePath(pathPair.Key);
                var display = (operation.OperationId is { Length: > 0 } id ? "'" + id + "' (" : "(") + method + " " + pathPair.Key + ")";
                var pointer = pathPointer + "/" + operationPair.Key.Method.ToLowerInvariant();
                items.Add(new SurfaceItem(SurfaceKind.Operation, key, "paths", "operation " + display, string.Empty, false, pointer));

                var seen = new HashSet<string>(StringComparer.Ordinal);
                AddParameters(operation.Parameters, pointer + "/parameters", key, items, seen);
                AddParameters(pathPair.Value.Parameters, pathPointer + "/parameters", key, items, seen);
            }
        }
    }

    private static void AddParameters(IList<IOpenApiParameter>? parameters, string pointer, string operationKey, List<SurfaceItem> items, HashSet<string> seen)
    {
        for (var i = 0; parameters is not null && i < parameters.Count; i++)
        {
            if (parameters[i] is not { Name: { } name, In: { } location } parameter)
            {
                continue;
            }

            // Path parameters are part of the route, which is the operation's key; the rest are matched by place and name.
            var where = location.ToString().ToLowerInvariant();
            var identity = where + " " + (location == Microsoft.OpenApi.ParameterLocation.Header ? name.ToLowerInvariant() : name);
            if (location == Microsoft.OpenApi.ParameterLocation.Path || !seen.Add(identity))
            {
                continue;
            }

            string shape;
            try
            {
                shape = Shape(parameter.Schema ?? parameter.Content?.Values.FirstOrDefault()?.Schema);
            }
            catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or KeyNotFoundException)
            {
                shape = "unresolved";
            }

            items.Add(new SurfaceItem(
                SurfaceKind.Parameter,
                operationKey + " " + identity,
                operationKey,
                where + " parameter '" + name + "'",
                shape,
                parameter.Required,
                pointer + "/" + i.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static void AddSchema(string name, IOpenApiSchema schema, string pointer, List<SurfaceItem> items)
    {
        var key = "schema " + name;
        items.Add(new SurfaceItem(SurfaceKind.Schema, key, "schemas", "schema '" + name + "'", string.Empty, false, pointer));
        AddEnumValues(schema, pointer, key, "'" + name + "'", items);

        var required = new HashSet<string>(schema.Required ?? new HashSet<string>(), StringComparer.Ordinal);
        AddProperties(schema.Properties, pointer + "/properties", key, name, required, items);

        // Properties written inline in allOf parts belong to the schema too; referenced parts are schemas of their own.
        for (var i = 0; schema.AllOf is not null && i < schema.AllOf.Count; i++)
        {
            if (schema.AllOf[i] is OpenApiSchema part)
            {
                var partRequired = new HashSet<string>(required.Concat(part.Required ?? new HashSet<string>()), StringComparer.Ordinal);
                AddProperties(part.Properties, pointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture) + "/properties", key, name, partRequired, items);
            }
        }
    }

    private static void AddProperties(IDictionary<string, IOpenApiSchema>? properties, string pointer, string schemaKey, string schemaName, HashSet<string> required, List<SurfaceItem> items)
    {
        foreach (var pair in properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var propertyPointer = SourceMap.Append(pointer, pair.Key);
            var key = schemaKey + " property " + pair.Key;
            var display = "property '" + schemaName + "." + pair.Key + "'";
            items.Add(new SurfaceItem(SurfaceKind.Property, key, schemaKey, display, Shape(pair.Value), required.Contains(pair.Key), propertyPointer));
            if (pair.Value is OpenApiSchema inline)
            {
                AddEnumValues(inline, propertyPointer, key, "'" + schemaName + "." + pair.Key + "'", items);
            }
        }
    }

    private static void AddEnumValues(IOpenApiSchema schema, string pointer, string ownerKey, string ownerDisplay, List<SurfaceItem> items)
    {
        if (schema is OpenApiSchemaReference || schema.Enum is not { Count: > 0 } values)
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is JsonValue value && value.ToJsonString() is { } text)
            {
                items.Add(new SurfaceItem(SurfaceKind.EnumValue, ownerKey + " value " + text, ownerKey, "value " + text + " of " + ownerDisplay, string.Empty, false, pointer + "/enum/" + i.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    /// <summary>
    /// A short description of a schema's type that two versions can be compared by: a reference's
    /// name, or the type and format, with arrays and maps spelled out. Nullability is left out.
    /// </summary>
    internal static string Shape(IOpenApiSchema? schema, int depth = 0)
    {
        if (schema is null || depth > 8)
        {
            return "any";
        }

        if (schema is OpenApiSchemaReference { Reference.Id: { } id })
        {
            return id;
        }

        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (type == JsonSchemaType.Array)
        {
            return "array of " + Shape(schema.Items, depth + 1);
        }

        if (type == JsonSchemaType.Object || (type == 0 && schema.Properties is { Count: > 0 }))
        {
            return schema.AdditionalProperties is { } values && schema.Properties is not { Count: > 0 }
                ? "map of " + Shape(values, depth + 1)
                : "object";
        }

        if (type == 0)
        {
            return schema.AllOf is { Count: > 0 } || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } ? "composition" : "any";
        }

        var name = type.ToString().ToLowerInvariant().Replace(", ", " or ");
        return schema.Format is { Length: > 0 } format ? name + " (" + format + ")" : name;
    }
}
