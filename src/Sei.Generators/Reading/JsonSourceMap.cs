namespace Sei.Generators.Reading;

/// <summary>
/// Locates pointers in JSON text with one forward scan, entering only the subtrees that lead to
/// a wanted pointer. System.Text.Json's node model keeps no positions, so this is our own.
/// </summary>
internal sealed class JsonSourceMap : SourceMap
{
    private readonly string _text;

    /// <param name="text">The JSON text that was parsed.</param>
    /// <param name="charOffset">How many characters precede <paramref name="text"/> in the file (a byte-order mark).</param>
    /// <param name="lines">The lines of the whole file.</param>
    public JsonSourceMap(string text, int charOffset, LineIndex lines)
        : base(lines, charOffset)
    {
        _text = text;
    }

    protected override Dictionary<string, SourceSpan> FindExisting(HashSet<string> prefixes)
    {
        var found = new Dictionary<string, SourceSpan>();
        var offsets = new Utf8Offsets(_text);
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
                    current = Append(frames.Peek().Pointer, key ?? string.Empty);
                    start = keyStart;
                    end = keyEnd;
                }

                if (prefixes.Contains(current))
                {
                    found[current] = Lines.Span(offsets.CharIndex(start) + CharOffset, offsets.CharIndex(end) + CharOffset);
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
        catch (System.InvalidOperationException)
        {
            // A key that is not text (a lone surrogate escape) cannot be read back as a string: fewer exact positions.
        }

        return found;
    }

    private sealed record Frame(string Pointer, bool IsArray, int NextIndex);
}
