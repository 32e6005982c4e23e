using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sei.Generators.Building;
using Sei.Generators.Emitting;
using Sei.Generators.Reading;

namespace Sei.Generators;

/// <summary>
/// Generates typed, versioned SEI clients from the OpenAPI documents a project lists as
/// <c>AdditionalFiles</c>. <see cref="Initialize"/> only wires the pipeline; reading, building
/// and emitting live in their own classes and never see each other's internals.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SeiClientGenerator : IIncrementalGenerator
{
    /// <summary>The lowest C# version generated code compiles with (it uses <c>required</c> members).</summary>
    private const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp11;

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ProjectSettings.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Settings);

        var inputs = context.AdditionalTextsProvider
            .Where(static file => IsCandidate(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Combine(settings)
            .Select(static (pair, cancellationToken) => CreateInput(pair.Left.Left, pair.Left.Right, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(TrackingNames.SpecInputs);

        var results = inputs
            .Select(static (input, cancellationToken) => ReadAndBuild(input, cancellationToken))
            .WithTrackingName(TrackingNames.BuildResults);

        var models = results
            .Select(static (result, _) => result.Model)
            .WithTrackingName(TrackingNames.Models);

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        // Repeated findings of one kind are summarised per document; changing the limit re-runs only this step.
        var summarized = diagnostics
            .Combine(settings.Select(static (s, _) => s.DiagnosticsPerKind))
            .Select(static (pair, _) => DiagnosticSummary.Limit(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.SummarizedDiagnostics);

        var target = context.CompilationProvider
            .Select(static (compilation, _) => ReadTarget(compilation))
            .Combine(context.ParseOptionsProvider.Select(static (options, _) => options is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.Latest))
            .Select(static (pair, _) => new TargetAndLanguage(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Target);

        context.RegisterSourceOutput(summarized, static (production, items) =>
        {
            foreach (var item in items)
            {
                production.ReportDiagnostic(ToDiagnostic(item));
            }
        });

        // Documents whose namespace another document already takes; a small equatable list, so
        // emission re-runs only when the set of conflicts itself changes.
        var conflicts = models.Collect()
            .Select(static (all, _) => NamespaceConflicts.Find(all))
            .WithTrackingName(TrackingNames.Conflicts);

        // Where each document names itself (info.title, whence its namespace), to point a conflict at.
        var titles = results
            .Select(static (result, _) => result.Title)
            .WithTrackingName(TrackingNames.Titles)
            .Collect();

        context.RegisterSourceOutput(conflicts.Combine(titles), static (production, pair) =>
        {
            foreach (var conflict in pair.Left)
            {
                var title = System.Linq.Enumerable.FirstOrDefault(pair.Right, t => t is not null && t.Path == conflict.Path);
                var span = title?.Span ?? SourceSpan.Origin;
                production.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateNamespace,
                    ToLocation(conflict.Path, span),
                    Path.GetFileName(conflict.Path),
                    conflict.Namespace,
                    Path.GetFileName(conflict.TakenBy)));
            }
        });

        // Versions of one product side by side (v1 beside v2): what the newer one removed or changed.
        // The surfaces carry pointers, not positions, and the comparison locates only what it reports.
        var versionChanges = results
            .Select(static (result, _) => result.Surface)
            .WithTrackingName(TrackingNames.Surfaces)
            .Collect()
            .Combine(inputs.Collect())
            .Select(static (pair, cancellationToken) => VersionComparison.Compare(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.VersionChanges);

        context.RegisterSourceOutput(versionChanges, static (production, items) =>
        {
            foreach (var item in items)
            {
                production.ReportDiagnostic(ToDiagnostic(item));
            }
        });

        // A document's types change far less often than its operations. Models and contracts are
        // emitted from the types alone, so an edit of an operation re-emits only the client file and
        // the compiler keeps the syntax trees of the other two (in Stripe, nine lines in ten).
        var typeModels = models
            .Select(static (model, _) => model is null ? null : TypesOnly(model))
            .WithTrackingName(TrackingNames.TypeModels);

        context.RegisterSourceOutput(typeModels.Combine(target).Combine(conflicts), static (production, pair) =>
        {
            var model = pair.Left.Left;
            if (model is not null && !NamespaceConflicts.IsSkipped(pair.Right, model))
            {
                EmitTypes(production, model, pair.Left.Right);
            }
        });

        context.RegisterSourceOutput(models.Combine(target).Combine(conflicts), static (production, pair) =>
        {
            var model = pair.Left.Left;
            if (model is not null && !NamespaceConflicts.IsSkipped(pair.Right, model))
            {
                EmitClient(production, model, pair.Left.Right);
            }
        });

        context.RegisterSourceOutput(target.Combine(models.Collect()), static (production, pair) =>
        {
            var (info, all) = pair;
            var anyModel = System.Linq.Enumerable.Any(all, model => model is not null);
            if (info.LanguageVersion < MinimumLanguageVersion)
            {
                if (anyModel)
                {
                    production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooLow, Location.None, info.LanguageVersion.ToDisplayString()));
                }

                return;
            }

            if (anyModel && (info.Target.NeedsRequiredMemberPolyfill || info.Target.NeedsCompilerFeaturePolyfill))
            {
                production.AddSource(PolyfillEmitter.HintName, SourceText.From(PolyfillEmitter.Emit(info.Target), System.Text.Encoding.UTF8));
            }
        });
    }

    private static bool IsCandidate(string path)
        => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static SpecInput? CreateInput(AdditionalText file, AnalyzerConfigOptionsProvider options, ProjectSettings settings, CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return null;
        }

        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return null;
        }

        var fileOptions = options.GetOptions(file);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.SeiNamespace", out var ns);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.SeiClientName", out var clientName);
        return new SpecInput(
            file.Path,
            text.ToString(),
            Blank(ns),
            Blank(clientName),
            settings.RootNamespace,
            settings.ProjectDirectory,
            Escaped(fileOptions, OperationSelection.IncludeMetadata),
            Escaped(fileOptions, OperationSelection.ExcludeMetadata));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>
    /// Metadata that may hold ';', '#' and line breaks, which the compiler's options file cannot carry
    /// as written (it ends a value at ';' or '#'): build/Sei.Generators.props hands it over URI-escaped,
    /// as <c>&lt;name&gt;Escaped</c>, and it is unescaped here.
    /// </summary>
    private static string? Escaped(AnalyzerConfigOptions options, string metadata)
        => options.TryGetValue("build_metadata.AdditionalFiles." + metadata + "Escaped", out var value) && Blank(value) is { } escaped
            ? Blank(Uri.UnescapeDataString(escaped))
            : null;

    /// <summary>Reading then building, inside one step so the large OpenAPI object model never sits in the pipeline's cache.</summary>
    internal static BuildResult ReadAndBuild(SpecInput input, CancellationToken cancellationToken)
    {
        var problems = new ProblemCollector(input.Path);
        SpecDocument? spec = null;
        try
        {
            spec = SpecReader.Read(input.Path, input.Text, problems, cancellationToken);
            if (spec is null || problems.HasErrors)
            {
                return new BuildResult(null, problems.Resolve());
            }

            // Operations are chosen before anything is mapped, so what a project leaves out costs nothing and is reported on by nothing.
            var selection = OperationSelection.Select(spec.Document, input.Include, input.Exclude, Path.GetFileName(input.Path), problems);
            var model = ClientModelBuilder.Build(input, spec, selection, problems, cancellationToken, out var generatedSchemas);
            var surface = ApiSurfaceBuilder.Build(input.Path, spec, model, selection, generatedSchemas, cancellationToken);
            if (problems.Translator is { } translator)
            {
                // The surface speaks of the object model; versions are compared in the text, so its pointers are the text's.
                surface = surface with { Items = System.Linq.Enumerable.ToList(surface.Items).ConvertAll(item => item with { Pointer = translator.ToSource(item.Pointer) }).ToEquatableArray() };
            }

            var title = new DocumentTitle(input.Path, spec.Map.Locate(new[] { "/info/title" })["/info/title"]);
            return new BuildResult(model, problems.Resolve(), surface, title);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // Never let an exception escape into the compiler (CS8785): report it, located at the document.
            problems.Add(DiagnosticIds.InternalError, null, Path.GetFileName(input.Path), exception.GetType().Name, exception.Message);
            return new BuildResult(null, problems.Resolve());
        }
    }

    private static void EmitTypes(SourceProductionContext production, ClientModel model, TargetAndLanguage target)
    {
        if (target.LanguageVersion < MinimumLanguageVersion)
        {
            return;
        }

        var context = new EmitContext(model, target.Target);
        production.AddSource(model.HintName + ".Models.g.cs", SourceText.From(ModelEmitter.Emit(context), System.Text.Encoding.UTF8));
        production.AddSource(model.HintName + ".Serialization.g.cs", SourceText.From(ConverterEmitter.Emit(context), System.Text.Encoding.UTF8));
    }

    private static void EmitClient(SourceProductionContext production, ClientModel model, TargetAndLanguage target)
    {
        if (target.LanguageVersion < MinimumLanguageVersion)
        {
            return;
        }

        production.AddSource(model.HintName + ".Client.g.cs", SourceText.From(ClientEmitter.Emit(new EmitContext(model, target.Target)), System.Text.Encoding.UTF8));
    }

    /// <summary>
    /// The part of a model the types are emitted from: where they go, and the declarations. What the
    /// client alone says (operations, servers, security, the document's title) is left out, so that a
    /// change there compares equal here and the models and contracts are not emitted again.
    /// </summary>
    private static ClientModel TypesOnly(ClientModel model) => model with
    {
        Title = string.Empty,
        DocumentVersion = string.Empty,
        Description = null,
        DefaultServerUrl = string.Empty,
        LongestServerUrl = string.Empty,
        Servers = EquatableArray<ServerModel>.Empty,
        ServerVariableOptions = EquatableArray<ServerVariableOptionModel>.Empty,
        Operations = EquatableArray<OperationModel>.Empty,
        Security = new ApiSecurityModel(EquatableArray<SecuritySchemeModel>.Empty, null, EquatableArray<OperationSecurityModel>.Empty),
    };

    private static TargetInfo ReadTarget(Compilation compilation)
        => new(
            HasDateOnly: compilation.GetTypeByMetadataName("System.DateOnly") is not null,
            NeedsRequiredMemberPolyfill: compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RequiredMemberAttribute") is null,
            NeedsCompilerFeaturePolyfill: compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute") is null);

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = DiagnosticDescriptors.Get(info.Id);
        return Diagnostic.Create(descriptor, ToLocation(info.FilePath, info.Span), System.Linq.Enumerable.ToArray<object>(info.MessageArguments));
    }

    private static Location ToLocation(string path, SourceSpan span)
        => Location.Create(
            path,
            new TextSpan(span.Start, span.Length),
            new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)));

    /// <summary>The project-wide settings, read from MSBuild properties made visible to the compiler.</summary>
    private sealed record ProjectSettings(bool Enabled, string RootNamespace, string? ProjectDirectory, int DiagnosticsPerKind)
    {
        public static ProjectSettings From(AnalyzerConfigOptions options)
        {
            options.TryGetValue("build_property.SeiGeneratorEnabled", out var enabled);
            options.TryGetValue("build_property.RootNamespace", out var rootNamespace);
            options.TryGetValue("build_property.ProjectDir", out var projectDirectory);
            options.TryGetValue("build_property.SeiDiagnosticsPerKind", out var perKind);
            return new ProjectSettings(
                !string.Equals(enabled?.Trim(), "false", StringComparison.OrdinalIgnoreCase),
                rootNamespace ?? string.Empty,
                string.IsNullOrWhiteSpace(projectDirectory) ? null : projectDirectory,
                DiagnosticSummary.ParsePerKind(perKind));
        }
    }

    private sealed record TargetAndLanguage(TargetInfo Target, LanguageVersion LanguageVersion);
}
