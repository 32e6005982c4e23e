using SharpYaml;
using SharpYaml.Serialization;

namespace Sei.Generators.Reading;

/// <summary>
/// Locates pointers by walking the YAML representation tree, whose nodes carry their marks. The
/// marks' character indices are turned into lines and columns by the <see cref="LineIndex"/>, not
/// taken from the parser, whose idea of a line break differs from the compiler's.
/// </summary>
internal sealed class YamlSourceMap : SourceMap
{
    private readonly YamlNode _root;

    /// <param name="root">The document's root node.</param>
    /// <param name="charOffset">How many characters precede the parsed text in the file (a byte-order mark).</param>
    /// <param name="lines">The lines of the whole file.</param>
    public YamlSourceMap(YamlNode root, int charOffset, LineIndex lines)
        : base(lines, charOffset)
    {
        _root = root;
    }

    /// <summary>The span between two marks of the parsed text.</summary>
    internal static SourceSpan ToSpan(LineIndex lines, int charOffset, Mark start, Mark end)
        => lines.Span(start.Index + charOffset, end.Index + charOffset);

    protected override Dictionary<string, SourceSpan> FindExisting(HashSet<string> pointers)
    {
        var found = new Dictionary<string, SourceSpan>();
        foreach (var pointer in pointers)
        {
            if (Find(pointer) is { } node)
            {
                found[pointer] = ToSpan(Lines, CharOffset, node.Start, node.End);
            }
        }

        return found;
    }

    /// <summary>The node a pointer names (the key, for a member of a mapping), or null when it does not exist.</summary>
    private YamlNode? Find(string pointer)
    {
        YamlNode current = _root;
        YamlNode? key = null;
        foreach (var segment in SplitPointer(pointer))
        {
            if (current is YamlMappingNode mapping)
            {
                var found = false;
                foreach (var pair in mapping.Children)
                {
                    if (pair.Key is YamlScalarNode scalar && scalar.Value == segment)
                    {
                        key = pair.Key;
                        current = pair.Value;
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    return null;
                }
            }
            else if (current is YamlSequenceNode sequence
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < sequence.Children.Count)
            {
                key = null;
                current = sequence.Children[index];
            }
            else
            {
                return null;
            }
        }

        return key ?? current;
    }
}
