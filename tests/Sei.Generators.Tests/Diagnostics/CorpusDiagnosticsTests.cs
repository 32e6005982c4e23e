using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Sei.Generators.Diagnostics;
using Sei.Generators.Model;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Diagnostics;

/// <summary>Collects, per corpus document, how many diagnostics of each ID it gets, and writes the table when the class's tests are done.</summary>
public sealed class CorpusDiagnosticsReport : IDisposable
{
    internal ConcurrentDictionary<string, IReadOnlyList<DiagnosticInfo>> Documents { get; } = new(StringComparer.Ordinal);

    public void Dispose()
    {
        var ids = Documents.Values.SelectMany(d => d).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        var table = new StringBuilder();
        table.AppendLine("| document | judged | " + string.Join(" | ", ids) + " | at (1,1) |");
        table.AppendLine("|---|---|" + string.Concat(ids.Select(_ => "---|")) + "---|");
        foreach (var (name, diagnostics) in Documents.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var judged = CorpusDiagnosticsTests.Invalid.TryGetValue(name, out var why) ? "invalid: " + why : "valid";
            table.AppendLine("| " + name + " | " + judged + " | " + string.Join(" | ", ids.Select(id => diagnostics.Count(d => d.Id == id))) + " | " + diagnostics.Count(CorpusDiagnosticsTests.IsAtFirstCharacter) + " |");
        }

        var folder = Path.Combine(Paths.RepositoryRoot, "artifacts");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "corpus-diagnostics.md"), table.ToString());
    }
}

/// <summary>
/// The diagnostics each real-world document of the corpus gets, as a user sees them (summarised per
/// kind), counted per ID into <c>artifacts/corpus-diagnostics.md</c>. No diagnostic of any document is
/// at line 1, column 1 or internal (SEI9001). The documents judged valid get no diagnostic that says
/// the document breaks the specification (SEI1002, SEI1004, SEI1007) and no warning of reading; the
/// few judged invalid are listed with the reason, and get the diagnostics that reason implies.
/// </summary>
public sealed class CorpusDiagnosticsTests(CorpusDiagnosticsReport report) : IClassFixture<CorpusDiagnosticsReport>
{
    /// <summary>The corpus documents that break their specification, and how (checked by hand against the specification).</summary>
    internal static readonly IReadOnlyDictionary<string, string> Invalid = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // "type": ["null", "string"] and "items": [{...}, {...}] throughout: lists where Swagger 2.0 has one type and one schema.
        ["slack__web_openapi_v2.json"] = "type lists and tuple items in Swagger 2.0",

        // /Accounts/{AccountID}/Attachments/{FileName} beside /Accounts/{AccountID}/Attachments/{AttachmentID}: one path twice.
        ["xero__accounting.yaml"] = "paths that differ only in their parameter names",
    };

    /// <summary>The IDs that say a document breaks the specification.</summary>
    private static readonly string[] SpecificationIds = { "SEI1002", "SEI1004", "SEI1007" };

    public static TheoryData<string> Documents
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in CorpusDocuments.Names)
            {
                data.Add(name);
            }

            return data;
        }
    }

    /// <summary>What reading and building a corpus document reports, before summarising: the steps of the pipeline that find diagnostics, without emitting or compiling.</summary>
    private static EquatableArray<DiagnosticInfo> Diagnose(string fileName)
    {
        var text = CorpusDocuments.ReadText(fileName);
        var input = new SpecInput(GeneratorHarness.ProjectDirectory + "corpus/" + fileName, text, null, null, "Consumer", GeneratorHarness.ProjectDirectory);
        return SeiClientGenerator.ReadAndBuild(input, default).Diagnostics;
    }

    private static int PlaceholderCount(string id) => GeneratorHarness.PlaceholderCount(DiagnosticDescriptors.Get(id));

    internal static bool IsAtFirstCharacter(DiagnosticInfo diagnostic) => diagnostic.Span.StartLine == 0 && diagnostic.Span.StartColumn == 0;

    [Theory]
    [MemberData(nameof(Documents))]
    public void Each_document_gets_only_located_diagnostics_and_a_valid_one_none_for_being_valid(string fileName)
    {
        var diagnostics = DiagnosticSummary.Limit(Diagnose(fileName), DiagnosticSummary.DefaultPerKind).ToList();
        report.Documents[fileName] = diagnostics;

        string Describe(IEnumerable<DiagnosticInfo> items) => string.Join(Environment.NewLine, items.Take(20).Select(d => d.Id + " (" + (d.Span.StartLine + 1) + "," + (d.Span.StartColumn + 1) + ") " + string.Join(" | ", d.MessageArguments)));
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.InternalError);
        Assert.All(diagnostics, d => Assert.True(PlaceholderCount(d.Id) == d.MessageArguments.Count, d.Id + " has " + d.MessageArguments.Count + " arguments for its sentence's " + PlaceholderCount(d.Id) + ": " + string.Join(" | ", d.MessageArguments)));
        var atStart = diagnostics.Where(IsAtFirstCharacter).ToList();
        Assert.True(atStart.Count == 0, Describe(atStart));
        var breaks = diagnostics.Where(d => SpecificationIds.Contains(d.Id)).ToList();
        if (Invalid.ContainsKey(fileName))
        {
            Assert.NotEmpty(breaks);
        }
        else
        {
            Assert.True(breaks.Count == 0, fileName + " is valid, yet:" + Environment.NewLine + Describe(breaks));
        }
    }

    [Fact]
    public void The_invalid_documents_get_the_diagnostics_their_faults_imply()
    {
        string[] Ids(string fileName) => Diagnose(fileName).Select(d => d.Id + ": " + string.Join(" | ", d.MessageArguments)).ToArray();

        // Slack: a type list of one type and null is read as a nullable type (the client is whole); a
        // tuple of several schemas cannot be (the items are any JSON).
        var slack = Ids("slack__web_openapi_v2.json");
        Assert.Contains(slack, d => d.StartsWith("SEI1007: 'type' is one type name in Swagger 2.0", StringComparison.Ordinal));
        Assert.Contains(slack, d => d.StartsWith("SEI1004: A schema must be an object", StringComparison.Ordinal));

        // Xero: each duplicated path is one finding, and the client keeps both operations.
        var xero = Ids("xero__accounting.yaml");
        Assert.Equal(14, xero.Count(d => d.StartsWith("SEI1007: Microsoft.OpenApi reports: The path signature", StringComparison.Ordinal)));
    }
}
