using System.IO;

namespace Sei.Generators.Diagnostics;

/// <summary>
/// Keeps one document from flooding the error list. Of the findings of one kind in one document
/// (one ID, and for IDs that cover several rules, one rule: see <see cref="DiagnosticInfo.Kind"/>),
/// the first few in document order are reported where they are, and the rest are counted in one
/// SEI1008 at the next of them. A 4 MB document that breaks one rule 600 times then shows the rule,
/// a few places, and the count.
/// </summary>
internal static class DiagnosticSummary
{
    /// <summary>How many findings of one kind are listed when the project does not say (<c>SeiDiagnosticsPerKind</c>).</summary>
    public const int DefaultPerKind = 5;

    /// <summary>Limits <paramref name="diagnostics"/> to <paramref name="perKind"/> per kind and document, adding a summary for each kind cut short; 0 lists everything.</summary>
    public static EquatableArray<DiagnosticInfo> Limit(EquatableArray<DiagnosticInfo> diagnostics, int perKind)
    {
        if (perKind <= 0 || diagnostics.Count <= perKind)
        {
            return diagnostics;
        }

        var items = diagnostics.ToList();
        var groups = items
            .Select((item, index) => (Item: item, Index: index))
            .GroupBy(entry => (entry.Item.FilePath, entry.Item.Id, entry.Item.Kind ?? string.Empty))
            .Where(group => group.Count() > perKind)
            .ToList();
        if (groups.Count == 0)
        {
            return diagnostics;
        }

        var dropped = new HashSet<int>();
        var summaries = new List<DiagnosticInfo>();
        foreach (var group in groups)
        {
            var ordered = group.OrderBy(entry => entry.Item.Span.Start).ThenBy(entry => entry.Index).ToList();
            foreach (var entry in ordered.Skip(perKind))
            {
                dropped.Add(entry.Index);
            }

            var first = ordered[0].Item;
            var next = ordered[perKind].Item;
            summaries.Add(new DiagnosticInfo(
                DiagnosticIds.DiagnosticsSummarized,
                next.FilePath,
                next.Span,
                new[]
                {
                    (ordered.Count - perKind).ToString(CultureInfo.InvariantCulture),
                    first.Id,
                    first.Kind ?? DiagnosticDescriptors.Get(first.Id).Title.ToString(CultureInfo.InvariantCulture),
                    Path.GetFileName(first.FilePath),
                    perKind.ToString(CultureInfo.InvariantCulture),
                }.ToEquatableArray()));
        }

        return items.Where((_, index) => !dropped.Contains(index)).Concat(summaries).ToEquatableArray();
    }

    /// <summary>Reads the project's <c>SeiDiagnosticsPerKind</c>: a whole number of at least 0, else the default.</summary>
    public static int ParsePerKind(string? value)
        => int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var perKind) ? perKind : DefaultPerKind;
}
