using System.Linq;
using Microsoft.CodeAnalysis;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>Every document in specs/ generates code that compiles with no warning at all, nullable enabled and warnings as errors.</summary>
public sealed class RepositorySpecsTests
{
    public static TheoryData<string> Specs => new(System.IO.Directory.GetFiles(Paths.Specs).Select(System.IO.Path.GetFileName).Where(n => n!.EndsWith(".yaml") || n.EndsWith(".json"))!);

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_code_compiles_without_diagnostics(string fileName)
    {
        var run = GeneratorHarness.Run(SpecFile.FromRepository(fileName));

        var problems = run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).ToList();
        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
        Assert.Empty(run.Result.Results.Single().Exception is null ? Enumerable.Empty<object>() : new[] { run.Result.Results.Single().Exception! });
        var diagnostics = run.CompilationDiagnostics().ToList();
        Assert.True(diagnostics.Count == 0, GeneratorHarness.Describe(diagnostics));
        Assert.Equal(3, run.Result.Results.Single().GeneratedSources.Count(s => s.HintName.Contains(fileName)));
    }

    [Fact]
    public void Two_versions_of_one_product_compile_side_by_side()
    {
        var run = GeneratorHarness.Run(SpecFile.FromRepository("accounts.v1.yaml"), SpecFile.FromRepository("accounts.v2.yaml"));

        var diagnostics = run.CompilationDiagnostics().ToList();
        Assert.True(diagnostics.Count == 0, GeneratorHarness.Describe(diagnostics));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Consumer.Accounts.V1.Account"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Consumer.Accounts.V2.Account"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Consumer.Accounts.V1.AccountsClient"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Consumer.Accounts.V2.AccountsClient"));
    }

    [Fact]
    public void Awkward_names_compile_without_diagnostics()
    {
        const string text = """
            openapi: 3.0.3
            info: {title: SEI Awkward API, version: '1'}
            paths:
              /v1/things/{class}:
                get:
                  operationId: send
                  parameters:
                    - {name: class, in: path, required: true, schema: {type: string}}
                    - {name: cancellationToken, in: query, schema: {type: string}}
                    - {name: body, in: query, schema: {type: string}}
                    - {name: __request, in: header, schema: {type: string}}
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Thing'}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Choice'}
              /v1/other:
                get:
                  responses:
                    '204': {description: ok}
                post:
                  operationId: ToString
                  responses:
                    '204': {description: ok}
            components:
              schemas:
                AwkwardClient: {type: object, properties: {a: {type: string}}}
                Thing:
                  type: object
                  properties:
                    toString: {type: string}
                    equals: {type: integer}
                    Thing: {type: string}
                    additionalProperties: {type: string}
                    kind: {type: string, enum: [Equals, GetHashCode, value, WireValue, '', '1st']}
                    level: {type: integer, enum: [-1, 0, 1]}
                    'x<y&z': {type: string}
                    described: {type: string, description: 'Uses <b>markup</b> & "quotes" -- and </summary> too'}
                Choice:
                  oneOf:
                    - {type: string}
                    - {type: integer}
                    - {$ref: '#/components/schemas/Thing'}
                    - {type: array, items: {type: string}}
            """;
        var run = GeneratorHarness.Run(new SpecFile("/project/awkward.yaml", text));

        Assert.Empty(run.GeneratorDiagnostics);
        var diagnostics = run.CompilationDiagnostics().ToList();
        Assert.True(diagnostics.Count == 0, GeneratorHarness.Describe(diagnostics));
    }
}
