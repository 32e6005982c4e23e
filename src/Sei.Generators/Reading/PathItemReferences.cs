namespace Sei.Generators.Reading;

/// <summary>
/// Writes in place every path item given by a local <c>$ref</c>. Swagger 2.0 and OpenAPI 3.0 allow
/// such a reference but name no place for its target, and Microsoft.OpenApi resolves only 3.1's
/// <c>#/components/pathItems/</c>: its 2.0 reader reports the reference as an unknown field, and its
/// 3.0 reader leaves a reference to nothing, so the operations behind it were lost without a word.
/// A copy of what the reference names, with the path item's own members on top, means the same.
/// </summary>
internal static class PathItemReferences
{
    public static void Inline(JsonObject root)
    {
        if (root["paths"] is not JsonObject paths)
        {
            return;
        }

        foreach (var path in paths.ToList())
        {
            if (path.Value is not JsonObject item || item["$ref"] is not JsonValue reference || !reference.TryGetValue<string>(out var target)
                || !target.StartsWith("#/", StringComparison.Ordinal) || ReferenceCheck.Resolve(root, target.Substring(1)) is not JsonObject named)
            {
                // An external or unresolved reference has been reported by ReferenceCheck.
                continue;
            }

            var inlined = (JsonObject)named.DeepClone();
            inlined.Remove("$ref");
            foreach (var member in item.Where(m => m.Key != "$ref").ToList())
            {
                item.Remove(member.Key);
                inlined[member.Key] = member.Value;
            }

            paths[path.Key] = inlined;
        }
    }
}
