using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Sei.Generators.Building;
using Sei.Generators.Diagnostics;
using Sei.Generators.Emitting;
using Sei.Generators.Model;
using Sei.Generators.Reading;

/// <summary>
/// Where a warm run's time goes (--phases): reading the document with Microsoft.OpenApi, building the
/// model, emitting each file, and parsing what was emitted (which the compiler does for every generated
/// file it did not have already). Medians of warm runs, after one run to compile everything.
/// </summary>
internal static class Phases
{
    public static void Print(IEnumerable<string> documents, int runs)
    {
        Console.WriteLine("| document | read (ms) | build (ms) | emit Models (ms) | emit Serialization (ms) | emit Client (ms) | parse emitted (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var document in documents)
        {
            var text = Measure.ReadDocument(document);
            var path = Measure.ProjectPath(document);
            var input = new SpecInput(path, text, null, null, "Consumer", "/project/");
            var samples = Enumerable.Range(0, runs + 1).Select(_ => Once(input)).Skip(1).ToList();
            Console.WriteLine("| " + Path.GetFileName(document) + " | " + string.Join(" | ", Enumerable.Range(0, 6).Select(i => Measure.Median(samples.Select(s => s[i])).ToString("0", CultureInfo.InvariantCulture))) + " |");
        }
    }

    /// <summary>
    /// What compiling the emitted files costs (--compile): binding each file alone (declarations,
    /// bodies, nullable analysis: the compiler's diagnostics for that tree), then emitting the assembly,
    /// which binds every body again. The last two lines are single passes as csc makes them, in fresh
    /// compilations: their difference is what the client file costs. Documentation comments are not
    /// parsed, as in a build without GenerateDocumentationFile. Medians of runs.
    /// </summary>
    public static void PrintCompile(IEnumerable<string> documents, int runs, IReadOnlyList<Microsoft.CodeAnalysis.MetadataReference> references)
    {
        Console.WriteLine("| document | file | lines | bind (ms) |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var document in documents)
        {
            var text = Measure.ReadDocument(document);
            var path = Measure.ProjectPath(document);
            var input = new SpecInput(path, text, null, null, "Consumer", "/project/");
            var problems = new ProblemCollector(input.Path);
            var spec = SpecReader.Read(input.Path, input.Text, problems, CancellationToken.None) ?? throw new InvalidOperationException("The document could not be read.");
            var context = new EmitContext(ClientModelBuilder.Build(input, spec, OperationSelection.Everything, problems, CancellationToken.None, out _), new TargetInfo(HasDateOnly: true, NeedsRequiredMemberPolyfill: false, NeedsCompilerFeaturePolyfill: false));
            var files = new[] { ("Models", ModelEmitter.Emit(context)), ("Serialization", ConverterEmitter.Emit(context)), ("Client", ClientEmitter.Emit(context)) };
            var options = new CSharpParseOptions(LanguageVersion.Latest, Microsoft.CodeAnalysis.DocumentationMode.None);
            var samples = new List<double[]>();
            for (var run = 0; run <= runs; run++)
            {
                var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Item2, options)).ToArray();
                var compilation = CSharpCompilation.Create("Consumer", trees, references, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable));
                var times = new double[trees.Length + 4];
                var started = Stopwatch.GetTimestamp();
                compilation.GetDeclarationDiagnostics();
                times[trees.Length] = Lap(ref started);
                for (var i = 0; i < trees.Length; i++)
                {
                    var errors = compilation.GetSemanticModel(trees[i]).GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
                    if (errors.Count > 0)
                    {
                        throw new InvalidOperationException("The emitted code does not compile: " + errors[0]);
                    }

                    times[i] = Lap(ref started);
                }

                compilation.Emit(Stream.Null);
                times[trees.Length + 1] = Lap(ref started);
                var typesOnly = CSharpCompilation.Create("Types", files.Take(2).Select(f => CSharpSyntaxTree.ParseText(f.Item2, options)), references, compilation.Options);
                started = Stopwatch.GetTimestamp();
                typesOnly.Emit(Stream.Null);
                times[trees.Length + 2] = Lap(ref started);

                // One pass over everything, as csc does it: emitting binds each body once.
                var whole = CSharpCompilation.Create("Whole", files.Select(f => CSharpSyntaxTree.ParseText(f.Item2, options)), references, compilation.Options);
                started = Stopwatch.GetTimestamp();
                whole.Emit(Stream.Null);
                times[trees.Length + 3] = Lap(ref started);
                if (run > 0)
                {
                    samples.Add(times);
                }
            }

            for (var i = 0; i < files.Length; i++)
            {
                Console.WriteLine("| " + Path.GetFileName(document) + " | " + files[i].Item1 + " | " + files[i].Item2.Count(c => c == '\n').ToString("N0", CultureInfo.InvariantCulture) + " | " + Measure.Median(samples.Select(t => t[i])).ToString("0", CultureInfo.InvariantCulture) + " |");
            }

            Console.WriteLine("| " + Path.GetFileName(document) + " | declarations (all files, first) | | " + Measure.Median(samples.Select(t => t[files.Length])).ToString("0", CultureInfo.InvariantCulture) + " |");
            Console.WriteLine("| " + Path.GetFileName(document) + " | emit the assembly (after binding) | | " + Measure.Median(samples.Select(t => t[files.Length + 1])).ToString("0", CultureInfo.InvariantCulture) + " |");
            Console.WriteLine("| " + Path.GetFileName(document) + " | bind and emit models and contracts alone | | " + Measure.Median(samples.Select(t => t[files.Length + 2])).ToString("0", CultureInfo.InvariantCulture) + " |");
            Console.WriteLine("| " + Path.GetFileName(document) + " | bind and emit all files in one pass | | " + Measure.Median(samples.Select(t => t[files.Length + 3])).ToString("0", CultureInfo.InvariantCulture) + " |");
        }
    }

    private static double[] Once(SpecInput input)
    {
        var times = new double[6];
        var started = Stopwatch.GetTimestamp();
        var problems = new ProblemCollector(input.Path);
        var spec = SpecReader.Read(input.Path, input.Text, problems, CancellationToken.None) ?? throw new InvalidOperationException("The document could not be read.");
        times[0] = Lap(ref started);
        var model = ClientModelBuilder.Build(input, spec, OperationSelection.Everything, problems, CancellationToken.None, out _);
        times[1] = Lap(ref started);
        var context = new EmitContext(model, new TargetInfo(HasDateOnly: true, NeedsRequiredMemberPolyfill: false, NeedsCompilerFeaturePolyfill: false));
        var sources = new string[3];
        sources[0] = ModelEmitter.Emit(context);
        times[2] = Lap(ref started);
        sources[1] = ConverterEmitter.Emit(context);
        times[3] = Lap(ref started);
        sources[2] = ClientEmitter.Emit(context);
        times[4] = Lap(ref started);
        foreach (var source in sources)
        {
            CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        }

        times[5] = Lap(ref started);
        return times;
    }

    private static double Lap(ref long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        return elapsed;
    }
}
