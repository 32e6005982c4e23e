namespace Sei.Generators.Reading;

/// <summary>
/// Turns character offsets of a document into zero-based lines and columns the way Roslyn's
/// <c>SourceText</c> does (line breaks are CR LF, CR, LF, NEL, LS and PS), so that the line span a
/// diagnostic shows always agrees with the text span it carries, whichever parser found the place.
/// </summary>
internal sealed class LineIndex
{
    private readonly string _text;
    private readonly List<int> _lineStarts = new() { 0 };

    public LineIndex(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                _lineStarts.Add(i + 1);
            }
            else if (IsLineBreak(c))
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public int Length => _text.Length;

    /// <summary>
    /// The span of the characters from <paramref name="start"/> up to <paramref name="end"/>, clamped
    /// to the text and cut at the end of the first line (a multi-line node is shown by its first line,
    /// so the squiggle stays readable). An empty span widens to the character at its start, if that is
    /// on the line, so there is something to see; at a line break or the end of the text it stays empty.
    /// </summary>
    public SourceSpan Span(int start, int end)
    {
        start = Math.Max(0, Math.Min(start, _text.Length));
        end = Math.Max(start, Math.Min(end, _text.Length));
        var line = FindLine(start);
        var lineEnd = ContentEnd(line);
        end = Math.Min(end, Math.Max(start, lineEnd));
        if (end == start && start < lineEnd)
        {
            end = start + (char.IsHighSurrogate(_text[start]) && start + 1 < lineEnd && char.IsLowSurrogate(_text[start + 1]) ? 2 : 1);
        }

        var lineStart = _lineStarts[line];
        return new SourceSpan(line, start - lineStart, line, end - lineStart, start, end - start);
    }

    /// <summary>The first occurrence of <paramref name="text"/> within <paramref name="span"/>, or the span itself when it is not there.</summary>
    public SourceSpan Within(SourceSpan span, string text)
    {
        var end = Math.Min(_text.Length, span.Start + span.Length);
        var found = span.Start < end ? _text.IndexOf(text, span.Start, end - span.Start, StringComparison.Ordinal) : -1;
        return found < 0 ? span : Span(found, found + text.Length);
    }

    /// <summary>The span of the one character at <paramref name="index"/> (empty at a line break or the end of the text).</summary>
    public SourceSpan At(int index) => Span(index, index);

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>Where the content of a line ends: at its line break, or at the end of the text.</summary>
    private int ContentEnd(int line)
    {
        if (line + 1 >= _lineStarts.Count)
        {
            return _text.Length;
        }

        var next = _lineStarts[line + 1];
        return next >= 2 && _text[next - 2] == '\r' && _text[next - 1] == '\n' ? next - 2 : next - 1;
    }

    private int FindLine(int index)
    {
        var found = _lineStarts.BinarySearch(index);
        return found >= 0 ? found : Math.Max(0, ~found - 1);
    }
}

/// <summary>
/// Converts the UTF-8 byte offsets System.Text.Json reports into character offsets of the text it
/// was given. The bytes are those <c>Encoding.UTF8.GetBytes</c> makes of the text: a surrogate pair
/// takes four bytes and a lone surrogate three (its replacement character). Checkpoints every few
/// hundred characters keep each conversion short even on a minified document of one long line.
/// </summary>
internal sealed class Utf8Offsets
{
    private const int Stride = 256;

    private readonly string _text;
    private readonly List<int> _checkpointBytes = new();
    private readonly List<int> _newlineBytes = new() { 0 };

    public Utf8Offsets(string text)
    {
        _text = text;
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (i % Stride == 0)
            {
                _checkpointBytes.Add(bytes);
            }

            bytes += ByteCount(text, i);
            if (text[i] == '\n')
            {
                _newlineBytes.Add(bytes);
            }
        }

        TotalBytes = bytes;
    }

    public int TotalBytes { get; }

    /// <summary>The character that holds the given byte (the end of the text for an offset past it).</summary>
    public int CharIndex(long byteOffset)
    {
        if (byteOffset <= 0 || _checkpointBytes.Count == 0)
        {
            return 0;
        }

        if (byteOffset >= TotalBytes)
        {
            return _text.Length;
        }

        var checkpoint = _checkpointBytes.BinarySearch((int)byteOffset);
        checkpoint = checkpoint >= 0 ? checkpoint : ~checkpoint - 1;
        var index = checkpoint * Stride;
        var bytes = _checkpointBytes[checkpoint];
        while (index < _text.Length)
        {
            var width = ByteCount(_text, index);
            if (bytes + width > byteOffset)
            {
                break;
            }

            bytes += width;
            index++;
        }

        return index;
    }

    /// <summary>
    /// The byte offset of a position as System.Text.Json's exceptions give it: a zero-based line,
    /// counted by LF alone, and a byte position within that line.
    /// </summary>
    public long ByteOffset(long line, long bytePositionInLine)
    {
        var clamped = (int)Math.Max(0, Math.Min(line, _newlineBytes.Count - 1));
        return _newlineBytes[clamped] + Math.Max(0, bytePositionInLine);
    }

    /// <summary>How many UTF-8 bytes the character at <paramref name="index"/> adds; the low half of a pair adds none, its high half four.</summary>
    private static int ByteCount(string text, int index)
    {
        var c = text[index];
        if (c < 0x80)
        {
            return 1;
        }

        if (c < 0x800)
        {
            return 2;
        }

        if (char.IsHighSurrogate(c))
        {
            return index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 4 : 3;
        }

        if (char.IsLowSurrogate(c))
        {
            return index > 0 && char.IsHighSurrogate(text[index - 1]) ? 0 : 3;
        }

        return 3;
    }
}
