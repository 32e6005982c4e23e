using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>The pipeline caches: a second run, an unrelated C# edit, and a moved line do no needless work.</summary>
public sealed class IncrementalTests
{
    private static string[] TrackingNamesOf() => typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void A_second_run_with_the_same_inputs_is_entirely_cached()
    {
        var driver = GeneratorHarness.CreateDriver(new[] { SpecFile.FromRepository("accounts.v1.yaml"), SpecFile.FromRepository("payments.v1.yaml") });
        var compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        driver = driver.RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.Clone());

        var result = driver.GetRunResult().Results.Single();
        var names = TrackingNamesOf();
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), "The step " + name + " was not tracked.");
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name} was {reason} on the second run.");
                }
            }
        }
    }

    [Fact]
    public void An_unrelated_CSharp_edit_neither_reads_nor_builds_again()
    {
        var driver = GeneratorHarness.CreateDriver(new[] { SpecFile.FromRepository("accounts.v1.yaml") });
        var compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        driver = driver.RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Another { int X => 1; }", GeneratorHarness.ParseOptions()));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        foreach (var name in new[] { TrackingNames.SpecInputs, TrackingNames.BuildResults, TrackingNames.Models })
        {
            Assert.All(result.TrackedSteps[name].SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }
    }

    [Fact]
    public void Changing_the_patterns_of_a_document_builds_it_again_and_changes_only_its_output()
    {
        var accounts = SpecFile.FromRepository("accounts.v1.yaml") with { Include = "op:listAccounts" };
        var payments = SpecFile.FromRepository("payments.v1.yaml");
        var driver = GeneratorHarness.CreateDriver(new[] { accounts, payments });
        var compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        driver = driver.RunGenerators(compilation);
        var before = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains("accounts.v1", StringComparison.Ordinal) && t.FilePath.EndsWith(".Client.g.cs", StringComparison.Ordinal)).ToString();

        driver = driver.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.Options(new[] { accounts with { Include = "op:listAccounts; op:getAccount" }, payments }));
        driver = driver.RunGenerators(compilation);

        var result = driver.GetRunResult();
        var reasons = result.Results.Single().TrackedSteps[TrackingNames.BuildResults].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(2, reasons.Count);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons[0]);
        Assert.True(reasons[1] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "The other document was " + reasons[1] + ".");
        var after = result.GeneratedTrees.Single(t => t.FilePath.Contains("accounts.v1", StringComparison.Ordinal) && t.FilePath.EndsWith(".Client.g.cs", StringComparison.Ordinal)).ToString();
        Assert.DoesNotContain("GetAccountAsync(", before, StringComparison.Ordinal);
        Assert.Contains("GetAccountAsync(", after, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unrelated_CSharp_edit_neither_reads_nor_builds_a_partial_document_again()
    {
        var driver = GeneratorHarness.CreateDriver(new[] { SpecFile.FromRepository("accounts.v1.yaml") with { Include = "/v1/accounts/**", Exclude = "DELETE /**" } });
        var compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        driver = driver.RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Another { int X => 1; }", GeneratorHarness.ParseOptions()));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        foreach (var name in new[] { TrackingNames.SpecInputs, TrackingNames.BuildResults, TrackingNames.Models })
        {
            Assert.All(result.TrackedSteps[name].SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }
    }

    [Fact]
    public void Moving_lines_in_the_document_changes_diagnostics_but_not_the_model()
    {
        const string original = "openapi: 3.0.3\ninfo:\n  title: Moves\n  version: 1.0.0\npaths:\n  /v1/t/{id}:\n    get:\n      responses:\n        '204':\n          description: ok\n";
        var driver = GeneratorHarness.CreateDriver(new[] { new SpecFile("/project/moves.yaml", original) }, out var texts);
        var compilation = GeneratorHarness.CreateCompilation(Array.Empty<string>());
        driver = driver.RunGenerators(compilation);
        var firstLine = driver.GetRunResult().Diagnostics.Single(d => d.Id == "SEI2001").Location.GetLineSpan().StartLinePosition.Line;

        var moved = "# a comment that moves every line down\n\n" + original;
        driver = driver.ReplaceAdditionalText(texts.Single(), new TestAdditionalText("/project/moves.yaml", moved));
        driver = driver.RunGenerators(compilation);

        var result = driver.GetRunResult();
        Assert.Equal(firstLine + 2, result.Diagnostics.Single(d => d.Id == "SEI2001").Location.GetLineSpan().StartLinePosition.Line);
        Assert.All(result.Results.Single().TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
    }

    [Fact]
    public void An_edit_of_an_operation_emits_the_client_again_but_not_the_models_or_contracts()
    {
        var original = System.IO.File.ReadAllText(Paths.Spec("accounts.v1.yaml"));
        var driver = GeneratorHarness.CreateDriver(new[] { new SpecFile("/project/accounts.v1.yaml", original) }, out var texts);
        var compilation = GeneratorHarness.CreateCompilation(Array.Empty<string>());
        driver = driver.RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        var at = original.IndexOf("summary: ", StringComparison.Ordinal);
        Assert.True(at > 0, "The document has an operation summary to edit.");
        var edited = original.Insert(at + "summary: ".Length, "Edited ");
        driver = driver.ReplaceAdditionalText(texts.Single(), new TestAdditionalText("/project/accounts.v1.yaml", edited));
        driver = driver.RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        Assert.All(result.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Modified, output.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.TypeModels].SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
        var after = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.Equal(before.Keys.OrderBy(k => k), after.Keys.OrderBy(k => k));
        Assert.Contains("Edited ", after.Single(p => p.Key.EndsWith(".Client.g.cs", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        foreach (var suffix in new[] { ".Models.g.cs", ".Serialization.g.cs" })
        {
            Assert.Equal(before.Single(p => p.Key.EndsWith(suffix, StringComparison.Ordinal)).Value, after.Single(p => p.Key.EndsWith(suffix, StringComparison.Ordinal)).Value);
        }
    }

    [Fact]
    public void Generated_text_is_identical_from_run_to_run()
    {
        var first = GeneratorHarness.Run(SpecFile.FromRepository("accounts.v2.yaml")).Result.Results.Single().GeneratedSources;
        var second = GeneratorHarness.Run(SpecFile.FromRepository("accounts.v2.yaml")).Result.Results.Single().GeneratedSources;

        Assert.Equal(first.Select(s => s.HintName), second.Select(s => s.HintName));
        Assert.Equal(first.Select(s => s.SourceText.ToString()), second.Select(s => s.SourceText.ToString()));
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Generated_text_does_not_depend_on_the_current_culture(string culture)
    {
        var specs = new[] { SpecFile.FromRepository("payments.v1.yaml"), SpecFile.FromRepository("accounts.v2.yaml") };
        var invariant = GeneratorHarness.Run(specs).Result.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()).ToList();
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
            var localized = GeneratorHarness.Run(specs).Result.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()).ToList();
            Assert.Equal(invariant, localized);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Problems_in_a_JSON_document_are_located_by_pointer()
    {
        const string json = "{\n  \"swagger\": \"2.0\",\n  \"info\": {\"title\": \"J\", \"version\": \"1\"},\n  \"paths\": {\n    \"/v1/a/{id}\": {\n      \"get\": {\"responses\": {\"204\": {\"description\": \"ok\"}}}\n    }\n  }\n}\n";
        var run = GeneratorHarness.Run(new SpecFile("/project/j.json", json));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SEI2001");
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((5, 12), (position.Line + 1, position.Character + 1));
    }
}
