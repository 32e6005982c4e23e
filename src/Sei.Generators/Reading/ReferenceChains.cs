using System.Threading;

namespace Sei.Generators.Reading;

/// <summary>
/// Cuts chains of component schemas that are only references to the next one (<c>S0: {$ref: S1}</c>,
/// <c>S1: {$ref: S2}</c>, ...) when they are longer than the generator follows. Microsoft.OpenApi
/// resolves such a chain by recursion, one link per call, both while reading the document and
/// every time a member of the first schema is read: a chain of thousands costs time quadratic in
/// its length, and stack enough to kill the compiler on a host with small thread stacks. Real
/// documents alias a schema a few times at most. The chains are measured here on the parsed JSON,
/// one link at a time by dictionary lookups, before the OpenAPI reader sees them; what lies beyond
/// the limit is replaced by an empty schema (JsonElement) and reported once per chain. A cycle of
/// references (<c>A: {$ref: A}</c>, or A to B to A) never reaches a schema at all, and
/// Microsoft.OpenApi refuses to resolve one, so every member of a cycle is replaced the same way
/// here, whatever its length, and the schemas that lead into it become aliases of an empty schema.
/// </summary>
internal static class ReferenceChains
{
    /// <summary>The longest chain of references the generator follows.</summary>
    public const int MaxLength = 64;

    public static void Cut(JsonObject root, bool isSwagger2, ProblemCollector problems, CancellationToken cancellationToken)
    {
        var container = isSwagger2 ? root["definitions"] : (root["components"] as JsonObject)?["schemas"];
        if (container is not JsonObject { Count: > 0 } schemas)
        {
            return;
        }

        var prefix = isSwagger2 ? "#/definitions/" : "#/components/schemas/";
        string PointerOf(string id) => prefix.Substring(1) + SourceMap.EscapeSegment(id);
        string? Next(string id)
            => schemas[id] is JsonObject schema && schema["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var text) && text.StartsWith(prefix, StringComparison.Ordinal)
                ? Unescape(text.Substring(prefix.Length))
                : null;

        // Links still to follow from each alias to a schema that is not a reference (or to a dead end).
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        var tooLong = new List<string>();

        // The members of each short cycle, in the order the walk met them.
        var shortCycles = new List<List<string>>();
        foreach (var start in schemas.Select(pair => pair.Key).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (remaining.ContainsKey(start))
            {
                continue;
            }

            var path = new List<string>();
            var onPath = new HashSet<string>(StringComparer.Ordinal);
            var current = start;
            var tail = 0;
            while (true)
            {
                if (remaining.TryGetValue(current, out var known))
                {
                    tail = known;
                    break;
                }

                if (!onPath.Add(current))
                {
                    // A cycle of aliases never ends. A long one is cut like a long chain; a short one is
                    // cut below, its members alone, so that what leads into it stays a short alias.
                    var cycleStart = path.IndexOf(current);
                    if (path.Count - cycleStart > MaxLength)
                    {
                        tail = int.MaxValue / 2;
                    }
                    else
                    {
                        shortCycles.Add(path.GetRange(cycleStart, path.Count - cycleStart));
                        tail = -1;
                    }

                    break;
                }

                path.Add(current);
                if (!schemas.ContainsKey(current) || Next(current) is not { } next)
                {
                    tail = -1;
                    break;
                }

                current = next;
            }

            for (var i = path.Count - 1; i >= 0; i--)
            {
                tail = tail >= int.MaxValue / 2 ? tail : tail + 1;
                remaining[path[i]] = tail;
                if (tail > MaxLength)
                {
                    tooLong.Add(path[i]);
                }
            }
        }

        foreach (var cycle in shortCycles)
        {
            // Reported once, at the member that comes first in the document.
            var first = cycle.OrderBy(id => IndexOf(schemas, id)).First();
            if (cycle.Count == 1)
            {
                problems.Add(DiagnosticIds.SchemaRefersOnlyToItself, PointerOf(first), first);
            }
            else
            {
                problems.Add(DiagnosticIds.ReferenceCycle, PointerOf(first), first, cycle.Count.ToString(CultureInfo.InvariantCulture));
            }

            foreach (var id in cycle)
            {
                schemas[id] = new JsonObject();
            }
        }

        if (tooLong.Count == 0)
        {
            return;
        }

        // Reported at the head of each chain (the too-long alias no other one points to), or at the
        // first member, in document order, of a cycle no head leads into.
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in schemas)
        {
            order[pair.Key] = order.Count;
        }

        tooLong.Sort((left, right) => order[left].CompareTo(order[right]));
        var pointedTo = new HashSet<string>(tooLong.Select(id => Next(id)!), StringComparer.Ordinal);
        foreach (var head in tooLong.Where(id => !pointedTo.Contains(id)))
        {
            problems.Add(DiagnosticIds.ReferenceChainTooLong, PointerOf(head), head, remaining[head].ToString("N0", CultureInfo.InvariantCulture), MaxLength.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (member, length) in CycleRepresentatives(tooLong, pointedTo, Next))
        {
            problems.Add(DiagnosticIds.ReferenceCycle, PointerOf(member), member, length.ToString("N0", CultureInfo.InvariantCulture));
        }

        foreach (var id in tooLong)
        {
            schemas[id] = new JsonObject();
        }
    }

    /// <summary>The position of a member in its object, in document order.</summary>
    private static int IndexOf(JsonObject schemas, string id)
    {
        var index = 0;
        foreach (var pair in schemas)
        {
            if (string.Equals(pair.Key, id, StringComparison.Ordinal))
            {
                return index;
            }

            index++;
        }

        return index;
    }

    /// <summary>A JSON pointer segment as a name: <c>~1</c> is '/', <c>~0</c> is '~'.</summary>
    private static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    /// <summary>
    /// A cycle has no head: one member of each cycle no head leads into is reported (the first in
    /// document order), with the cycle's length, which is how many members the walk from it covers.
    /// </summary>
    private static IEnumerable<(string Member, int Length)> CycleRepresentatives(List<string> tooLong, HashSet<string> pointedTo, Func<string, string?> next)
    {
        var cut = new HashSet<string>(tooLong, StringComparer.Ordinal);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        int Cover(string from)
        {
            var count = 0;
            for (string? id = from; id is not null && cut.Contains(id) && covered.Add(id); id = next(id))
            {
                count++;
            }

            return count;
        }

        foreach (var head in tooLong.Where(id => !pointedTo.Contains(id)))
        {
            Cover(head);
        }

        foreach (var id in tooLong)
        {
            if (!covered.Contains(id))
            {
                yield return (id, Cover(id));
            }
        }
    }
}
