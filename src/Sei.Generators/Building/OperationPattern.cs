namespace Sei.Generators.Building;

/// <summary>What an <see cref="OperationPattern"/> compares an operation by.</summary>
internal enum PatternKind
{
    /// <summary>The operation's path template, and its method when the pattern names one: <c>GET /v1/accounts/*</c>.</summary>
    Path,

    /// <summary>One of the operation's tags: <c>tag:Payments</c>.</summary>
    Tag,

    /// <summary>The operation's operationId: <c>op:getAccount</c> or <c>operationId:getAccount</c>.</summary>
    OperationId,

    /// <summary>
    /// Not an operation but a component schema, by its name in the document: <c>schema:Event</c>. In
    /// <c>SeiInclude</c> it generates the schema though no operation reaches it; in <c>SeiExclude</c> it
    /// keeps an error body from being generated unless an operation's signature reaches it.
    /// </summary>
    Schema,
}

/// <summary>
/// One entry of a document's <c>SeiInclude</c> or <c>SeiExclude</c> metadata. Every comparison ignores
/// case, as ASP.NET Core's routing does, so that a pattern copied from documentation in another casing
/// still selects what it names. <c>*</c> stands for any run of characters within one path segment, tag
/// or operationId; <c>**</c>, a whole segment of its own, for any number of path segments, none
/// included; a <c>{name}</c> segment for any parameter segment, whatever the document calls it.
/// </summary>
internal sealed record OperationPattern(string Text, PatternKind Kind, string? Method, EquatableArray<string> Segments, string? Name)
{
    private const string AnySegments = "**";

    private static readonly string[] TagPrefixes = { "tag:" };
    private static readonly string[] OperationIdPrefixes = { "operationId:", "op:" };
    private static readonly string[] SchemaPrefixes = { "schema:" };

    /// <summary>Reads one entry, already trimmed and not empty.</summary>
    /// <param name="entry">The entry as written.</param>
    /// <param name="pattern">The pattern, when the entry is one.</param>
    /// <param name="reason">Why the entry is not a pattern, when it is not: the middle of a sentence.</param>
    /// <returns>Whether the entry is a pattern.</returns>
    public static bool TryParse(string entry, out OperationPattern? pattern, out string? reason)
    {
        pattern = null;
        if (TryParseName(entry, TagPrefixes, PatternKind.Tag, "a tag", ref pattern, out reason)
            || TryParseName(entry, OperationIdPrefixes, PatternKind.OperationId, "an operationId", ref pattern, out reason)
            || TryParseName(entry, SchemaPrefixes, PatternKind.Schema, "a component schema's name", ref pattern, out reason))
        {
            return pattern is not null;
        }

        string? method = null;
        var path = entry;
        if (!entry.StartsWith("/", StringComparison.Ordinal))
        {
            var space = entry.IndexOfAny(new[] { ' ', '\t' });
            var word = space < 0 ? entry : entry.Substring(0, space);
            method = HttpMethods.PathItemMethods.FirstOrDefault(m => string.Equals(m, word, StringComparison.OrdinalIgnoreCase));
            path = space < 0 ? string.Empty : entry.Substring(space + 1).Trim();
            if (method is null)
            {
                reason = word.IndexOf(':') > 0
                    ? "'" + word.Substring(0, word.IndexOf(':') + 1) + "' is not a kind of pattern (the kinds are 'tag:', 'op:', 'operationId:' and 'schema:')"
                    : "it starts with neither '/' nor an HTTP method";
                return false;
            }

            if (!path.StartsWith("/", StringComparison.Ordinal))
            {
                reason = "the method " + method + " must be followed by a path that starts with '/'";
                return false;
            }
        }

        var segments = SplitPath(path);
        if (segments.FirstOrDefault(s => s != AnySegments && s.IndexOf(AnySegments, StringComparison.Ordinal) >= 0) is { } partial)
        {
            reason = "'**' stands for whole segments, and '" + partial + "' has it beside other characters (write '*' for any characters within a segment)";
            return false;
        }

        pattern = new OperationPattern(entry, PatternKind.Path, method, segments.ToEquatableArray(), null);
        reason = null;
        return true;
    }

    /// <summary>Whether the pattern names a component schema rather than operations.</summary>
    public bool IsSchema => Kind == PatternKind.Schema;

    /// <summary>Whether the pattern names the component schema <paramref name="id"/>.</summary>
    /// <param name="id">The schema's name in the document.</param>
    /// <returns>Whether it is named.</returns>
    public bool MatchesSchema(string id) => Kind == PatternKind.Schema && Glob.Matches(Name!, id);

    /// <summary>Whether the pattern selects an operation.</summary>
    /// <param name="path">The operation's path template.</param>
    /// <param name="method">Its HTTP method.</param>
    /// <param name="operationId">Its operationId, if it has one.</param>
    /// <param name="tags">Its tags.</param>
    /// <returns>Whether it is selected.</returns>
    public bool Matches(string path, string method, string? operationId, IEnumerable<string> tags) => Kind switch
    {
        PatternKind.Tag => tags.Any(tag => Glob.Matches(Name!, tag)),
        PatternKind.OperationId => operationId is not null && Glob.Matches(Name!, operationId),
        PatternKind.Schema => false,
        PatternKind.Path => (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) && MatchesSegments(0, SplitPath(path), 0),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "A pattern kind without a comparison."),
    };

    /// <summary>The segments of a path or path pattern; empty segments (doubled or trailing slashes) do not count.</summary>
    private static List<string> SplitPath(string path) => path.Split('/').Where(s => s.Length > 0).ToList();

    private static bool TryParseName(string entry, string[] prefixes, PatternKind kind, string what, ref OperationPattern? pattern, out string? reason)
    {
        reason = null;
        var prefix = prefixes.FirstOrDefault(p => entry.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        if (prefix is null)
        {
            return false;
        }

        var name = entry.Substring(prefix.Length).Trim();
        if (name.Length == 0)
        {
            reason = "'" + prefix + "' is followed by no name; write " + what + " after it";
            return true;
        }

        pattern = new OperationPattern(entry, kind, null, EquatableArray<string>.Empty, name);
        return true;
    }

    /// <summary>Matches the pattern's segments from <paramref name="p"/> on against the path's from <paramref name="s"/> on.</summary>
    private bool MatchesSegments(int p, List<string> path, int s)
    {
        for (; p < Segments.Count; p++, s++)
        {
            if (Segments[p] == AnySegments)
            {
                // Any number of segments, none included: try every place the rest of the pattern could resume.
                for (var resume = s; resume <= path.Count; resume++)
                {
                    if (MatchesSegments(p + 1, path, resume))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (s >= path.Count || !SegmentMatches(Segments[p], path[s]))
            {
                return false;
            }
        }

        return s == path.Count;
    }

    /// <summary>A parameter segment matches any parameter segment (names differ between documents and versions); otherwise characters are compared, '*' standing for any run of them.</summary>
    private static bool SegmentMatches(string pattern, string segment)
        => (IsParameter(pattern) && IsParameter(segment)) || Glob.Matches(pattern, segment);

    private static bool IsParameter(string segment)
        => segment.Length > 2 && segment[0] == '{' && segment[segment.Length - 1] == '}' && segment.IndexOf('}') == segment.Length - 1;
}

/// <summary>Wildcard comparison without regard to case: <c>*</c> stands for any run of characters, none included.</summary>
internal static class Glob
{
    public static bool Matches(string pattern, string text)
    {
        // The classic greedy walk with one point to return to: linear in practice, and never exponential.
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (p < pattern.Length && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t]))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
