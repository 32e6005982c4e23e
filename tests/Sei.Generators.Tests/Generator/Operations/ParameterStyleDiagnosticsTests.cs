using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator.Operations;

/// <summary>
/// What the generator does with styles it cannot send as written: an unknown or misplaced style is
/// SEI2004 on the <c>style</c> key with the location's default sent; a combination the table leaves
/// undefined is SEI2009 with the common reading sent; members that nest are SEI2004 outside
/// <c>deepObject</c>. And the other parameter keywords that change the wire: <c>allowReserved</c> and
/// <c>content</c>.
/// </summary>
public sealed class ParameterStyleDiagnosticsTests
{
    private const string Document = """
        openapi: 3.0.3
        info:
          title: SEI Odd Styles API
          version: 1.0.0
        paths:
          /v1/things/{id}:
            get:
              operationId: getThing
              parameters:
                - name: id
                  in: path
                  required: true
                  style: bogus
                  schema: { type: string }
                - name: color
                  in: query
                  style: matrix
                  schema: { type: string }
                - name: expand
                  in: query
                  style: deepObject
                  explode: true
                  schema: { type: array, maxItems: 2, items: { type: string, maxLength: 10 } }
                - name: range
                  in: query
                  style: deepObject
                  schema: { $ref: '#/components/schemas/Range' }
                - name: word
                  in: query
                  style: pipeDelimited
                  schema: { type: string, maxLength: 10 }
                - name: filter
                  in: query
                  schema: { $ref: '#/components/schemas/Filter' }
                - name: deep
                  in: query
                  style: deepObject
                  explode: true
                  schema: { $ref: '#/components/schemas/Filter' }
                - name: next
                  in: query
                  allowReserved: true
                  schema: { type: string, maxLength: 100 }
                - name: where
                  in: query
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Range' }
              responses:
                '204': { description: Done. }
        components:
          schemas:
            Range:
              type: object
              properties:
                gt: { type: integer }
                lt: { type: integer }
            Filter:
              type: object
              properties:
                name: { type: string }
                range: { $ref: '#/components/schemas/Range' }
        """;

    private const string Probe = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Consumer.OddStyles.V1;

        public static class Probe
        {
            public static async Task<string> Call(string baseUrl)
            {
                var client = new OddStylesClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                var filter = new Filter { Name = "n", Range = new Consumer.OddStyles.V1.Range { Gt = 1, Lt = 9 } };
                await client.GetThingAsync("t-1", "red", new[] { "a", "b" }, new Consumer.OddStyles.V1.Range { Gt = 1 }, "w", filter, filter, "/a/b?c=d&e", new Consumer.OddStyles.V1.Range { Gt = 2, Lt = 3 });
                return "sent";
            }
        }
        """;

    private static GeneratorRun Run() => GeneratorHarness.Run(new[] { new SpecFile("/project/odd.yaml", Document) }, new[] { Probe });

    private static string LineOf(Diagnostic diagnostic) => Document.Split('\n')[diagnostic.Location.GetLineSpan().StartLinePosition.Line].Trim();

    [Fact]
    public void Styles_that_cannot_be_sent_as_written_are_warnings_on_the_style_key()
    {
        var warnings = Run().GeneratorDiagnostics.Where(d => d.Id == "SEI2004").ToList();

        var unknown = Assert.Single(warnings, d => d.GetMessage().Contains("'bogus' is not a style OpenAPI defines", StringComparison.Ordinal));
        Assert.Equal("style: bogus", LineOf(unknown));
        Assert.Contains("The path parameter 'id' of 'getThing'", unknown.GetMessage());
        Assert.Contains("the path default, simple, was generated instead", unknown.GetMessage());
        var misplaced = Assert.Single(warnings, d => d.GetMessage().Contains("matrix style for other locations than query", StringComparison.Ordinal));
        Assert.Equal("style: matrix", LineOf(misplaced));
        var nested = Assert.Single(warnings, d => d.GetMessage().Contains("'range' hold arrays or objects", StringComparison.Ordinal));
        Assert.Contains("The query parameter 'filter'", nested.GetMessage());
        Assert.Equal(3, warnings.Count);
    }

    [Fact]
    public void Combinations_the_table_leaves_undefined_are_information_that_says_what_is_sent()
    {
        var infos = Run().GeneratorDiagnostics.Where(d => d.Id == "SEI2009").ToList();

        Assert.All(infos, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Contains(infos, d => d.GetMessage().Contains("'expand' of 'getThing' uses deepObject for an array, which OpenAPI leaves undefined; it is sent with indexed brackets", StringComparison.Ordinal));
        Assert.Contains(infos, d => d.GetMessage().Contains("'range' of 'getThing' uses deepObject without explode: true", StringComparison.Ordinal));
        Assert.Contains(infos, d => d.GetMessage().Contains("'word' of 'getThing' uses pipeDelimited for a single value", StringComparison.Ordinal));
        Assert.Equal(3, infos.Count);
    }

    [Fact]
    public async Task What_is_sent_is_what_the_diagnostics_say()
    {
        using var server = new LoopbackServer(_ => (204, string.Empty, null));
        var assembly = CompiledClient.Compile(Run());

        await CompiledClient.InvokeAsync(assembly, "Call", server.BaseAddress.ToString());

        var url = Assert.Single(server.Requests).RawUrl;
        Assert.Equal(
            "/v1/things/t-1?color=red"
            + "&expand%5B0%5D=a&expand%5B1%5D=b"
            + "&range%5Bgt%5D=1"
            + "&word=w"
            + "&name=n&range=%7B%22gt%22%3A1%2C%22lt%22%3A9%7D"
            + "&deep%5Bname%5D=n&deep%5Brange%5D%5Bgt%5D=1&deep%5Brange%5D%5Blt%5D=9"
            + "&next=/a/b?c%3Dd%26e"
            + "&where=%7B%22gt%22%3A2%2C%22lt%22%3A3%7D",
            url);
    }
}
