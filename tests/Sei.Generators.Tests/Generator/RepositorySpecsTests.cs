using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>
/// Every document in specs/ generates code that compiles with no warning at all, nullable enabled and
/// warnings as errors, with every generated type named fully qualified; two versions of one product
/// compile, and register, side by side.
/// </summary>
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
        var bare = BareTypeReferences.Find(run);
        Assert.True(bare.Count == 0, string.Join(System.Environment.NewLine, bare.Take(30)));
        ClientInterfaces.AssertEveryMethodIsOnTheInterface(run.OutputCompilation);
    }

    /// <summary>A consumer that imports both versions of one product, as a program that migrates from one to the other does, and registers both.</summary>
    private const string BothVersions = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Sei.Client;
        using Consumer.Accounts.V1;
        using Consumer.Accounts.V2;

        public static class Probe
        {
            public static async Task<string> Run(string baseUrls)
            {
                var urls = baseUrls.Split(' ');
                var services = new ServiceCollection();
                services.AddAccountsClientV1(options => options.BaseAddress = new Uri(urls[0]));
                services.AddAccountsClientV2(options => { options.BaseAddress = new Uri(urls[1]); options.Retry.Enabled = false; });
                using var provider = services.BuildServiceProvider();
                var v1 = provider.GetRequiredService<Consumer.Accounts.V1.AccountsClient>();
                var v2 = provider.GetRequiredService<Consumer.Accounts.V2.AccountsClient>();
                var first = await v1.GetAccountAsync("ACC-1");
                var second = await v2.GetAccountAsync("ACC-2");
                return first.Value.Nickname + " " + second.Value.DisplayName;
            }
        }
        """;

    [Fact]
    public void Two_versions_of_one_product_compile_side_by_side()
    {
        var run = GeneratorHarness.Run(new[] { SpecFile.FromRepository("accounts.v1.yaml"), SpecFile.FromRepository("accounts.v2.yaml") }, new[] { BothVersions });

        var diagnostics = run.CompilationDiagnostics().ToList();
        Assert.True(diagnostics.Count == 0, GeneratorHarness.Describe(diagnostics));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Consumer.Accounts.V1.Account"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Consumer.Accounts.V2.Account"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Consumer.Accounts.V1.AccountsClient"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Consumer.Accounts.V2.AccountsClient"));
    }

    [Fact]
    public async Task Both_versions_registered_in_one_file_are_separate_clients_with_their_own_options()
    {
        var assembly = CompiledClient.Compile(GeneratorHarness.Run(new[] { SpecFile.FromRepository("accounts.v1.yaml"), SpecFile.FromRepository("accounts.v2.yaml") }, new[] { BothVersions }));
        const string Account = "\"accountId\":\"ACC-1\",\"type\":\"INDIVIDUAL\",\"status\":\"OPEN\",\"balance\":{\"amount\":1,\"currency\":\"USD\"},\"owner\":{\"name\":\"Ann\"},\"createdAt\":\"2024-01-01T00:00:00Z\",\"href\":\"/a\"";
        using var serverV1 = new LoopbackServer(_ => (200, "{" + Account + ",\"nickname\":\"one\"}", "application/json"));
        using var serverV2 = new LoopbackServer(_ => (200, "{" + Account + ",\"displayName\":\"two\"}", "application/json"));

        var result = await CompiledClient.InvokeAsync(assembly, "Run", serverV1.BaseAddress + " " + serverV2.BaseAddress);

        Assert.Equal("one two", result);
        Assert.Equal("/v1/accounts/ACC-1", Assert.Single(serverV1.Requests).RawUrl);
        Assert.Equal("/v2/accounts/ACC-2", Assert.Single(serverV2.Requests).RawUrl);
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
