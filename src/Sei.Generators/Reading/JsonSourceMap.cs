using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sei.Generators.Model;

namespace Sei.Generators.Reading;

/// <summary>
/// Locates pointers in JSON text with one forward scan, entering only the subtrees that lead to
/// a wanted pointer. System.Text.Json's node model keeps no positions, so this is our own.
/// </summary>
internal sealed class JsonSourceMap : SourceMap
{
    private readonly string _text;
    private readonly int _charOffset;

    /// <param name="text">The JSON text that was parsed.</param>
    /// <param name="charOffset">How many characters precede <paramref name="text"/> in the file (a byte-order mark).</param>
    public JsonSourceMap(string text, int charOffset)
    {
        _text = text;
        _charOffset = charOffset;
    }

    public override Dictionary<string, SourceSpan> Locate(IReadOnlyCollection<string> pointers)
    {
        var wanted = new HashSet<string>(pointers);
        var prefixes = new HashSet<string> { string.Empty };
        foreach (var pointer in pointers)
        {
            // The root's pointer is empty, and has no prefixes but itself.
            for (var slash = pointer.Length > 1 ? pointer.IndexOf('/', 1) : -1; slash > 0; slash = pointer.IndexOf('/', slash + 1))
            {
                prefixes.Add(pointer.Substring(0, slash));
            }

            prefixes.Add(pointer);
        }

        var lines = new LineIndex(_text, _charOffset);
        var found = new Dictionary<string, SourceSpan>();
        var bytes = Encoding.UTF8.GetBytes(_text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 4096 });
        var frames = new Stack<Frame>();
        string? key = null;
        long keyStart = 0, keyEnd = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        key = reader.GetString();
                        keyStart = reader.TokenStartIndex;
                        keyEnd = reader.BytesConsumed;
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        continue;
                }

                string current;
                long start, end;
                if (frames.Count == 0)
                {
                    current = string.Empty;
                    start = reader.TokenStartIndex;
                    end = reader.BytesConsumed;
                }
                else if (frames.Peek().IsArray)
                {
                    var frame = frames.Pop();
                    current = frame.Pointer + "/" + frame.NextIndex.ToString(CultureInfo.InvariantCulture);
                    frames.Push(frame with { NextIndex = frame.NextIndex + 1 });
                    start = reader.TokenStartIndex;
                    end = reader.BytesConsumed;
                }
                else
                {
                    current = frames.Peek().Pointer + "/" + EscapeSegment(key ?? string.Empty);
                    start = keyStart;
                    end = keyEnd;
                }

                if (prefixes.Contains(current))
                {
                    found[current] = lines.Span(bytes, (int)start, (int)end);
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    if (prefixes.Contains(current))
                    {
                        frames.Push(new Frame(current, reader.TokenType == JsonTokenType.StartArray, 0));
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // The text parsed once already; a failure here only means fewer exact positions.
        }

        var result = new Dictionary<string, SourceSpan>();
        foreach (var pointer in wanted)
        {
            var candidate = pointer;
            SourceSpan? span = null;
            while (span is null)
            {
                if (found.TryGetValue(candidate, out var hit))
                {
                    span = hit;
                }
                else if (candidate.Length == 0)
                {
                    span = SourceSpan.Origin;
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

    private sealed record Frame(string Pointer, bool IsArray, int NextIndex);
}

/// <summary>Maps UTF-8 byte offsets and character offsets of a text to zero-based lines and columns.</summary>
internal sealed class LineIndex
{
    private readonly string _text;
    private readonly int _charOffset;
    private readonly List<int> _lineStartChar = new() { 0 };
    private readonly List<int> _lineStartByte = new() { 0 };

    public LineIndex(string text, int charOffset)
    {
        _text = text;
        _charOffset = charOffset;
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            bytes += c < 0x80 ? 1 : c < 0x800 || char.IsSurrogate(c) ? 2 : 3;
            if (c == '\n')
            {
                _lineStartChar.Add(i + 1);
                _lineStartByte.Add(bytes);
            }
        }
    }

    /// <summary>The span between two byte offsets, shown on the first line only.</summary>
    public SourceSpan Span(byte[] bytes, int startByte, int endByte)
    {
        var (line, column, offset) = FromByte(bytes, startByte);
        var (endLine, endColumn, endOffset) = FromByte(bytes, endByte);
        if (endLine != line || endOffset <= offset)
        {
            endLine = line;
            endColumn = column + 1;
            endOffset = offset + 1;
        }

        return new SourceSpan(line, column, endLine, endColumn, offset + _charOffset, endOffset - offset);
    }

    /// <summary>The position of a character offset.</summary>
    public SourceSpan AtChar(int charIndex)
    {
        var line = FindLine(_lineStartChar, charIndex);
        var column = charIndex - _lineStartChar[line];
        return new SourceSpan(line, column, line, column + 1, charIndex + _charOffset, 1);
    }

    /// <summary>The position of a zero-based line and a byte position within it, as System.Text.Json reports errors.</summary>
    public SourceSpan AtLineByte(byte[] bytes, int line, int bytePositionInLine)
    {
        if (line >= _lineStartByte.Count)
        {
            line = _lineStartByte.Count - 1;
        }

        return Span(bytes, _lineStartByte[line] + bytePositionInLine, _lineStartByte[line] + bytePositionInLine + 1);
    }

    private (int Line, int Column, int Offset) FromByte(byte[] bytes, int byteOffset)
    {
        var line = FindLine(_lineStartByte, byteOffset);
        var lineByte = _lineStartByte[line];
        var length = System.Math.Max(0, System.Math.Min(byteOffset, bytes.Length) - lineByte);
        var column = Encoding.UTF8.GetCharCount(bytes, lineByte, length);
        var offset = System.Math.Min(_lineStartChar[line] + column, _text.Length);
        return (line, column, offset);
    }

    private static int FindLine(List<int> starts, int value)
    {
        var index = starts.BinarySearch(value);
        return index >= 0 ? index : System.Math.Max(0, ~index - 1);
    }
}
