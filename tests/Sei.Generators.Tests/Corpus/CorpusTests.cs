using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Sei.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sei.Generators.Tests.Corpus;

/// <summary>Collects one row per corpus document and writes the table when the class's tests are done.</summary>
public sealed class CorpusReport : IDisposable
{
    public ConcurrentDictionary<string, string> Rows { get; } = new();

    public void Dispose()
    {
        var table = new StringBuilder();
        table.AppendLine("| document | operations | generated lines | generation ms | SEI diagnostics | compile errors | compile warnings | first error |");
        table.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var row in Rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            table.AppendLine(row.Value);
        }

        var folder = Path.Combine(Paths.RepositoryRoot, "artifacts");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "corpus-report.md"), table.ToString());
    }
}

/// <summary>
/// Every real-world document of the corpus (tests/corpus, plus any beside the clone) goes through the generator without an exception
/// escaping and without an internal-error diagnostic, and its code compiles with every generated type
/// named fully qualified; the compile result of each is recorded in artifacts/corpus-report.md.
/// </summary>
public sealed class CorpusTests : IClassFixture<CorpusReport>
{
    private readonly CorpusReport _report;
    private readonly ITestOutputHelper _output;

    public CorpusTests(CorpusReport report, ITestOutputHelper output)
    {
        _report = report;
        _output = output;
    }

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

    [Fact]
    public void The_corpus_travels_with_the_repository()
    {
        // A clone alone must run every corpus test: the documents are vendored, and a folder
        // beside the clone may only add to them.
        Assert.True(CorpusDocuments.VendoredCount >= 43, "The repository carries " + CorpusDocuments.VendoredCount + " corpus documents in " + CorpusDocuments.Vendored + ".");
        Assert.True(Documents.Count >= CorpusDocuments.VendoredCount, "The corpus holds " + Documents.Count + " documents.");
    }

    [Fact]
    public void Every_vendored_document_has_its_source_commit_and_licence_in_the_manifest()
    {
        var rows = File.ReadAllLines(Path.Combine(CorpusDocuments.Vendored, "MANIFEST.tsv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .ToDictionary(columns => columns[0], StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(CorpusDocuments.Vendored, "*.gz"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            Assert.True(rows.TryGetValue(name, out var columns), name + " has no row in MANIFEST.tsv.");
            Assert.Matches("^[^/\\s]+/[^/\\s]+$", columns[1]);
            Assert.Matches("^[0-9a-f]{40}$", columns[3]);
            Assert.False(string.IsNullOrWhiteSpace(columns[4]), name + " has no licence in MANIFEST.tsv.");
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_is_generated_without_crashing(string fileName)
    {
        var (run, generationMs) = CorpusRuns.Get(fileName);

        var result = run.Result.Results.Single();
        Assert.Null(run.Fault());

        var compile = run.CompilationDiagnostics().ToList();
        var errors = compile.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("SEI", StringComparison.Ordinal)).ToList();
        var warnings = compile.Count - errors.Count;
        var lines = result.GeneratedSources.Sum(s => s.SourceText.Lines.Count);
        var operations = CountOperations(result.GeneratedSources.Select(s => s.SourceText.ToString()));
        var first = errors.FirstOrDefault()?.ToString().Replace("|", "\\|") ?? string.Empty;
        if (first.Length > 200)
        {
            first = first.Substring(0, 200) + "...";
        }

        var seiDiagnostics = string.Join(" ", run.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + "x" + g.Count()));
        _report.Rows[fileName] = $"| {fileName} | {operations} | {lines} | {generationMs} | {seiDiagnostics} | {errors.Count} | {warnings} | {first} |";
        _output.WriteLine(_report.Rows[fileName]);
        Assert.True(lines > 0 || run.GeneratorDiagnostics.Any(), "Nothing was generated and nothing was reported for " + fileName);

        // Whatever the document names its members, the code compiles and names every generated type with global::.
        Assert.True(errors.Count == 0, GeneratorHarness.Describe(errors));
        var bare = BareTypeReferences.Find(run);
        Assert.True(bare.Count == 0, string.Join(Environment.NewLine, bare.Take(30)));
        ClientInterfaces.AssertEveryMethodIsOnTheInterface(run.OutputCompilation);
    }

    private static int CountOperations(System.Collections.Generic.IEnumerable<string> sources)
        => sources.Sum(source => source.Split('\n').Count(line => line.TrimStart().StartsWith("[global::Sei.Client.Metadata.SeiOperation(", StringComparison.Ordinal)));
}
