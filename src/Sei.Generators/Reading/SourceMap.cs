using System.Collections.Generic;
using Sei.Generators.Model;

namespace Sei.Generators.Reading;

/// <summary>Finds where JSON pointers into a document stand in its text.</summary>
internal abstract class SourceMap
{
    /// <summary>Locates many pointers in one pass. A pointer that goes deeper than the document maps to its deepest existing ancestor.</summary>
    public abstract Dictionary<string, SourceSpan> Locate(IReadOnlyCollection<string> pointers);

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
            segments.Add(raw.Replace("~1", "/").Replace("~0", "~"));
        }

        return segments;
    }

    /// <summary>Escapes one pointer segment ('~' and '/').</summary>
    public static string EscapeSegment(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
