namespace Sei.Generators.Reading;

/// <summary>Finds where JSON pointers into a document stand in its text.</summary>
internal abstract class SourceMap
{
    /// <summary>The keys that stand for the whole document, in the order they are tried.</summary>
    private static readonly string[] VersionKeys = { "/openapi", "/swagger" };

    /// <param name="lines">The lines of the whole file.</param>
    /// <param name="charOffset">How many characters precede the parsed text in the file (a byte-order mark).</param>
    protected SourceMap(LineIndex lines, int charOffset)
    {
        Lines = lines;
        CharOffset = charOffset;
    }

    /// <summary>Gets the lines of the whole file, by which every span is made.</summary>
    public LineIndex Lines { get; }

    /// <summary>Gets how many characters precede the parsed text in the file, which every position the parser gives is shifted by.</summary>
    protected int CharOffset { get; }

    /// <summary>
    /// Locates many pointers at once. A pointer that goes deeper than the document maps to its
    /// deepest existing ancestor. One of which nothing but the root exists (the root itself, a
    /// pointer into a part the document lacks) maps to the version key, the node that stands for the
    /// whole document: a diagnostic is never left at the first character for want of a better place.
    /// </summary>
    public Dictionary<string, SourceSpan> Locate(IReadOnlyCollection<string> pointers)
    {
        var wanted = new HashSet<string>(VersionKeys) { string.Empty };
        foreach (var pointer in pointers)
        {
            // The root's pointer is empty and has no prefixes but itself.
            for (var slash = pointer.Length > 1 ? pointer.IndexOf('/', 1) : -1; slash > 0; slash = pointer.IndexOf('/', slash + 1))
            {
                wanted.Add(pointer.Substring(0, slash));
            }

            wanted.Add(pointer);
        }

        var found = FindExisting(wanted);
        var document = FindDocument(found);
        var result = new Dictionary<string, SourceSpan>();
        foreach (var pointer in pointers)
        {
            var candidate = pointer;
            SourceSpan? span = null;
            while (span is null)
            {
                if (candidate.Length == 0)
                {
                    span = document;
                }
                else if (found.TryGetValue(candidate, out var hit))
                {
                    span = hit;
                }
                else
                {
                    var slash = candidate.LastIndexOf('/');
                    candidate = slash <= 0 ? string.Empty : candidate.Substring(0, slash);
                }
            }

            result[pointer] = span;
        }

        return result;
    }

    /// <summary>Splits "/a/b~1c" into ["a", "b/c"], undoing the pointer escapes.</summary>
    public static List<string> SplitPointer(string pointer)
    {
        var segments = new List<string>();
        if (string.IsNullOrEmpty(pointer) || pointer == "/")
        {
            return segments;
        }

        foreach (var raw in pointer.TrimStart('/').Split('/'))
        {
            segments.Add(UnescapeSegment(raw));
        }

        return segments;
    }

    /// <summary>Escapes one pointer segment ('~' and '/').</summary>
    public static string EscapeSegment(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The pointer to a member or item below <paramref name="pointer"/>: its segment escaped and appended.</summary>
    public static string Append(string pointer, string segment) => pointer + "/" + EscapeSegment(segment);

    /// <summary>Undoes <see cref="EscapeSegment"/>.</summary>
    public static string UnescapeSegment(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    /// <summary>The spans of those <paramref name="pointers"/> that exist exactly in the document (the root, "", included).</summary>
    protected abstract Dictionary<string, SourceSpan> FindExisting(HashSet<string> pointers);

    private static SourceSpan FindDocument(Dictionary<string, SourceSpan> found)
    {
        foreach (var key in VersionKeys)
        {
            if (found.TryGetValue(key, out var span))
            {
                return span;
            }
        }

        return found.TryGetValue(string.Empty, out var root) ? root : SourceSpan.Origin;
    }
}
