using System.Text.RegularExpressions;
using System.Threading;

namespace Sei.Generators.Reading;

/// <summary>
/// Checks a document, as written, against the specification of its version, where the reader's own
/// checks are wrong for some version or cannot say where: unknown fields (against
/// <see cref="SpecificationGrammar"/>), path keys, component names, empty response sets and 2.0
/// discriminators. Each finding is located at the offending key.
/// </summary>
/// <remarks>
/// An unknown field is ignored by every reader, so the generated client is what the document says
/// without it: SEI1007. A key that misses a field of the same object by a letter or two
/// (<c>requird</c>, <c>operationID</c>) is taken for that field, whose meaning the client then lacks:
/// SEI1004. A key under <c>paths</c> that does not begin with '/' loses its operations: SEI1004.
/// </remarks>
internal static class SpecificationCheck
{
    /// <summary>Fields that only document: misspelling one costs the generated code nothing but a comment.</summary>
    private static readonly HashSet<string> DocumentationFields = new(StringComparer.Ordinal)
    {
        "summary", "description", "title", "example", "examples", "externalDocs", "termsOfService", "contact", "license", "tags", "$comment",
    };

    /// <summary>What OpenAPI 3.x allows as the name of a component.</summary>
    private static readonly Regex ComponentName = new(@"^[a-zA-Z0-9\.\-_]+$", RegexOptions.CultureInvariant);

    public static void Check(JsonObject root, DocumentVersion version, ProblemCollector problems, CancellationToken cancellationToken)
    {
        WalkFields(root, version, problems, cancellationToken);
        if (version == DocumentVersion.Swagger2)
        {
            CheckDiscriminators(root, problems);
        }
        else
        {
            CheckComponentNames(root, problems);
        }

        CheckResponses(root, version, problems);
    }

