using System.Linq;
using Sei.Generators.Diagnostics;
using Sei.Generators.Model;
using Xunit;

namespace Sei.Generators.Tests.Diagnostics;

/// <summary>The first findings of one kind in one document are listed, in document order, and the rest counted at the next of them.</summary>
public sealed class DiagnosticSummaryTests
{
    private static DiagnosticInfo At(string id, string file, int start, string? kind = null)
        => new(id, file, new SourceSpan(start, 0, start, 1, start * 10, 1), new[] { "x" }.ToEquatableArray(), kind);

    [Fact]
    public void Kinds_are_counted_per_document_id_and_rule_and_the_summary_marks_the_next_finding()
    {
        var items = Enumerable.Range(0, 8).Reverse().Select(i => At("SEI1007", "a.yaml", i, "rule one"))
            .Concat(Enumerable.Range(0, 3).Select(i => At("SEI1007", "a.yaml", 100 + i, "rule two")))
            .Concat(Enumerable.Range(0, 8).Select(i => At("SEI1007", "b.yaml", i, "rule one")))
            .ToEquatableArray();

        var limited = DiagnosticSummary.Limit(items, 5);

        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, limited.Where(d => d.Id == "SEI1007" && d.FilePath == "a.yaml" && d.Kind == "rule one").Select(d => d.Span.StartLine).OrderBy(l => l));
        Assert.Equal(3, limited.Count(d => d.Kind == "rule two"));
        var summaries = limited.Where(d => d.Id == "SEI1008").OrderBy(d => d.FilePath, System.StringComparer.Ordinal).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.Equal(5, summaries[0].Span.StartLine);
        Assert.Equal(new[] { "3", "SEI1007", "rule one", "a.yaml", "5" }, summaries[0].MessageArguments);
        Assert.Equal("b.yaml", summaries[1].FilePath);
    }

    [Fact]
    public void Without_a_kind_the_title_of_the_id_names_it_and_a_limit_of_zero_lists_everything()
    {
        var items = Enumerable.Range(0, 7).Select(i => At("SEI2006", "a.yaml", i)).ToEquatableArray();

        Assert.Equal(items, DiagnosticSummary.Limit(items, 0));
        var summary = Assert.Single(DiagnosticSummary.Limit(items, 5), d => d.Id == "SEI1008");
        Assert.Equal("A GET URL can exceed 2048 characters", summary.MessageArguments[2]);
    }

    [Theory]
    [InlineData(null, DiagnosticSummary.DefaultPerKind)]
    [InlineData("", DiagnosticSummary.DefaultPerKind)]
    [InlineData("0", 0)]
    [InlineData(" 12 ", 12)]
    [InlineData("-3", DiagnosticSummary.DefaultPerKind)]
    [InlineData("many", DiagnosticSummary.DefaultPerKind)]
    public void The_project_setting_is_a_whole_number_or_the_default(string? value, int expected)
        => Assert.Equal(expected, DiagnosticSummary.ParsePerKind(value));
}
