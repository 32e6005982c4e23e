using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Hostile;

/// <summary>
/// The malformed constructs the fuzz test found making Microsoft.OpenApi's reader, or our own code,
/// throw: each is now repaired where it stands, reported there, and the rest of the document generated.
/// </summary>
public sealed class RepairTests
{
    private static GeneratorRun Run(string json)
    {
        var run = GeneratorHarness.Run(new SpecFile("/project/specs/broken.json", json));
        Assert.Null(run.Fault());
        Assert.Empty(run.CompilationDiagnostics());
        return run;
    }

    private static (int Line, string Message) At(GeneratorRun run, string id)
    {
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        return (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.GetMessage());
    }

    private const string Paths = """
          "paths": {
            "/v1/things": {
              "get": {
                "operationId": "listThings",
                "parameters": [
                  { "name": "q", "in": "query", "required": -1, "schema": { "type": "string" } }
                ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } }
              }
            }
          },
        """;

    [Fact]
    public void A_keyword_of_the_wrong_type_is_dropped_and_reported_where_it_stands()
    {
        var run = Run("{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Broken\", \"version\": \"1\" },\n" + Paths + """
              "components": { "schemas": { "Thing": { "type": "object", "properties": { "required": { "type": "boolean" } } } } }
            }
            """);

        var (line, message) = At(run, "SEI1004");
        Assert.Equal(9, line);
        Assert.Contains("'required' must be true or false, or a list of property names, not -1; it was ignored.", message, StringComparison.Ordinal);

        // A property that is called "required" is a name, not the keyword, and is left alone.
        Assert.Contains("public bool? Required", run.Source(".Models.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"#/components/schemas/\"")]
    [InlineData("\"#\"")]
    [InlineData("42")]
    public void A_reference_that_names_nothing_is_reported_at_the_ref_and_becomes_JsonElement(string reference)
    {
        var run = Run("{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Broken\", \"version\": \"1\" },\n" + Paths.Replace("\"required\": -1, ", string.Empty, StringComparison.Ordinal) + """
              "components": { "schemas": { "Thing": { "type": "object", "properties": { "other": { "$ref": REF } } } } }
            }
            """.Replace("REF", reference, StringComparison.Ordinal));

        var (line, _) = At(run, "SEI1002");
        Assert.Equal(14, line);
        Assert.Contains("JsonElement? Other", run.Source(".Models.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("1e308")]
    [InlineData("[\"x\", null]")]
    public void A_schema_that_is_not_an_object_is_reported_and_becomes_JsonElement(string schema)
    {
        var run = Run("{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Broken\", \"version\": \"1\" },\n" + Paths.Replace("\"required\": -1, ", string.Empty, StringComparison.Ordinal) + """
              "components": { "schemas": { "Thing": { "type": "object", "properties": { "other": SCHEMA } } } }
            }
            """.Replace("SCHEMA", schema, StringComparison.Ordinal));

        var (line, message) = At(run, "SEI1004");
        Assert.Equal(14, line);
        Assert.Contains("A schema must be an object", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Boolean_schemas_of_OpenAPI_3_1_are_any_value()
    {
        var run = Run("{\n  \"openapi\": \"3.1.0\",\n  \"info\": { \"title\": \"Broken\", \"version\": \"1\" },\n" + Paths.Replace("\"required\": -1, ", string.Empty, StringComparison.Ordinal) + """
              "components": { "schemas": { "Thing": { "type": "object", "properties": { "anything": true } }, "Everything": true } }
            }
            """);

        Assert.True(run.Result.Results.Single().GeneratedSources.Length == 3, GeneratorHarness.Describe(run.GeneratorDiagnostics));
        Assert.Contains("JsonElement? Anything", run.Source(".Models.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_union_that_lists_itself_is_reported_and_the_rest_compiles()
    {
        var run = Run("{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Broken\", \"version\": \"1\" },\n" + Paths.Replace("\"required\": -1, ", string.Empty, StringComparison.Ordinal) + """
              "components": { "schemas": {
                "Thing": { "oneOf": [ { "$ref": "#/components/schemas/Thing" }, { "$ref": "#/components/schemas/Part" } ] },
                "Part": { "type": "object", "properties": { "name": { "type": "string" } } } } }
            }
            """);

        var (_, message) = At(run, "SEI2023");
        Assert.Contains("The alternative 1 of 'Thing' cannot be mapped faithfully (it is the schema itself)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_with_line_breaks_and_control_characters_stay_on_one_documentation_line()
    {
        var run = Run("{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Broken\", \"version\": \"1\" },\n" + Paths.Replace("\"required\": -1, ", string.Empty, StringComparison.Ordinal) + """
              "components": { "schemas": { "Thing": { "type": "object", "properties": { "new\nline": { "type": "string" }, "bell\u0007": { "type": "string" } } } } }
            }
            """);

        Assert.Contains("/// <summary>Gets or sets the <c>new line</c> property.</summary>", run.Source(".Models.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Half_a_surrogate_pair_in_JSON_is_refused_with_its_position()
    {
        var run = GeneratorHarness.Run(new SpecFile("/project/specs/lone.json", "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"x\\ud800\", \"version\": \"1\" },\n  \"paths\": {}\n}"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SEI1001");
        Assert.Equal((2, 23), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Fact]
    public void A_syntax_error_at_the_end_of_a_YAML_text_is_shown_on_its_last_line()
    {
        const string text = "openapi: 3.0.3\ninfo: {title: Broken, version: '1'}\npaths: {/v1/things: {get: {responses: {'200': {description: ok}";
        var run = GeneratorHarness.Run(new SpecFile("/project/specs/cut.yaml", text));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SEI1001");
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }
}
