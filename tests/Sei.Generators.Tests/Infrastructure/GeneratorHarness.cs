using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sei.Generators.Tests.Infrastructure;

/// <summary>A document to feed the generator, with its per-file metadata (<c>SeiInclude</c> and <c>SeiExclude</c> as written in the project file).</summary>
internal sealed record SpecFile(string Path, string Text, string? Namespace = null, string? ClientName = null, string? Include = null, string? Exclude = null)
{
    public static SpecFile FromRepository(string fileName) => new(GeneratorHarness.ProjectDirectory + "specs/" + fileName, File.ReadAllText(Paths.Spec(fileName)));
}

/// <summary>What one generator run produced, and the compilation with the generated code in it.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IEnumerable<Diagnostic> CompilationDiagnostics(bool includeWarnings = true)
        => OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error || (includeWarnings && d.Severity == DiagnosticSeverity.Warning));

    /// <summary>
    /// What escaped the generator, if anything: an exception the driver caught (CS8784/CS8785), or
    /// the generator's own last-resort SEI9001. Null when it handled the input as it should.
    /// </summary>
    public string? Fault()
        => Result.Results.FirstOrDefault(r => r.Exception is not null).Exception is { } escaped
            ? "an exception escaped the generator: " + escaped
            : GeneratorDiagnostics.FirstOrDefault(d => d.Id is "CS8784" or "CS8785" or "SEI9001")?.ToString();

    public string Source(string hintSuffix)
        => Result.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName.EndsWith(hintSuffix, StringComparison.Ordinal)).SourceText.ToString();
}

/// <summary>Runs the generator the way the compiler does, offline, against the .NET 10 reference assemblies and Sei.Client.</summary>
internal static class GeneratorHarness
{
    public const string ProjectDirectory = "/project/";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Sei.Client.SeiClientBase).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Options.IOptions<>).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ServiceProvider).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.LoggerFactory).Assembly.Location))
            .ToImmutableArray());

    public static ImmutableArray<MetadataReference> DefaultReferences => References.Value;

    /// <summary>Documentation comments are parsed and checked, so malformed XML in generated docs fails the tests.</summary>
    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) => new(version, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, LanguageVersion version = LanguageVersion.Latest, IEnumerable<MetadataReference>? references = null)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions(version))),
            references ?? DefaultReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    // Test probes are public but undocumented; generated code is held to CS1591 where no probe is added.
                    ["CS1591"] = sources.Any() ? ReportDiagnostic.Suppress : ReportDiagnostic.Error,
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, Dictionary<string, string>? globalOptions = null, LanguageVersion version = LanguageVersion.Latest)
        => CreateDriver(specs, out _, globalOptions, version);

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, out ImmutableArray<AdditionalText> texts, Dictionary<string, string>? globalOptions = null, LanguageVersion version = LanguageVersion.Latest)
    {
        var files = specs.ToList();
        texts = files.Select(f => (AdditionalText)new TestAdditionalText(f.Path, f.Text)).ToImmutableArray();
        return CSharpGeneratorDriver.Create(
            new[] { new SeiClientGenerator().AsSourceGenerator() },
            texts,
            ParseOptions(version),
            Options(files, globalOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>The options MSBuild would hand the compiler for these documents: the project's properties and each item's metadata.</summary>
    public static TestOptionsProvider Options(IEnumerable<SpecFile> specs, Dictionary<string, string>? globalOptions = null)
    {
        var global = new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = "Consumer",
            ["build_property.ProjectDir"] = ProjectDirectory,
        };
        foreach (var pair in globalOptions ?? new Dictionary<string, string>())
        {
            global[pair.Key] = pair.Value;
        }

        var perFile = new Dictionary<string, Dictionary<string, string>>();
        foreach (var file in specs)
        {
            var metadata = new Dictionary<string, string>();
            if (file.Namespace is not null)
            {
                metadata["build_metadata.AdditionalFiles.SeiNamespace"] = file.Namespace;
            }

            if (file.ClientName is not null)
            {
                metadata["build_metadata.AdditionalFiles.SeiClientName"] = file.ClientName;
            }

            // As build/Sei.Generators.props hands them over: URI-escaped (MSBuild writes an empty value for an item without them).
            if (file.Include is not null)
            {
                metadata["build_metadata.AdditionalFiles.SeiIncludeEscaped"] = Uri.EscapeDataString(file.Include);
            }

            if (file.Exclude is not null)
            {
                metadata["build_metadata.AdditionalFiles.SeiExcludeEscaped"] = Uri.EscapeDataString(file.Exclude);
            }

            perFile[file.Path] = metadata;
        }

        return new TestOptionsProvider(global, perFile);
    }

    public static GeneratorRun Run(IEnumerable<SpecFile> specs, IEnumerable<string>? sources = null, LanguageVersion version = LanguageVersion.Latest, Dictionary<string, string>? globalOptions = null, IEnumerable<MetadataReference>? references = null)
    {
        var driver = CreateDriver(specs, globalOptions, version);
        var compilation = CreateCompilation(sources ?? Array.Empty<string>(), version, references);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        CheckMessagesAreWhole(diagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>
    /// Every message the generator reports must format with the arguments it was given: a call site
    /// that passes fewer arguments than its descriptor's sentence names would show the user a raw
    /// "{3}", or fail to format at all. Checked on every run of every test, so a rule that is split
    /// or reworded cannot leave a call site behind.
    /// </summary>
    private static void CheckMessagesAreWhole(ImmutableArray<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("SEI", StringComparison.Ordinal)))
        {
            var format = diagnostic.Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            if (message == format && PlaceholderCount(diagnostic.Descriptor) > 0)
            {
                throw new InvalidOperationException(diagnostic.Id + " was reported without its arguments: " + message);
            }
        }
    }

    /// <summary>How many arguments a descriptor's sentence takes: one more than its highest placeholder ("{{" is a brace, not one).</summary>
    public static int PlaceholderCount(DiagnosticDescriptor descriptor)
    {
        var format = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var indexes = System.Text.RegularExpressions.Regex.Matches(format.Replace("{{", string.Empty, StringComparison.Ordinal), @"\{(\d+)\}")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        return indexes.DefaultIfEmpty(-1).Max() + 1;
    }

    public static GeneratorRun Run(params SpecFile[] specs) => Run((IEnumerable<SpecFile>)specs);

    /// <summary>Formats diagnostics for assertion messages.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics)
        => string.Join(Environment.NewLine, diagnostics.Take(30).Select(d => d.ToString()));
}
