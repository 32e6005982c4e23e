using System.Threading;

namespace Sei.Generators.Reading;

/// <summary>
/// Resolves every <c>$ref</c> of a document against its own text, the one place where a broken
/// reference is found whatever it stands for: SEI1005 for a reference to another document (never
/// fetched), SEI1002 for a local one that names nothing, at the <c>$ref</c> itself. In OpenAPI 3.1 a
/// reference may name an anchor (<c>#name</c>, for <c>$anchor</c> or <c>$dynamicAnchor</c>), which
/// Microsoft.OpenApi does not resolve: an anchor on a component schema is rewritten into that
/// component's pointer, and what cannot be rewritten faithfully is reported as SEI2004.
/// </summary>
internal static class ReferenceCheck
{
    private const string SchemasPrefix = "/components/schemas/";

    public static void Check(JsonObject root, DocumentVersion version, ProblemCollector problems, CancellationToken cancellationToken)
    {
        var anchors = version == DocumentVersion.OpenApi31 ? CollectAnchors(root) : null;

        // An explicit stack: documents can nest deeper than the compiler's thread stack allows for recursion.
        var pending = new Stack<(JsonNode Node, string Pointer, string ParentKey)>();
        pending.Push((root, string.Empty, string.Empty));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (node, pointer, parentKey) = pending.Pop();
            if (node is JsonObject obj)
            {
                foreach (var property in obj.ToList())
                {
                    // Only references and containers need a pointer; scalars, most of a document, need none.
                    if ((property.Key == "$ref" || (anchors is not null && property.Key == "$dynamicRef")) && property.Value is JsonValue reference && reference.TryGetValue<string>(out var target))
                    {
                        CheckOne(root, obj, property.Key, target, SourceMap.Append(pointer, property.Key), anchors, problems);
                    }
                    else if (property.Value is JsonObject or JsonArray && !IsData(parentKey, property.Key))
                    {
                        pending.Push((property.Value, SourceMap.Append(pointer, property.Key), property.Key));
                    }
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject or JsonArray)
                    {
                        var item = array[i]!;
                        pending.Push((item, pointer + "/" + i.ToString(CultureInfo.InvariantCulture), parentKey));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whether a reference names something at all: a local pointer with a name at its end
    /// (<c>#/components/schemas/Pet</c>), or a document, with or without a pointer
    /// (<c>common.yaml#/Pet</c>). Anything else (<c>''</c>, <c>#/components/schemas/</c>, a bare
    /// <c>Pet</c>) makes Microsoft.OpenApi throw, so DocumentRepair drops it.
    /// </summary>
    internal static bool IsUsable(string reference)
    {
        var hash = reference.IndexOf('#');
        if (hash < 0)
        {
            return reference.Length > 0 && reference.IndexOfAny(new[] { ' ', '\n', '\t' }) < 0 && reference.Contains('.');
        }

        var fragment = reference.Substring(hash + 1);
        return fragment.StartsWith("/", StringComparison.Ordinal) && fragment.Length > 1 && !fragment.EndsWith("/", StringComparison.Ordinal);
    }

    /// <summary>Resolves a fragment (<c>/components/schemas/A%20B</c>) as a JSON pointer into the document; null when it names nothing.</summary>
    internal static JsonNode? Resolve(JsonObject root, string fragment)
    {
        JsonNode? current = root;
        foreach (var segment in SourceMap.SplitPointer(Uri.UnescapeDataString(fragment)))
        {
            current = current switch
            {
                JsonObject obj when obj.TryGetPropertyValue(segment, out var child) => child,
                JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static void CheckOne(JsonObject root, JsonObject owner, string key, string target, string pointer, Dictionary<string, List<string>>? anchors, ProblemCollector problems)
    {
        var hash = target.IndexOf('#');
        if (hash != 0)
        {
            // A reference that names no document and no pointer (a bare "Pet") is DocumentRepair's to report.
            if (IsUsable(target))
            {
                problems.AddInSource(DiagnosticIds.ExternalReference, pointer, null, target);
            }

            return;
        }

        var fragment = target.Substring(1);
        if (fragment.StartsWith("/", StringComparison.Ordinal))
        {
            if (IsUsable(target) && Resolve(root, fragment) is null)
            {
                problems.AddInSource(DiagnosticIds.UnresolvedReference, pointer, null, target);
            }

            if (key == "$dynamicRef")
            {
                // A $dynamicRef given as a pointer resolves like a $ref (JSON Schema 2020-12, 8.2.3.2).
                Rewrite(owner, key, target);
            }

            return;
        }

        if (anchors is null || fragment.Length == 0)
        {
            // Before 3.1 a fragment is a pointer or nothing: DocumentRepair reports it as naming nothing.
            return;
        }

        if (!anchors.TryGetValue(fragment, out var holders))
        {
            problems.AddInSource(DiagnosticIds.UnresolvedReference, pointer, null, target);
            owner.Remove(key);
            return;
        }

        // The anchor in the same component as the reference is the one it resolves to first; a
        // $dynamicRef may resolve to another component's anchor of the same name at run time, which
        // a type fixed at compile time cannot follow.
        var component = ComponentOf(pointer);
        var chosen = holders.FirstOrDefault(h => component is not null && ComponentOf(h) == component) ?? holders[0];
        if (!IsComponentRoot(chosen))
        {
            problems.AddInSource(DiagnosticIds.AnchorReference, pointer, null, target);
            owner.Remove(key);
            return;
        }

        if (key == "$dynamicRef" && holders.Count > 1)
        {
            var others = string.Join(", ", holders.Where(h => h != chosen).Select(h => "'" + SourceMap.UnescapeSegment(h.Substring(SchemasPrefix.Length)) + "'"));
            problems.AddInSource(DiagnosticIds.DynamicReferenceAmbiguous, pointer, null, target, others, SourceMap.UnescapeSegment(chosen.Substring(SchemasPrefix.Length)));
        }

        Rewrite(owner, key, "#" + chosen);
    }

    private static void Rewrite(JsonObject owner, string key, string target)
    {
        owner.Remove(key);
        if (!owner.ContainsKey("$ref"))
        {
            owner["$ref"] = target;
        }
    }

    /// <summary>The component schema a pointer lies in (<c>/components/schemas/A</c>), or null.</summary>
    private static string? ComponentOf(string pointer)
    {
        if (!pointer.StartsWith(SchemasPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = pointer.IndexOf('/', SchemasPrefix.Length);
        return end < 0 ? pointer : pointer.Substring(0, end);
    }

    private static bool IsComponentRoot(string pointer) => pointer.StartsWith(SchemasPrefix, StringComparison.Ordinal) && pointer.IndexOf('/', SchemasPrefix.Length) < 0;

    /// <summary>Where each <c>$anchor</c> and <c>$dynamicAnchor</c> name is declared, in document order.</summary>
    private static Dictionary<string, List<string>> CollectAnchors(JsonObject root)
    {
        var anchors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pending = new Stack<(JsonNode Node, string Pointer, string ParentKey)>();
        pending.Push((root, string.Empty, string.Empty));
        while (pending.Count > 0)
        {
            var (node, pointer, parentKey) = pending.Pop();
            if (node is JsonObject obj)
            {
                var children = new List<(JsonNode, string, string)>();
                foreach (var property in obj)
                {
                    if (property.Key is "$anchor" or "$dynamicAnchor" && property.Value is JsonValue value && value.TryGetValue<string>(out var name))
                    {
                        if (!anchors.TryGetValue(name, out var list))
                        {
                            anchors[name] = list = new List<string>();
                        }

                        if (!list.Contains(pointer))
                        {
                            list.Add(pointer);
                        }
                    }
                    else if (property.Value is not null && !IsData(parentKey, property.Key))
                    {
                        children.Add((property.Value, SourceMap.Append(pointer, property.Key), property.Key));
                    }
                }

                // Pushed in reverse, so members are visited in document order.
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    pending.Push(children[i]);
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is JsonObject or JsonArray)
                    {
                        var item = array[i]!;
                        pending.Push((item, pointer + "/" + i.ToString(CultureInfo.InvariantCulture), parentKey));
                    }
                }
            }
        }

        return anchors;
    }

    /// <summary>
    /// Whether a member holds example or extension data, where "$ref" is just a key of the data.
    /// Under "properties" and the component maps the key is a name, so it is always walked.
    /// </summary>
    private static bool IsData(string parentKey, string key)
    {
        if (parentKey is "properties" or "schemas" or "definitions" or "parameters" or "responses" or "examples" or "headers")
        {
            return false;
        }

        return key is "example" or "default" or "enum" or "const" or "x-examples" || key.StartsWith("x-", StringComparison.Ordinal) || (key == "value" && parentKey.Length > 0);
    }
}
