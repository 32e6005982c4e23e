using SharpYaml.Serialization;

namespace Sei.Generators.Reading;

/// <summary>
/// Finds what is not text at all: half of a UTF-16 surrogate pair, written as a character or as an
/// escape. System.Text.Json refuses to turn either into UTF-8 or back into a string, deep inside
/// the reader, so such a document is refused up front, at the offending character.
/// </summary>
internal static class TextCheck
{
    public const string LoneSurrogateMessage = "the text holds half of a UTF-16 surrogate pair at this position, which is not a character (save the document as UTF-8)";

    public const string LoneSurrogateEscapeMessage = "the escape at this position is half of a UTF-16 surrogate pair, which is not a character (write the whole pair, or the character itself)";

    /// <summary>Where the first character that is half a surrogate pair stands, if any.</summary>
    public static int? FindLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Where the first <c>\uD800</c>-style escape without its other half is in a JSON text, if any.</summary>
    public static int? FindLoneSurrogateEscape(string text)
    {
        for (var i = text.IndexOf("\\u", System.StringComparison.Ordinal); i >= 0 && i + 6 <= text.Length; i = text.IndexOf("\\u", i + 2, System.StringComparison.Ordinal))
        {
            // An escaped backslash ("\\u") is not an escape; count the backslashes before it.
            var backslashes = 0;
            for (var j = i; j >= 0 && text[j] == '\\'; j--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 0 || !TryParseUnit(text, i + 2, out var unit))
            {
                continue;
            }

            var isHigh = unit is >= 0xD800 and <= 0xDBFF;
            var isLow = unit is >= 0xDC00 and <= 0xDFFF;
            var nextIsLow = i + 12 <= text.Length && text[i + 6] == '\\' && text[i + 7] == 'u'
                && TryParseUnit(text, i + 8, out var next) && next is >= 0xDC00 and <= 0xDFFF;
            if ((isHigh && !nextIsLow) || isLow)
            {
                return i;
            }

            if (isHigh)
            {
                i += 6;
            }
        }

        return null;
    }

    /// <summary>The first scalar of a YAML tree (key or value) whose value holds half a surrogate pair, if any.</summary>
    public static YamlNode? FindLoneSurrogate(YamlNode root)
    {
        // An explicit stack: documents can nest deeper than the compiler's thread stack allows for
        // recursion. Each node once: an alias shares its anchor's node, and a "billion laughs" document
        // is a small graph whose paths are exponentially many.
        var pending = new Stack<YamlNode>();
        var visited = new HashSet<YamlNode>(ReferenceComparer.Instance);
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            switch (node)
            {
                case YamlScalarNode scalar when scalar.Value is { } value && FindLoneSurrogate(value) is not null:
                    return scalar;
                case YamlMappingNode mapping:
                    foreach (var pair in mapping.Children)
                    {
                        pending.Push(pair.Value);
                        pending.Push(pair.Key);
                    }

                    break;
                case YamlSequenceNode sequence:
                    for (var i = sequence.Children.Count - 1; i >= 0; i--)
                    {
                        pending.Push(sequence.Children[i]);
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>Compares nodes by identity: YAML nodes compare by content, which costs as much as the walk itself.</summary>
    private sealed class ReferenceComparer : IEqualityComparer<YamlNode>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private static bool TryParseUnit(string text, int at, out ushort unit)
        => ushort.TryParse(text.Substring(at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out unit);
}
