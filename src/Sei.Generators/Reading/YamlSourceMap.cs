using System.Collections.Generic;
using System.Globalization;
using Sei.Generators.Model;
using SharpYaml;
using SharpYaml.Serialization;

namespace Sei.Generators.Reading;

/// <summary>Locates pointers by walking the YAML representation tree, whose nodes carry their marks (zero-based).</summary>
internal sealed class YamlSourceMap : SourceMap
{
    private readonly YamlNode _root;

    public YamlSourceMap(YamlNode root)
    {
        _root = root;
    }

    public override Dictionary<string, SourceSpan> Locate(IReadOnlyCollection<string> pointers)
    {
        var result = new Dictionary<string, SourceSpan>();
        foreach (var pointer in pointers)
        {
            result[pointer] = LocateOne(pointer);
        }

        return result;
    }

    internal static SourceSpan ToSpan(Mark start, Mark end)
    {
        // A multi-line node is shown by its first line only, so the squiggle stays readable.
        var endLine = end.Line;
        var endColumn = end.Column;
        var length = end.Index - start.Index;
        if (end.Line != start.Line || length <= 0)
        {
            endLine = start.Line;
            endColumn = start.Column + 1;
            length = 1;
        }

        return new SourceSpan(start.Line, start.Column, endLine, endColumn, start.Index, length);
    }

    private SourceSpan LocateOne(string pointer)
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
                    break;
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
                break;
            }
        }

        var node = key ?? current;
        return ToSpan(node.Start, node.End);
    }
}
