namespace Sei.Client.Json;

/// <summary>
/// Finds which of a fixed set of texts a JSON token holds, by its UTF-8 bytes, without allocating:
/// a hash table over the bytes the reader already has. A token with escapes (or split across
/// buffers) is decoded to a string first and found by that, which is rare and still correct.
/// </summary>
internal sealed class SeiUtf8Lookup
{
    private readonly byte[][] _utf8;
    private readonly int[] _buckets;
    private readonly int[] _next;
    private readonly Dictionary<string, int> _byText;

    public SeiUtf8Lookup(IReadOnlyList<string> texts)
    {
        _utf8 = new byte[texts.Count][];
        _next = new int[texts.Count];
        _byText = new Dictionary<string, int>(texts.Count, StringComparer.Ordinal);

        // A power of two at least twice the count keeps chains short and the bucket a mask away.
        var size = 4;
        while (size < texts.Count * 2)
        {
            size <<= 1;
        }

        _buckets = new int[size];
        for (var i = 0; i < texts.Count; i++)
        {
            _utf8[i] = Encoding.UTF8.GetBytes(texts[i]);
            if (_byText.ContainsKey(texts[i]))
            {
                // The first of two equal texts wins, as a JSON reader's first match would.
                _next[i] = -1;
                continue;
            }

            _byText[texts[i]] = i;
            var bucket = Hash(_utf8[i]) & (size - 1);
            _next[i] = _buckets[bucket] - 1;
            _buckets[bucket] = i + 1;
        }
    }

    /// <summary>Finds the text the reader's current token (a string or a property name) holds.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>Its index, or -1 when it is none of the texts.</returns>
    public int Find(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return Find(reader.GetString()!);
        }

        var span = reader.ValueSpan;
        for (var i = _buckets[Hash(span) & (_buckets.Length - 1)] - 1; i >= 0; i = _next[i])
        {
            if (span.SequenceEqual(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Finds a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Its index, or -1 when it is none of the texts.</returns>
    public int Find(string text) => _byText.TryGetValue(text, out var index) ? index : -1;

    /// <summary>FNV-1a over the bytes: cheap, and good enough for the few hundred names of one type.</summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
