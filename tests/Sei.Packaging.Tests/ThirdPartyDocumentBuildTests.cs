using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sei.Packaging.Tests.Infrastructure;
using Xunit;

namespace Sei.Packaging.Tests;

/// <summary>
/// A project with <c>TreatWarningsAsErrors</c> that generates from third-party documents, built with
/// the real <c>dotnet build</c> from the package: valid documents of each supported version (one
/// per version using every field of every object, and a Swagger 2.0 one with the constructs
/// Microsoft.OpenApi once reported), and a SendGrid-style document that breaks a rule the client does
/// not depend on, in every operation. The build succeeds; the broken rule is information, located,
/// listed five times and counted once, and <c>SeiDiagnosticsPerKind</c> lists it all.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ThirdPartyDocumentBuildTests(PackageFeed feed)
{
    private const int Operations = 8;

    private static readonly Consumer ThirdParty = new("ThirdParty", "net10.0", false, "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");

    private const string Usage = """
        namespace Consumer
        {
            /// <summary>Nothing but the generated clients.</summary>
            public static class Usage
            {
            }
        }
        """;

    [Fact]
    public void Third_party_documents_whose_clients_are_whole_build_with_warnings_as_errors_and_repeated_findings_are_summarised()
    {
        Assert.True(feed.GeneratorsPack.ExitCode == 0, feed.GeneratorsPack.Describe());
        ConsumerBuild.Write(feed, ThirdParty, Usage, _ => false);
        var folder = Path.Combine(feed.Root, ThirdParty.Name);
        var specs = Path.Combine(folder, "specs");
        foreach (var (file, product) in new[] { ("swagger-2.0.yaml", "Swagger Two"), ("openapi-3.0.yaml", "Open Three"), ("openapi-3.1.yaml", "Open Three One") })
        {
            var text = File.ReadAllText(Path.Combine(Repository.Root, "tests", "Sei.Generators.Tests", "Reading", "Valid", file));
            File.WriteAllText(Path.Combine(specs, file), text.Replace("title: Every Field API", "title: " + product + " API", StringComparison.Ordinal));
        }

        File.WriteAllText(Path.Combine(specs, "vendor.json"), Swagger2(withExamples: false, "Vendor"));
        File.WriteAllText(Path.Combine(specs, "sendgrid.json"), Swagger2(withExamples: true, "Mail"));

        var build = DotNet.Run(folder, "build", "-c", "Release", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.Describe());
        var results = Results(Path.Combine(folder, "build.sarif"));
        Assert.DoesNotContain(results, r => r.Level is "warning" or "error");
        Assert.DoesNotContain(results, r => r.Line == 1);
        var listed = results.Where(r => r.RuleId == "SEI1007").ToList();
        Assert.Equal(5, listed.Count);
        Assert.All(listed, r => Assert.EndsWith("specs/sendgrid.json", r.Uri, StringComparison.Ordinal));
        var summary = Assert.Single(results, r => r.RuleId == "SEI1008");
        Assert.Contains((Operations - 5) + " more SEI1007 diagnostics of one kind ('example' is not a field of a parameter)", summary.Message, StringComparison.Ordinal);
        Assert.Equal(6, results.Count(r => r.RuleId.StartsWith("SEI1", StringComparison.Ordinal)));

        var all = DotNet.Run(folder, "build", "-c", "Release", "-nodeReuse:false", "-p:SeiDiagnosticsPerKind=0");
        Assert.True(all.ExitCode == 0, all.Describe());
        var every = Results(Path.Combine(folder, "build.sarif"));
        Assert.Equal(Operations, every.Count(r => r.RuleId == "SEI1007"));
        Assert.DoesNotContain(every, r => r.RuleId == "SEI1008");
    }

    /// <summary>
    /// A Swagger 2.0 document with what 2.0 allows and Microsoft.OpenApi 3.11 once reported: each
    /// operation's own schemes, bounded array parameters with collection formats, a definitions key
    /// 3.x would not allow. With <paramref name="withExamples"/>, each form parameter also has an
    /// <c>example</c>, which is a 3.x field, not a 2.0 one.
    /// </summary>
    private static string Swagger2(bool withExamples, string product)
    {
        var paths = new JsonObject();
        for (var i = 0; i < Operations; i++)
        {
            var limit = new JsonObject { ["name"] = "limit", ["in"] = "formData", ["type"] = "integer", ["multipleOf"] = 5 };
            if (withExamples)
            {
                limit["example"] = 10;
            }

            paths["/v1/things" + i] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["operationId"] = "postThings" + i,
                    ["schemes"] = new JsonArray("https"),
                    ["consumes"] = new JsonArray("application/x-www-form-urlencoded"),
                    ["parameters"] = new JsonArray(
                        new JsonObject
                        {
                            ["name"] = "ids", ["in"] = "formData", ["type"] = "array", ["collectionFormat"] = "csv", ["maxItems"] = 10, ["minItems"] = 1, ["uniqueItems"] = true,
                            ["items"] = new JsonObject { ["type"] = "string", ["maxLength"] = 8 },
                        },
                        limit),
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "ok", ["schema"] = new JsonObject { ["$ref"] = "#/definitions/Thing[]" } } },
                },
            };
        }

        var document = new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = product + " API", ["version"] = "1.0" },
            ["host"] = "api.example.com",
            ["schemes"] = new JsonArray("https"),
            ["paths"] = paths,
            ["definitions"] = new JsonObject
            {
                ["Thing[]"] = new JsonObject
                {
                    ["type"] = "object", ["discriminator"] = "kind", ["required"] = new JsonArray("kind"),
                    ["properties"] = new JsonObject { ["kind"] = new JsonObject { ["type"] = "string" } },
                },
            },
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The compiler's SARIF results: information included, which the console does not show.</summary>
    private static (string RuleId, string Level, string Message, string Uri, int Line)[] Results(string sarif)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        return document.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.GetProperty("results").EnumerateArray())
            .Where(result => result.GetProperty("ruleId").GetString()?.StartsWith("SEI", StringComparison.Ordinal) == true)
            .Select(result =>
            {
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                return (
                    result.GetProperty("ruleId").GetString() ?? string.Empty,
                    result.TryGetProperty("level", out var level) ? level.GetString() ?? "warning" : "warning",
                    result.GetProperty("message").GetProperty("text").GetString() ?? string.Empty,
                    location.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? string.Empty,
                    location.GetProperty("region").GetProperty("startLine").GetInt32());
            })
            .ToArray();
    }
}
