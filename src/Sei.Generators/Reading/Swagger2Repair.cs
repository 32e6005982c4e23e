namespace Sei.Generators.Reading;

/// <summary>
/// Valid Swagger 2.0 that Microsoft.OpenApi's 2.0 reader drops: an operation's own <c>schemes</c>.
/// They cannot be kept, since the client calls every operation on the servers the document's
/// <c>host</c>, <c>basePath</c> and <c>schemes</c> make; when they say something else, that is reported
/// (SEI2004) rather than dropped silently. (Path items given by a <c>$ref</c>, which the 2.0 reader
/// also drops, are written in place by <see cref="PathItemReferences"/>.)
/// </summary>
internal static class Swagger2Repair
{
    public static void Repair(JsonObject root, ProblemCollector problems)
    {
        if (root["paths"] is not JsonObject paths)
        {
            return;
        }

        var documentSchemes = Schemes(root["schemes"]);
        foreach (var path in paths.ToList())
        {
            if (path.Value is not JsonObject item)
            {
                continue;
            }

            foreach (var member in item)
            {
                if (member.Value is JsonObject operation && Schemes(operation["schemes"]) is { } own && documentSchemes is not null && !own.SetEquals(documentSchemes))
                {
                    var pointer = "/paths/" + SourceMap.EscapeSegment(path.Key) + "/" + SourceMap.EscapeSegment(member.Key) + "/schemes";
                    problems.AddInSource(
                        DiagnosticIds.OperationSchemesDiffer,
                        pointer,
                        null,
                        member.Key,
                        path.Key,
                        string.Join(", ", own.OrderBy(s => s, StringComparer.Ordinal)),
                        string.Join(", ", documentSchemes.OrderBy(s => s, StringComparer.Ordinal)));
                }
            }
        }
    }

    private static HashSet<string>? Schemes(JsonNode? node)
    {
        if (node is not JsonArray list)
        {
            return null;
        }

        var schemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var scheme in list)
        {
            if (scheme is JsonValue value && value.TryGetValue<string>(out var text))
            {
                schemes.Add(text);
            }
        }

        return schemes;
    }
}
