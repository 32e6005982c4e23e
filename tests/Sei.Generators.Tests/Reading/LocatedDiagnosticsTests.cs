using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Reading;

/// <summary>Every problem in a document becomes a diagnostic at the 1-based line and column of the offending node.</summary>
public sealed partial class LocatedDiagnosticsTests
{
    private static (int Line, int Column) Position(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    private static Diagnostic Single(GeneratorRun run, string id)
    {
        var matches = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count == 1, $"Expected one {id}, got: " + GeneratorHarness.Describe(run.GeneratorDiagnostics));
        return matches[0];
    }

    private static GeneratorRun Run(string path, string text) => GeneratorHarness.Run(new SpecFile(path, text));

    [Fact]
    public void Yaml_syntax_error_is_located()
    {
        const string text = "openapi: 3.0.3\ninfo:\n  title: Broken\n  version: 1.0.0\npaths:\n  /v1/things:\n    get: [unclosed\n";
        var run = Run("/project/broken.yaml", text);

        var diagnostic = Single(run, "SEI1001");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/project/broken.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(8, Position(diagnostic).Line);
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void Json_syntax_error_is_located()
    {
        const string text = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"T\", \"version\": \"1\" },\n  \"paths\": { \"/a\": { \"get\": } }\n}\n";
        var run = Run("/project/broken.json", text);

        var diagnostic = Single(run, "SEI1001");
        Assert.Equal((4, 29), Position(diagnostic));
    }

    [Fact]
    public void Unsupported_version_points_at_the_version()
    {
        const string text = "info:\n  title: Future\n  version: 1.0.0\nopenapi: 4.0.0\npaths: {}\n";
        var run = Run("/project/future.yaml", text);

        var diagnostic = Single(run, "SEI1003");
        Assert.Equal((4, 1), Position(diagnostic));
        Assert.Contains("4.0.0", diagnostic.GetMessage());
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void Unresolved_reference_points_at_the_ref_and_falls_back_to_JsonElement()
    {
        const string text = """
            openapi: 3.0.3
            info:
              title: Refs
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    other:
                      $ref: '#/components/schemas/Missing'
            """;
        var run = Run("/project/refs.yaml", text);

        var diagnostic = Single(run, "SEI1002");
        Assert.Equal((12, 11), Position(diagnostic));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "SEI1004");
        Assert.Contains("#/components/schemas/Missing", diagnostic.GetMessage());
        Assert.Empty(run.CompilationDiagnostics());
        Assert.Contains("global::System.Text.Json.JsonElement? Other", run.Source(".Models.g.cs"));
    }

    [Fact]
    public void Undeclared_path_parameter_is_reported_and_generated_as_a_string()
    {
        const string text = """
            openapi: 3.0.3
            info:
              title: Paths
              version: 1.0.0
            paths:
              /v1/things/{thingId}:
                get:
                  operationId: getThing
                  responses:
                    '204':
                      description: ok
            """;
        var run = Run("/project/paths.yaml", text);

        var diagnostic = Single(run, "SEI2001");
        Assert.Equal((6, 14), Position(diagnostic));
        Assert.Equal("{thingId}".Length, diagnostic.Location.SourceSpan.Length);
        Assert.Empty(run.CompilationDiagnostics());
        Assert.Contains("string thingId", run.Source(".Client.g.cs"));
    }

    [Fact]
    public void Duplicate_operation_ids_are_reported_and_both_operations_generated()
    {
        const string text = """
            openapi: 3.0.3
            info:
              title: Dupes
              version: 1.0.0
            paths:
              /v1/a:
                get:
                  operationId: fetch
                  responses:
                    '204':
                      description: ok
              /v1/b:
                get:
                  operationId: fetch
                  responses:
                    '204':
                      description: ok
            """;
        var run = Run("/project/dupes.yaml", text);

        var diagnostic = Single(run, "SEI2003");
        Assert.Equal((14, 7), Position(diagnostic));
        var client = run.Source(".Client.g.cs");
        Assert.Contains("FetchAsync(", client);
        Assert.Contains("GetV1BAsync(", client);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void External_reference_is_reported_and_never_fetched()
    {
        const string text = """
            openapi: 3.0.3
            info:
              title: External
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    other:
                      $ref: 'https://example.com/schemas.yaml#/Other'
            """;
        var run = Run("/project/external.yaml", text);

        var diagnostic = Single(run, "SEI1005");
        Assert.Equal(12, Position(diagnostic).Line);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void Files_that_are_not_OpenAPI_documents_are_ignored_silently()
    {
        var run = GeneratorHarness.Run(
            new SpecFile("/project/appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }"),
            new SpecFile("/project/config.yaml", "name: not an api\nitems: [1, 2]\n"),
            new SpecFile("/project/notes.yaml", "swagger-ui: enabled\n"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void A_document_starting_with_a_byte_order_mark_is_read()
    {
        var text = "\uFEFF" + System.IO.File.ReadAllText(Paths.Spec("catalog.v1.yaml"));
        var run = Run("/project/specs/catalog.v1.yaml", text);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void A_language_version_below_11_is_reported_once_and_nothing_is_generated()
    {
        var run = GeneratorHarness.Run(new[] { SpecFile.FromRepository("accounts.v1.yaml") }, version: LanguageVersion.CSharp10);

        var diagnostic = Single(run, "SEI1006");
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void The_project_switch_turns_generation_off()
    {
        var run = GeneratorHarness.Run(new[] { SpecFile.FromRepository("accounts.v1.yaml") }, globalOptions: new Dictionary<string, string> { ["build_property.SeiGeneratorEnabled"] = "false" });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void Per_file_metadata_sets_namespace_and_client_name()
    {
        var spec = SpecFile.FromRepository("accounts.v1.yaml") with { Namespace = "Acme.Sei.Accounts", ClientName = "AccountsApi" };
        var run = GeneratorHarness.Run(spec);

        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Acme.Sei.Accounts.V1.AccountsApi"));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void Diagnostics_can_be_suppressed_like_any_compiler_warning()
    {
        const string text = "openapi: 3.0.3\ninfo:\n  title: P\n  version: 1.0.0\npaths:\n  /v1/t/{id}:\n    get:\n      responses:\n        '204':\n          description: ok\n";
        var driver = GeneratorHarness.CreateDriver(new[] { new SpecFile("/project/p.yaml", text) });
        var compilation = GeneratorHarness.CreateCompilation(System.Array.Empty<string>())
            .WithOptions(GeneratorHarness.CreateCompilation(System.Array.Empty<string>()).Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["SEI2001"] = ReportDiagnostic.Suppress }));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.DoesNotContain(diagnostics.Concat(output.GetDiagnostics()), d => d.Id == "SEI2001" && !d.IsSuppressed);
    }

    [Fact]
    public void A_schema_that_is_only_a_reference_to_itself_is_reported_not_crashed_on()
    {
        const string text = """
            openapi: 3.0.3
            info:
              title: Loops
              version: 1.0.0
            paths: {}
            components:
              schemas:
                A:
                  $ref: '#/components/schemas/A'
                B:
                  type: object
                  properties:
                    a:
                      $ref: '#/components/schemas/A'
            """;
        var run = Run("/project/loops.yaml", text);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "SEI9001");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "SEI2004" && Position(d).Line == 8);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void A_form_body_that_is_not_an_object_is_reported_once()
    {
        const string text = """
            openapi: 3.0.3
            info:
              title: Forms
              version: 1.0.0
            paths:
              /v1/notes:
                post:
                  operationId: postNote
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: string
                  responses:
                    '204':
                      description: ok
            """;
        var run = Run("/project/forms.yaml", text);

        Single(run, "SEI2025");
        Assert.Contains("global::Sei.Client.SeiFile? body = null", run.Source(".Client.g.cs"));
    }

    [Fact]
    public void A_ref_key_inside_example_data_is_not_an_external_reference()
    {
        const string text = """
            openapi: 3.0.3
            info:
              title: Examples
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Doc:
                  type: object
                  properties:
                    schema:
                      type: object
                  example:
                    schema:
                      $ref: 'https://json-schema.org/draft/2020-12/schema'
                  x-original:
                    $ref: 'other.yaml'
            """;
        var run = Run("/project/examples.yaml", text);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "SEI1005");
    }

    [Fact]
    public void A_language_version_below_11_is_not_reported_for_files_that_are_not_OpenAPI()
    {
        var run = GeneratorHarness.Run(new[] { new SpecFile("/project/appsettings.json", "{ \"Logging\": {} }") }, version: LanguageVersion.CSharp10);

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void Two_documents_with_one_namespace_are_reported_and_only_the_first_is_generated()
    {
        var text = System.IO.File.ReadAllText(Paths.Spec("accounts.v1.yaml"));
        var run = GeneratorHarness.Run(new SpecFile("/project/specs/accounts.v1.yaml", text), new SpecFile("/project/vendor/accounts.v1.yaml", text));

        var diagnostic = Single(run, "SEI2005");
        Assert.Equal("/project/vendor/accounts.v1.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("Consumer.Accounts.V1", diagnostic.GetMessage());
        Assert.Empty(run.CompilationDiagnostics());
        Assert.Equal(3, run.Result.Results.Single().GeneratedSources.Length);
    }

    private const int YamlNestingGuardLimit = Sei.Generators.Reading.YamlNestingGuard.MaxIndentation;

    [Theory]
    [InlineData(10_000, true)]
    [InlineData(10_000, false)]
    public void Very_deep_nesting_is_refused_with_a_diagnostic_instead_of_overflowing_the_stack(int depth, bool flow)
    {
        var body = flow
            ? "x: " + new string('[', depth) + new string(']', depth) + "\n"
            : string.Concat(System.Linq.Enumerable.Range(0, depth).Select(i => new string(' ', i) + "k:\n"));
        var run = Run("/project/deep.yaml", "openapi: 3.0.3\ninfo: {title: Deep, version: '1'}\npaths: {}\n" + body);

        var diagnostic = Single(run, "SEI1001");
        Assert.Contains("nests deeper", diagnostic.GetMessage());
        Assert.Equal(flow ? 4 : 4 + YamlNestingGuardLimit + 1, Position(diagnostic).Line);
    }

    [Fact]
    public void Deep_json_is_refused_with_a_diagnostic()
    {
        var json = "{\"openapi\":\"3.0.3\",\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";
        var run = Run("/project/deep.json", json);

        Single(run, "SEI1001");
    }

    [Fact]
    public void A_form_body_with_no_fields_and_no_room_for_any_is_no_body_at_all()
    {
        const string text = """
            openapi: 3.0.3
            info: {title: Empty, version: '1'}
            paths:
              /v1/things/{id}:
                delete:
                  operationId: deleteThing
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema: {type: object, properties: {}, additionalProperties: false}
                  responses:
                    '204': {description: ok}
              /v1/notes:
                post:
                  operationId: postNote
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema: {type: object, additionalProperties: {type: string}}
                  responses:
                    '204': {description: ok}
            """;
        var run = Run("/project/empty.yaml", text);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics());
        var client = run.Source(".Client.g.cs");
        Assert.Contains("DeleteThingAsync(\n        [global::Sei.Client.Metadata.SeiParameter(\"id\", global::Sei.Client.Metadata.SeiParameterLocation.Path)] string id,\n        global::System.Threading.CancellationToken", client);
        Assert.Contains("IDictionary<string, string>? body = null", client);
    }

    [Fact]
    public void A_GET_whose_declared_bounds_pass_2048_characters_is_reported_with_its_search_counterpart()
    {
        const string text = """
            openapi: 3.0.3
            info: {title: SEI Long API, version: '1'}
            servers: [{url: 'https://api.example.com'}]
            paths:
              /v1/accounts:
                get:
                  operationId: listAccounts
                  parameters:
                    - name: accountIds
                      in: query
                      explode: false
                      schema: {type: array, maxItems: 200, items: {type: string, maxLength: 20}}
                    - name: tags
                      in: query
                      schema: {type: array, items: {type: string}}
                    - name: kinds
                      in: query
                      schema: {type: array, items: {type: string, enum: [A, B]}}
                  responses:
                    '204': {description: ok}
              /v1/accounts/search:
                post:
                  operationId: searchAccounts
                  responses:
                    '204': {description: ok}
            """;
        var run = Run("/project/long.yaml", text);

        var tooLong = Single(run, "SEI2006");
        Assert.Equal((6, 5), Position(tooLong));
        // Server 23 + path 12 + accountIds (10 + 1 + 200 x 20 + 199 commas + 1) + kinds (2 x "kinds=A" + "&" + 1): the unbounded tags do not count.
        Assert.Contains("reaches 4262 characters", tooLong.GetMessage());
        Assert.Contains("SearchAccountsAsync, POST /v1/accounts/search", tooLong.GetMessage());
        var unbounded = Single(run, "SEI2007");
        Assert.Equal(DiagnosticSeverity.Info, unbounded.Severity);
        Assert.Equal((13, 11), Position(unbounded));
        Assert.Contains("'tags'", unbounded.GetMessage());
        var client = run.Source(".Client.g.cs");
        Assert.Contains("SearchOperation = \"SearchAccountsAsync\"", client);
        Assert.Contains("__request.SearchAlternative = \"SearchAccountsAsync (POST /v1/accounts/search)\";", client);
    }
}
