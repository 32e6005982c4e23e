using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Sei.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sei.Generators.Tests.Hostile;

/// <summary>
/// Broken documents derived from the repository's specs and the small corpus documents: no
/// exception may escape the generator (no CS8784/CS8785, and no SEI9001 from its last-resort
/// catch), every diagnostic must lie within the document (its start and end, as offsets and as
/// lines and columns, agreeing with each other), and whatever is emitted must compile without a
/// warning. Besides broken structure, the mutations break the text itself: half surrogate pairs,
/// texts cut off inside strings, escapes and numbers, stray byte-order marks and NULs, and bytes
/// that are not UTF-8. The inputs are fixed by seed, so a failure reproduces;
/// <c>SEI_FUZZ_COUNT</c> and <c>SEI_FUZZ_SEED</c> explore further. Failing inputs are written to
/// <c>artifacts/fuzz-failures/</c>, and a summary to <c>artifacts/fuzz-report.md</c>.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("SEI_FUZZ_COUNT"), out var count) ? count : 420;

    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static int BaseSeed => int.TryParse(Environment.GetEnvironmentVariable("SEI_FUZZ_SEED"), out var seed) ? seed : 20261128;

    [Fact]
    public void Broken_documents_never_crash_the_generator_and_whatever_it_emits_compiles()
    {
        var sources = BaseDocuments();
        var results = new ConcurrentBag<(MutatedDocument Document, string Outcome, string? Failure)>();
        Parallel.For(0, Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (name, text) = sources[i % sources.Count];
            var document = DocumentMutator.Mutate(name, text, BaseSeed + i);
            results.Add(Check(document));
        });

        var failures = results.Where(r => r.Failure is not null).OrderBy(r => r.Document.Seed).ToList();
        WriteReport(results.OrderBy(r => r.Document.Seed).ToList(), sources.Count);
        var folder = Path.Combine(Paths.RepositoryRoot, "artifacts", "fuzz-failures");
        foreach (var failure in failures)
        {
            Directory.CreateDirectory(folder);
            // Half a surrogate pair cannot be written as UTF-8; it is replaced there, and the seed reproduces the input exactly.
            File.WriteAllText(Path.Combine(folder, failure.Document.FileName), failure.Document.Text, Lenient);
            File.AppendAllText(Path.Combine(folder, "failures.txt"), Describe(failure) + "\n", Lenient);
        }

        output.WriteLine($"{results.Count} broken documents tried from {sources.Count} sources; {failures.Count} failed.");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10).Select(Describe)));
    }

    private static string Describe((MutatedDocument Document, string Outcome, string? Failure) result)
        => $"seed {result.Document.Seed} ({result.Document.Source}, {result.Document.Mutation}: {result.Document.Detail}): {result.Failure}";

    private static (MutatedDocument, string, string?) Check(MutatedDocument document)
    {
        var path = GeneratorHarness.ProjectDirectory + "specs/" + document.FileName;
        GeneratorRun run;
        try
        {
            run = GeneratorHarness.Run(new SpecFile(path, document.Text));
        }
        catch (Exception exception)
        {
            return (document, "crashed", "the driver threw " + exception.GetType().Name + ": " + exception.Message);
        }

        if (run.Fault() is { } fault)
        {
            return (document, "crashed", fault);
        }

        foreach (var diagnostic in run.GeneratorDiagnostics)
        {
            if (DiagnosticSpans.Problem(diagnostic, path, document.Text) is { } problem)
            {
                return (document, "unlocated", problem);
            }
        }

        var generated = run.Result.Results.Single().GeneratedSources.Length;
        if (generated == 0)
        {
            return (document, run.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? "refused with an error" : "not an OpenAPI document", null);
        }

        var compilation = run.CompilationDiagnostics().ToList();
        if (compilation.Count > 0)
        {
            return (document, "does not compile", compilation.Count + " compiler diagnostics, first: " + compilation[0]);
        }

        return (document, run.GeneratorDiagnostics.IsEmpty ? "generated, no diagnostic" : "generated, with diagnostics", null);
    }

    /// <summary>The repository's specs and the corpus documents under 30 KB: small enough to compile hundreds of times.</summary>
    private static List<(string Name, string Text)> BaseDocuments()
    {
        var specs = Directory.GetFiles(Paths.Specs)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f)));
        var corpus = CorpusDocuments.Names.Select(name => (Name: name, Text: CorpusDocuments.ReadText(name))).Where(document => document.Text.Length < 30_000);
        return specs.Concat(corpus).OrderBy(document => document.Name, StringComparer.Ordinal).ToList();
    }

    private static void WriteReport(List<(MutatedDocument Document, string Outcome, string? Failure)> results, int sourceCount)
    {
        var report = new StringBuilder();
        report.AppendLine("# Fuzz report").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"{results.Count} broken documents from {sourceCount} sources, seeds {BaseSeed} to {BaseSeed + results.Count - 1}.").AppendLine();
        report.AppendLine("| mutation | tried | " + string.Join(" | ", results.Select(r => r.Outcome).Distinct().OrderBy(o => o, StringComparer.Ordinal)) + " |");
        var outcomes = results.Select(r => r.Outcome).Distinct().OrderBy(o => o, StringComparer.Ordinal).ToList();
        report.AppendLine("|---|---|" + string.Concat(outcomes.Select(_ => "---|")));
        foreach (var group in results.GroupBy(r => r.Document.Mutation).OrderBy(g => g.Key))
        {
            report.AppendLine("| " + group.Key + " | " + group.Count() + " | " + string.Join(" | ", outcomes.Select(o => group.Count(r => r.Outcome == o))) + " |");
        }

        Directory.CreateDirectory(Path.Combine(Paths.RepositoryRoot, "artifacts"));
        File.WriteAllText(Path.Combine(Paths.RepositoryRoot, "artifacts", "fuzz-report.md"), report.ToString());
    }
}
