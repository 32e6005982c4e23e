using System;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Reading;

/// <summary>
/// Large third-party Swagger 2.0 documents, synthesised here in the shapes that flooded the error
/// list: a 4 MB document whose operations each declare their own <c>schemes</c> (valid in 2.0, and
/// once 661 warnings at (1,1)), and a SendGrid-style document whose parameters carry fields 2.0 does
/// not have (once 128 warnings, 78 at (1,1)). Valid documents get nothing; a mistake repeated in every
/// operation is listed five times, each on its key, and counted once.
/// </summary>
public sealed class ThirdPartyDocumentTests
{
    private const int LargeOperations = 700;

    [Fact]
    public void A_4_MB_Swagger_2_document_that_is_valid_gets_no_diagnostic_for_being_valid()
    {
        var text = Swagger2(LargeOperations, mistakes: false);
        Assert.True(text.Length > 4_000_000, "The document has " + text.Length + " characters.");

        var run = GeneratorHarness.Run(new SpecFile("/project/large.json", text));

        Assert.Null(run.Fault());
        var reading = run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("SEI1", StringComparison.Ordinal) || d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(reading.Count == 0, GeneratorHarness.Describe(reading));
        AssertNoneAtTheFirstCharacter(run);
        Assert.Contains("Operation699Async(", run.Source(".Client.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistake_repeated_in_every_operation_of_a_4_MB_document_is_listed_five_times_and_counted_once()
    {
        var text = Swagger2(LargeOperations, mistakes: true);
        var run = GeneratorHarness.Run(new SpecFile("/project/large.json", text));

        var listed = run.GeneratorDiagnostics.Where(d => d.Id == "SEI1007").ToList();
        Assert.Equal(5, listed.Count);
        Assert.All(listed, d => Assert.StartsWith("\"summry\"", At(d, text), StringComparison.Ordinal));
        var summary = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SEI1008");
        Assert.Equal(DiagnosticSeverity.Info, summary.Severity);
        Assert.Contains((LargeOperations - 5) + " more SEI1007 diagnostics of one kind ('summry' is not a field of an operation)", summary.GetMessage(), StringComparison.Ordinal);
        Assert.StartsWith("\"summry\"", At(summary, text), StringComparison.Ordinal);
        Assert.True(summary.Location.SourceSpan.Start > listed.Max(d => d.Location.SourceSpan.Start), "The summary marks the first finding not listed.");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        AssertNoneAtTheFirstCharacter(run);
    }

    [Fact]
    public void Every_repeated_finding_is_listed_when_the_project_asks_for_all()
    {
        var text = Swagger2(40, mistakes: true);
        var run = GeneratorHarness.Run(new[] { new SpecFile("/project/large.json", text) }, globalOptions: new() { ["build_property.SeiDiagnosticsPerKind"] = "0" });

        Assert.Equal(40, run.GeneratorDiagnostics.Count(d => d.Id == "SEI1007"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "SEI1008");
    }

    [Fact]
    public void A_SendGrid_style_document_gets_each_kind_of_finding_located_and_summarised_and_builds_with_warnings_as_errors()
    {
        var text = SendGridStyle(60);
        var run = GeneratorHarness.Run(new SpecFile("/project/sendgrid.json", text));

        Assert.Null(run.Fault());
        AssertNoneAtTheFirstCharacter(run);
        var listed = run.GeneratorDiagnostics.Where(d => d.Id == "SEI1007").ToList();
        Assert.Equal(10, listed.Count);
        Assert.Equal(5, listed.Count(d => At(d, text).StartsWith("\"example\"", StringComparison.Ordinal)));
        Assert.Equal(5, listed.Count(d => At(d, text).StartsWith("\"nullable\"", StringComparison.Ordinal)));
        var summaries = run.GeneratorDiagnostics.Where(d => d.Id == "SEI1008").Select(d => d.GetMessage()).OrderBy(m => m, StringComparer.Ordinal).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.Contains("55 more SEI1007 diagnostics of one kind ('example' is not a field of a parameter)", summaries[0], StringComparison.Ordinal);
        Assert.Contains("55 more SEI1007 diagnostics of one kind ('nullable' is not a field of a schema)", summaries[1], StringComparison.Ordinal);
        Assert.Equal(12, run.GeneratorDiagnostics.Length);
        Assert.Empty(run.CompilationDiagnostics());
    }

    private static void AssertNoneAtTheFirstCharacter(GeneratorRun run)
    {
        var atStart = run.GeneratorDiagnostics.Where(d => d.Location.SourceSpan.Start == 0).ToList();
        Assert.True(atStart.Count == 0, GeneratorHarness.Describe(atStart));
    }

    /// <summary>The text a diagnostic's span starts with.</summary>
    private static string At(Diagnostic diagnostic, string text) => text.Substring(diagnostic.Location.SourceSpan.Start, Math.Min(40, text.Length - diagnostic.Location.SourceSpan.Start));

    /// <summary>
    /// A Swagger 2.0 document in the shape of large generated ones: every operation declares its own
    /// schemes and produces, bounded array parameters with collection formats (nested too), a body
    /// parameter, response headers, and definitions whose names 3.x would not allow, with
    /// discriminators. With <paramref name="mistakes"/>, each operation also has a misspelt summary.
    /// </summary>
    private static string Swagger2(int operations, bool mistakes)
    {
        var paths = new JsonObject();
        var definitions = new JsonObject();
        for (var i = 0; i < operations; i++)
        {
            var name = "Resource" + i + "[]";
            definitions[name] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = new string('d', 2_600),
                ["discriminator"] = "kind",
                ["required"] = new JsonArray("kind"),
                ["properties"] = new JsonObject
                {
                    ["kind"] = new JsonObject { ["type"] = "string" },
                    ["tags"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                },
            };
            var operation = new JsonObject
            {
                ["operationId"] = "operation" + i,
                ["description"] = new string('o', 2_600),
                ["schemes"] = new JsonArray("https"),
                ["produces"] = new JsonArray("application/json"),
                ["parameters"] = new JsonArray(
                    new JsonObject { ["name"] = "body", ["in"] = "body", ["schema"] = new JsonObject { ["$ref"] = "#/definitions/" + name } },
                    new JsonObject
                    {
                        ["name"] = "ids", ["in"] = "query", ["type"] = "array", ["collectionFormat"] = "csv", ["maxItems"] = 10, ["minItems"] = 1, ["uniqueItems"] = true,
                        ["items"] = new JsonObject { ["type"] = "array", ["collectionFormat"] = "pipes", ["maxItems"] = 2, ["items"] = new JsonObject { ["type"] = "string", ["maxLength"] = 8 } },
                    },
                    new JsonObject { ["name"] = "size", ["in"] = "query", ["type"] = "integer", ["multipleOf"] = 5, ["maximum"] = 100, ["exclusiveMaximum"] = true, ["minimum"] = 0, ["exclusiveMinimum"] = false }),
                ["responses"] = new JsonObject
                {
                    ["200"] = new JsonObject
                    {
                        ["description"] = "ok",
                        ["headers"] = new JsonObject { ["X-Rate-Limit"] = new JsonObject { ["type"] = "integer" } },
                        ["schema"] = new JsonObject { ["$ref"] = "#/definitions/" + name },
                    },
                },
            };
            if (mistakes)
            {
                operation["summry"] = "Operation " + i;
            }

            paths["/v1/resources" + i] = new JsonObject { ["post"] = operation };
        }

        return Serialize(new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = "Large API", ["version"] = "1.0" },
            ["host"] = "api.example.com",
            ["schemes"] = new JsonArray("https"),
            ["paths"] = paths,
            ["definitions"] = definitions,
        });
    }

    /// <summary>
    /// A document in the shape of SendGrid's 2.0 description: query parameters with an
    /// <c>example</c> (a 3.x field, not a 2.0 one), response schemas with <c>nullable</c> (likewise),
    /// form parameters, body parameters, and each operation's own schemes.
    /// </summary>
    private static string SendGridStyle(int operations)
    {
        var paths = new JsonObject();
        for (var i = 0; i < operations; i++)
        {
            paths["/v3/things" + i] = new JsonObject
            {
                ["get"] = new JsonObject
                {
                    ["operationId"] = "GET_things" + i,
                    ["schemes"] = new JsonArray("https"),
                    ["parameters"] = new JsonArray(
                        new JsonObject { ["name"] = "on-behalf-of", ["in"] = "header", ["type"] = "string" },
                        new JsonObject { ["name"] = "limit", ["in"] = "query", ["type"] = "integer", ["example"] = 10 }),
                    ["responses"] = new JsonObject
                    {
                        ["200"] = new JsonObject
                        {
                            ["description"] = "ok",
                            ["schema"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["name"] = new JsonObject { ["type"] = "string", ["nullable"] = true } } },
                        },
                    },
                },
                ["post"] = new JsonObject
                {
                    ["operationId"] = "POST_things" + i,
                    ["consumes"] = new JsonArray("application/x-www-form-urlencoded"),
                    ["parameters"] = new JsonArray(
                        new JsonObject { ["name"] = "name", ["in"] = "formData", ["type"] = "string", ["maxLength"] = 50 },
                        new JsonObject { ["name"] = "tags", ["in"] = "formData", ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["minItems"] = 1 }),
                    ["responses"] = new JsonObject { ["204"] = new JsonObject { ["description"] = "ok" } },
                },
            };
        }

        return Serialize(new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = "SendGrid Style API", ["version"] = "3.0" },
            ["host"] = "api.example.com",
            ["basePath"] = "/",
            ["schemes"] = new JsonArray("https"),
            ["paths"] = paths,
        });
    }

    private static string Serialize(JsonObject document) => document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
