using System;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi.YamlReader;
using Sei.Generators.Tests.Infrastructure;
using SharpYaml.Serialization;
using Xunit;

namespace Sei.Generators.Tests.Reading;

/// <summary>
/// A valid document of every supported version gets no diagnostic for being valid. Each document in
/// <c>Reading/Valid</c> uses every object of its version with every field its specification lists;
/// it is read as written (YAML) and as JSON, and must give no SEI1xxx diagnostic, no warning of any
/// kind (the harness compiles with warnings as errors, as a strict consumer does), and code that compiles.
/// </summary>
public sealed class ValidDocumentTests
{
    public static TheoryData<string, bool> Documents => new()
    {
        { "swagger-2.0.yaml", false },
        { "swagger-2.0.yaml", true },
        { "openapi-3.0.yaml", false },
        { "openapi-3.0.yaml", true },
        { "openapi-3.1.yaml", false },
        { "openapi-3.1.yaml", true },
    };

    private static string Folder => Path.Combine(Paths.RepositoryRoot, "tests", "Sei.Generators.Tests", "Reading", "Valid");

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_valid_document_builds_with_warnings_as_errors_and_no_reading_diagnostic(string fileName, bool asJson)
    {
        var text = File.ReadAllText(Path.Combine(Folder, fileName));
        var path = "/project/" + (asJson ? Path.ChangeExtension(fileName, ".json") : fileName);
        var run = GeneratorHarness.Run(new SpecFile(path, asJson ? ToJson(text) : text));

        Assert.Null(run.Fault());
        var reading = run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("SEI1", StringComparison.Ordinal)).ToList();
        Assert.True(reading.Count == 0, GeneratorHarness.Describe(reading));
        var warnings = run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(warnings.Count == 0, GeneratorHarness.Describe(warnings));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Theory]
    [InlineData("swagger-2.0.yaml", "GetThingAsync(", "PatchThingAsync(", "ListThingsAsync(", "UploadAsync(")]
    [InlineData("openapi-3.0.yaml", "GetThingAsync(", "PatchThingAsync(", "ListThingsAsync(", "TraceUploadsAsync(")]
    [InlineData("openapi-3.1.yaml", "GetThingAsync(", "DeleteThingAsync(", "ListThingsAsync(", "PingAsync(")]
    public void Every_operation_of_a_valid_document_is_generated_including_those_behind_a_path_item_reference(string fileName, params string[] methods)
    {
        var run = GeneratorHarness.Run(new SpecFile("/project/" + fileName, File.ReadAllText(Path.Combine(Folder, fileName))));

        var client = run.Source(".Client.g.cs");
        Assert.All(methods, method => Assert.Contains(method, client, StringComparison.Ordinal));
    }

    /// <summary>The same document as JSON, by Microsoft.OpenApi's own YAML converter.</summary>
    internal static string ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return YamlConverter.ToJsonNode(stream.Documents[0]).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