    private static void WalkFields(JsonObject root, DocumentVersion version, ProblemCollector problems, CancellationToken cancellationToken)
    {
        // An explicit stack: documents can nest deeper than the compiler's thread stack allows for recursion.
        var pending = new Stack<(JsonObject Node, string Shape, string Pointer)>();
        pending.Push((root, SpecificationGrammar.Root, string.Empty));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (node, shapeName, pointer) = pending.Pop();
            if (SpecificationGrammar.IsMap(shapeName, out var entryShape, out var keysMayBeExtensions))
            {
                // Pointers are spelled only where they are used (a child to walk, a finding): a large
                // document has hundreds of thousands of members, and most need neither.
                foreach (var entry in node)
                {
                    if (keysMayBeExtensions && entry.Key.StartsWith("x-", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (shapeName == "paths" && !entry.Key.StartsWith("/", StringComparison.Ordinal))
                    {
                        problems.AddInSource(DiagnosticIds.SpecificationViolation, SourceMap.Append(pointer, entry.Key), "a path that does not begin with '/'", "'" + entry.Key + "' is not a path, because paths begin with '/', so its operations were left out of the client.");
                        continue;
                    }

                    if (entry.Value is JsonObject child)
                    {
                        pending.Push((child, entryShape, SourceMap.Append(pointer, entry.Key)));
                    }
                }

                continue;
            }

            if (SpecificationGrammar.Shape(version, shapeName) is not { } shape)
            {
                continue;
            }

            // A reference object stands for its target; its other members are ignored (3.0) or are a
            // summary and description (3.1), and a 3.1 schema beside a $ref is still a schema.
            var isReference = node.ContainsKey("$ref") && !shape.OpenEnded;
            foreach (var member in node)
            {
                if (shape.Children.TryGetValue(member.Key, out var child))
                {
                    if (member.Value is JsonObject or JsonArray)
                    {
                        Queue(member.Value, child, SourceMap.Append(pointer, member.Key), pending);
                    }
                }
                else if (!isReference && !shape.OpenEnded && !shape.Fields.Contains(member.Key) && !member.Key.StartsWith("x-", StringComparison.Ordinal))
                {
                    ReportUnknown(member.Key, shape, version, SourceMap.Append(pointer, member.Key), problems);
                }
            }
        }
    }

    private static void Queue(JsonNode? value, Child child, string pointer, Stack<(JsonObject, string, string)> pending)
    {
        switch (child.Holding)
        {
            case Holding.One when value is JsonObject one:
                pending.Push((one, child.Shape, pointer));
                break;
            case Holding.List when value is JsonArray list:
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    if (list[i] is JsonObject item)
                    {
                        pending.Push((item, child.Shape, pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }
                }

                break;
            case Holding.Map when value is JsonObject map:
                foreach (var entry in map)
                {
                    if (entry.Value is JsonObject item)
                    {
                        pending.Push((item, child.Shape, SourceMap.Append(pointer, entry.Key)));
                    }
                }

                break;
        }
    }

    private static void ReportUnknown(string key, ObjectShape shape, DocumentVersion version, string pointer, ProblemCollector problems)
    {
        var kind = "'" + key + "' is not a field of " + shape.Title;
        var notField = "'" + key + "' is not a field of " + shape.Title + " in " + version.Display();
        var meant = NearestField(key, shape);
        if (meant is not null && !DocumentationFields.Contains(meant))
        {
            problems.AddInSource(DiagnosticIds.SpecificationViolation, pointer, kind, notField + "; it looks like a misspelt '" + meant + "', which the client therefore lacks.");
        }
        else if (meant is not null)
        {
            problems.AddInSource(DiagnosticIds.SpecificationNotFollowed, pointer, kind, notField + ", so it was ignored; it looks like a misspelt '" + meant + "', which only documents.");
        }
        else
        {
            problems.AddInSource(DiagnosticIds.SpecificationNotFollowed, pointer, kind, notField + ", so it was ignored; remove it, or name it 'x-" + key + "' if it is an extension.");
        }
    }

    /// <summary>The field of the object that <paramref name="key"/> misspells, if it misses one by case or by one edit (two for long names).</summary>
    internal static string? NearestField(string key, ObjectShape shape)
    {
        if (key.Length < 4)
        {
            return null;
        }

        string? best = null;
        foreach (var field in shape.Fields)
        {
            var allowed = field.Length >= 8 ? 2 : 1;
            if (string.Equals(field, key, StringComparison.OrdinalIgnoreCase) || EditDistance(key, field, allowed) <= allowed)
            {
                if (best is not null)
                {
                    // Two candidates: the intent is unclear, so it is not taken for either.
                    return null;
                }

                best = field;
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps), stopping once past <paramref name="limit"/>.</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    /// <summary>OpenAPI 3.x: "All the fixed fields declared above are objects that MUST use keys that match the regular expression ^[a-zA-Z0-9\.\-_]+$."</summary>
    private static void CheckComponentNames(JsonObject root, ProblemCollector problems)
    {
        if (root["components"] is not JsonObject components)
        {
            return;
        }

        foreach (var map in components)
        {
            if (map.Value is not JsonObject entries || map.Key.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var entry in entries.Where(e => !ComponentName.IsMatch(e.Key)))
            {
                problems.AddInSource(
                    DiagnosticIds.SpecificationNotFollowed,
                    "/components/" + SourceMap.EscapeSegment(map.Key) + "/" + SourceMap.EscapeSegment(entry.Key),
                    "a component name with characters other than letters, digits, '.', '-' and '_'",
                    "The component name '" + entry.Key + "' has characters other than letters, digits, '.', '-' and '_', which OpenAPI 3.x does not allow in component names; the generated name keeps only what C# allows.");
            }
        }
    }

    /// <summary>
    /// An operation's responses: required in 2.0 and 3.0, optional in 3.1; when present, at least one
    /// response in every version. The reader cannot tell an absent set from an empty one.
    /// </summary>
    private static void CheckResponses(JsonObject root, DocumentVersion version, ProblemCollector problems)
    {
        if (root["paths"] is not JsonObject paths)
        {
            return;
        }

        foreach (var path in paths)
        {
            if (path.Value is not JsonObject item || !path.Key.StartsWith("/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var member in item)
            {
                if (member.Value is not JsonObject operation || SpecificationGrammar.Shape(version, "pathItem")?.Children.TryGetValue(member.Key, out var child) != true || child!.Shape != "operation")
                {
                    continue;
                }

                var pointer = "/paths/" + SourceMap.EscapeSegment(path.Key) + "/" + SourceMap.EscapeSegment(member.Key);
                if (!operation.TryGetPropertyValue("responses", out var responses))
                {
                    if (version != DocumentVersion.OpenApi31)
                    {
                        problems.AddInSource(DiagnosticIds.SpecificationNotFollowed, pointer, "an operation without responses", "The operation declares no 'responses', which " + version.Display() + " requires; its method returns no typed result.");
                    }
                }
                else if (responses is JsonObject set && !set.Any(r => !r.Key.StartsWith("x-", StringComparison.Ordinal)))
                {
                    problems.AddInSource(DiagnosticIds.SpecificationNotFollowed, pointer + "/responses", "an empty set of responses", "The operation's 'responses' holds no response, and the specification asks for at least one; its method returns no typed result.");
                }
            }
        }
    }

    /// <summary>Swagger 2.0: "The property name used MUST be defined at this schema and it MUST be in the required property list."</summary>
    private static void CheckDiscriminators(JsonObject root, ProblemCollector problems)
    {
        if (root["definitions"] is not JsonObject definitions)
        {
            return;
        }

        foreach (var definition in definitions)
        {
            if (definition.Value is not JsonObject schema || schema["discriminator"] is not JsonValue value || !value.TryGetValue<string>(out var property))
            {
                continue;
            }

            var required = schema["required"] as JsonArray;
            var isRequired = required is not null && required.Any(r => r is JsonValue name && name.TryGetValue<string>(out var text) && text == property);
            if (!isRequired)
            {
                problems.AddInSource(
                    DiagnosticIds.SpecificationNotFollowed,
                    "/definitions/" + SourceMap.EscapeSegment(definition.Key) + "/discriminator",
                    "a discriminator that is not a required property",
                    "The discriminator '" + property + "' of '" + definition.Key + "' is not in its 'required' list, which Swagger 2.0 asks for; the generated union reads it all the same.");
            }
        }
    }
}
