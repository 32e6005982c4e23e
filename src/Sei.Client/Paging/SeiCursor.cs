namespace Sei.Client;

/// <summary>
/// A position in a cursor-paged list: the query fragment SEI returns in <c>paging</c>
/// (<c>before=...&amp;after=...</c>). Treat it as opaque; pass it to a page method to resume there.
/// Base64 values with <c>+</c>, <c>/</c> and <c>=</c> are kept as they are and encoded when sent.
/// </summary>
public sealed class SeiCursor : IEquatable<SeiCursor>
{
    private SeiCursor(string query, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        Query = query;
        Values = values;
    }

    /// <summary>Gets the query fragment as the server sent it.</summary>
    public string Query { get; }

    /// <summary>Gets the parameters the fragment sets, decoded; an empty value clears that parameter.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values { get; }

    /// <summary>Reads a cursor from a <c>paging</c> link; absent, empty or blank links give <see langword="null"/> (no such page).</summary>
    /// <param name="fragment">The link, such as <c>before=&amp;after=QUNDLTAwMQ==</c>, with or without a leading <c>?</c>.</param>
    /// <returns>The cursor, or <see langword="null"/>.</returns>
    public static SeiCursor? Parse(string? fragment)
    {
        if (string.IsNullOrWhiteSpace(fragment))
        {
            return null;
        }

        var query = fragment!.Trim();
        var questionMark = query.IndexOf('?');
        if (questionMark >= 0)
        {
            // Some servers send a whole URL or path; only its query matters.
            query = query.Substring(questionMark + 1);
        }

        var values = new List<KeyValuePair<string, string>>();
        foreach (var part in query.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            var name = equals < 0 ? part : part.Substring(0, equals);
            var value = equals < 0 ? string.Empty : part.Substring(equals + 1);

            // Unescape only percent-escapes: a raw '+' in a Base64 value is data, not an encoded space.
            values.Add(new KeyValuePair<string, string>(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        return values.Count == 0 ? null : new SeiCursor(query, values);
    }

    /// <inheritdoc/>
    public bool Equals(SeiCursor? other) => other is not null && string.Equals(Query, other.Query, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SeiCursor);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Query);

    /// <inheritdoc/>
    public override string ToString() => Query;
}
