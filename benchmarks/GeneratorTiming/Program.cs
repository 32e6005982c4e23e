using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sei.Generators;

// Times the generator as the compiler and the IDE drive it, through Roslyn's GeneratorDriver:
//   first  - the first run in this process (the JIT compiles the generator and Microsoft.OpenApi);
//   warm   - a new driver over the same document once everything is compiled: spec to source;
//   edit   - the same driver after one operation's summary changed (what a save in the IDE costs);
//   C#     - the same driver after an unrelated C# file was added: must be fully cached.
// Each figure but the first is the median of --runs runs. Usage:
//   dotnet run -c Release --project benchmarks/GeneratorTiming -- [--runs N] [--phases | --compile] [documents...]
// --phases: where a warm run's time goes; --compile: what binding and emitting the generated files costs.
// With no documents, the four of issue 11 from tests/corpus.
var runs = 7;
var phases = false;
var compile = false;
var documents = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--phases")
    {
        phases = true;
    }
    else if (args[i] == "--compile")
    {
        compile = true;
    }
    else if (args[i] == "--runs" && i + 1 < args.Length)
    {
        runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else
    {
        documents.Add(args[i]);
    }
}

var repository = FindRepository();
if (documents.Count == 0)
{
    documents.AddRange(new[] { "stripe__spec3.json.gz", "github__ghes-3.6.json.gz", "openai__openapi.yaml.gz", "slack__web_openapi_v2.json.gz" }
        .Select(name => Path.Combine(repository, "tests", "corpus", name)));
}

var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
    .Concat(new[]
    {
        // What a consumer of Sei.Client references: the generated registration and client use them.
        typeof(Sei.Client.SeiClientBase),
        typeof(Microsoft.Extensions.Logging.ILogger),
        typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection),
        typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder),
        typeof(Microsoft.Extensions.Configuration.IConfiguration),
        typeof(Microsoft.Extensions.Options.IOptions<>),
    }.Select(type => type.Assembly.Location).Distinct().Select(location => (MetadataReference)MetadataReference.CreateFromFile(location)))
    .ToImmutableArray();
var parse = new CSharpParseOptions(LanguageVersion.Latest);
if (compile)
{
    Phases.PrintCompile(documents, runs, references);
    return;
}

if (phases)
{
    Phases.Print(documents, runs);
    return;
}

Console.WriteLine("| document | size | first run in process (ms) | warm: spec to source (ms) | edit of one operation (ms) | unrelated C# edit (ms) | C# edit fully cached | generated lines |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var document in documents)
{
    var text = Measure.ReadDocument(document);
    var path = Measure.ProjectPath(document);
    var compilation = CSharpCompilation.Create(
        "Consumer",
        new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Anchor { } }", parse) },
        references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    var original = new InMemoryText(path, text);
    var clock = Stopwatch.StartNew();
    var driver = Driver(original).RunGenerators(compilation);
    var first = clock.Elapsed.TotalMilliseconds;
    var lines = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).Sum(s => s.SourceText.Lines.Count);
    Fail(driver);

    var warm = Measure.Median(Enumerable.Range(1, runs).Select(_ =>
    {
        var started = Stopwatch.GetTimestamp();
        Driver(new InMemoryText(path, text)).RunGenerators(compilation);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }));

    var editedDriver = driver;
    AdditionalText previous = original;
    var edit = Measure.Median(Enumerable.Range(1, runs).Select(run =>
    {
        var changed = new InMemoryText(path, EditOneOperation(text, run));
        editedDriver = editedDriver.ReplaceAdditionalText(previous, changed);
        previous = changed;
        var started = Stopwatch.GetTimestamp();
        editedDriver = editedDriver.RunGenerators(compilation);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }));
    Fail(editedDriver);

    var cached = true;
    var csharpDriver = driver;
    var csharp = Measure.Median(Enumerable.Range(1, runs).Select(run =>
    {
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Edit" + run.ToString(CultureInfo.InvariantCulture) + " { } }", parse));
        var started = Stopwatch.GetTimestamp();
        csharpDriver = csharpDriver.RunGenerators(edited);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        cached &= FullyCached(csharpDriver);
        return elapsed;
    }));

    Console.WriteLine(string.Join(" | ", new[]
    {
        "| " + Path.GetFileName(document),
        (text.Length / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        first.ToString("0", CultureInfo.InvariantCulture),
        warm.ToString("0", CultureInfo.InvariantCulture),
        edit.ToString("0", CultureInfo.InvariantCulture),
        csharp.ToString("0.0", CultureInfo.InvariantCulture),
        cached ? "yes" : "NO",
        lines.ToString("N0", CultureInfo.InvariantCulture) + " |",
    }));
}

static GeneratorDriver Driver(AdditionalText document)
    => CSharpGeneratorDriver.Create(
        new[] { new SeiClientGenerator().AsSourceGenerator() },
        new[] { document },
        new CSharpParseOptions(LanguageVersion.Latest),
        new Options(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

// Every output step of the last run reused what it had: nothing was read, built or emitted again.
static bool FullyCached(GeneratorDriver driver)
    => driver.GetRunResult().Results.All(result => result.TrackedOutputSteps.Values
        .SelectMany(steps => steps)
        .SelectMany(step => step.Outputs)
        .All(output => output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

static void Fail(GeneratorDriver driver)
{
    if (driver.GetRunResult().Results.FirstOrDefault(r => r.Exception is not null) is { Exception: { } exception })
    {
        throw new InvalidOperationException("The generator failed: " + exception.Message, exception);
    }
}

// Changes the text of the first summary or description (JSON or YAML), as a user editing the document would.
static string EditOneOperation(string text, int run)
{
    var markers = new[] { "\"summary\": \"", "\"summary\":\"", "\"description\": \"", "\"description\":\"", "summary: ", "description: " };
    foreach (var marker in markers)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            var insertAt = at + marker.Length;
            return text.Substring(0, insertAt) + "Edited " + run.ToString(CultureInfo.InvariantCulture) + " " + text.Substring(insertAt);
        }
    }

    throw new InvalidOperationException("The document has no summary or description to edit.");
}

static string FindRepository()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Sei.Generators.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run this from inside the repository.");
}

/// <summary>A document the way the compiler hands it to the generator.</summary>
internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>The MSBuild properties a consumer project passes: its root namespace and folder.</summary>
internal sealed class Options : AnalyzerConfigOptionsProvider
{
    private static readonly Values Global = new(new Dictionary<string, string>
    {
        ["build_property.RootNamespace"] = "Consumer",
        ["build_property.ProjectDir"] = "/project/",
    });

    private static readonly Values None = new(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions => Global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            var found = values.TryGetValue(key, out var text);
            value = text ?? string.Empty;
            return found;
        }
    }
}
