using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Sei.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sei.Generators.Tests.Hostile;

/// <summary>
/// Documents built to exhaust the generator: each must finish, in memory proportionate to the
/// input, with a located diagnostic where one is due, never a stack overflow (which would kill the
/// compiler process) or an endless loop. Times and allocations are printed, not asserted on time.
/// </summary>
public sealed class ResourceBoundsTests(ITestOutputHelper output)
{
    private const string Header = "openapi: 3.0.3\ninfo: {title: SEI Hostile API, version: '1'}\n";

    /// <summary>The paths of a document with one GET that answers with the named component schema.</summary>
    private static string OneOperationReturning(string schema)
        => "paths:\n  /v1/things:\n    get:\n      operationId: getThing\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/" + schema + "'}\n";

    private GeneratorRun Generate(string path, string text)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var run = GeneratorHarness.Run(new SpecFile(path, text));
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        output.WriteLine($"{path}: {text.Length / 1024.0 / 1024.0:0.0} MB of text, generated in {watch.Elapsed.TotalSeconds:0.00} s, {allocated / 1024.0 / 1024.0:0} MB allocated");
        output.WriteLine(GeneratorHarness.Describe(run.GeneratorDiagnostics));

        // Nothing escaped the generator: no CS8784/CS8785 from the driver, and no SEI9001 from our own last-resort catch.
        Assert.Null(run.Fault());
        return run;
    }

    [Fact]
    public void A_YAML_alias_bomb_is_refused_with_a_located_diagnostic_without_expanding_it()
    {
        var text = new StringBuilder(Header);
        text.Append("x-l0: &l0 [").Append(string.Join(", ", Enumerable.Repeat("lol", 10))).Append("]\n");
        for (var level = 1; level <= 9; level++)
        {
            text.Append("x-l").Append(level).Append(": &l").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*l" + (level - 1), 10))).Append("]\n");
        }

        text.Append("paths: {}\n");
        var run = Generate("/project/bomb.yaml", text.ToString());

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SEI1001");
        Assert.Contains("aliases", diagnostic.GetMessage(), StringComparison.Ordinal);

        // At the first alias: line 4 ("x-l1: &l1 [*l0, ..."), column 12.
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/bomb.yaml", position.Path);
        Assert.Equal((3, 11), (position.StartLinePosition.Line, position.StartLinePosition.Character));
        Assert.Empty(run.Result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void A_chain_of_ten_thousand_references_is_followed_or_cut_without_overflowing_the_stack()
    {
        var text = new StringBuilder(Header);
        text.Append(OneOperationReturning("S0"));
        text.Append("components:\n  schemas:\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("    S").Append(i).Append(": {$ref: '#/components/schemas/S").Append(i + 1).Append("'}\n");
        }

        text.Append("    S10000: {type: object, properties: {name: {type: string}}}\n");
        var run = Generate("/project/chain.yaml", text.ToString());

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SEI2017");
        Assert.Contains("The schema 'S0' cannot be mapped faithfully (it starts a chain of 10,000 references, longer than the 64 the generator follows)", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(14, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.CompilationDiagnostics());

        // The last 64 links are still followed: the schema at the end of the chain is generated.
        Assert.Contains("class S10000", run.Source(".Models.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_cycle_of_references_is_cut_and_reported_once()
    {
        var text = new StringBuilder(Header).Append("paths: {}\ncomponents:\n  schemas:\n");
        for (var i = 0; i < 500; i++)
        {
            text.Append("    C").Append(i).Append(": {$ref: '#/components/schemas/C").Append((i + 1) % 500).Append("'}\n");
        }

        var run = Generate("/project/ring.yaml", text.ToString());

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SEI2016");
        Assert.Contains("The schema 'C0' cannot be mapped faithfully (it is one of a cycle of 500 references that never reaches a schema)", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics());
    }

    /// <summary>
    /// Short cycles of pure references, of every length up to the limit, and an alias that leads into
    /// one: each cycle is reported once, at its first member, and everything that uses it compiles as
    /// JsonElement. Microsoft.OpenApi refuses to resolve such a cycle, so none may reach it.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(64)]
    public void A_short_cycle_of_references_is_cut_and_reported_once_at_its_first_member(int length)
    {
        var text = new StringBuilder(Header).Append(OneOperationReturning("Lead")).Append("components:\n  schemas:\n");
        text.Append("    Lead: {$ref: '#/components/schemas/C0'}\n");
        for (var i = 0; i < length; i++)
        {
            text.Append("    C").Append(i).Append(": {$ref: '#/components/schemas/C").Append((i + 1) % length).Append("'}\n");
        }

        text.Append("    User: {type: object, properties: {ring: {$ref: '#/components/schemas/C0'}, lead: {$ref: '#/components/schemas/Lead'}}}\n");
        var run = Generate("/project/ring" + length + ".yaml", text.ToString());

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == (length == 1 ? "SEI2004" : "SEI2016"));
        var reason = length == 1 ? "it refers to itself without an object in between" : "it is one of a cycle of " + length + " references that never reaches a schema";
        Assert.Contains("The schema 'C0' cannot be mapped faithfully (" + reason + ")", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(Array.FindIndex(text.ToString().Split('\n'), line => line.StartsWith("    C0:", StringComparison.Ordinal)), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void A_chain_of_ten_thousand_nested_objects_is_generated_or_cut_without_overflowing_the_stack()
    {
        var text = new StringBuilder(Header);
        text.Append(OneOperationReturning("N0"));
        text.Append("components:\n  schemas:\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("    N").Append(i).Append(": {type: object, properties: {next: {$ref: '#/components/schemas/N").Append(i + 1).Append("'}}}\n");
        }

        text.Append("    N10000: {type: object, properties: {name: {type: string}}}\n");
        var run = Generate("/project/nested.yaml", text.ToString());

        Assert.Contains(run.Result.Results.Single().GeneratedSources, s => s.HintName.EndsWith(".Models.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reference_cycle_through_allOf_is_reported_and_what_is_generated_compiles()
    {
        var text = Header + """
            paths:
              /v1/things:
                get:
                  operationId: getThing
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/A'}
            components:
              schemas:
                A:
                  allOf:
                    - $ref: '#/components/schemas/B'
                    - {type: object, properties: {a: {type: string}}}
                B:
                  allOf:
                    - $ref: '#/components/schemas/C'
                    - {type: object, properties: {b: {type: string}}}
                C:
                  allOf:
                    - $ref: '#/components/schemas/A'
                    - {type: object, properties: {c: {type: string}}}
            """;
        var run = Generate("/project/cycle.yaml", text);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id.StartsWith("SEI2", StringComparison.Ordinal) && d.Location.GetLineSpan().Path == "/project/cycle.yaml" && d.Location.GetLineSpan().StartLinePosition.Line > 0);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void A_schema_with_ten_thousand_properties_is_generated_and_its_declarations_compile()
    {
        var text = new StringBuilder(Header);
        text.Append("paths:\n  /v1/things:\n    post:\n      operationId: postThing\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/Wide'}\n      responses:\n        '204': {description: ok}\n");
        text.Append("components:\n  schemas:\n    Wide:\n      type: object\n      properties:\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("        p").Append(i).Append(": {type: ").Append((i % 3) switch { 0 => "string", 1 => "integer", _ => "boolean" }).Append("}\n");
        }

        var run = Generate("/project/wide.yaml", text.ToString());

        // The declarations are checked, not the method bodies: flow analysis of a reader method with
        // ten thousand branches takes the compiler minutes, which is the compiler's cost, not ours.
        Assert.Empty(run.OutputCompilation.SyntaxTrees.SelectMany(tree => tree.GetDiagnostics()));
        Assert.Empty(run.OutputCompilation.GetDeclarationDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains("P9999", run.Source(".Models.g.cs"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Fifty megabytes of document, most of it examples and descriptions as in real documents, with a
    /// hundred operations: the work follows what is generated, not the size of the text.
    /// </summary>
    [Fact]
    public void A_fifty_megabyte_document_is_read_and_generated()
    {
        var text = new StringBuilder(52 * 1024 * 1024);
        text.Append(Header).Append("paths:\n");
        var description = new string('d', 4000);
        var operation = 0;
        while (text.Length < 50 * 1024 * 1024)
        {
            text.Append("  /v1/things").Append(operation).Append(":\n    get:\n      operationId: getThing").Append(operation)
                .Append("\n      description: ").Append(description).Append('\n')
                .Append("      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Thing'}\n")
                .Append("              example:\n                items: [")
                .Append(string.Join(", ", Enumerable.Repeat("{name: '" + new string('x', 200) + "', size: 12345}", 40)))
                .Append("]\n");
            operation++;
        }

        text.Append("components:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        name: {type: string}\n        size: {type: integer}\n");
        output.WriteLine(operation + " operations");
        var run = Generate("/project/big.yaml", text.ToString());

        Assert.Contains(run.Result.Results.Single().GeneratedSources, s => s.HintName.EndsWith(".Client.g.cs", StringComparison.Ordinal));
    }
}
