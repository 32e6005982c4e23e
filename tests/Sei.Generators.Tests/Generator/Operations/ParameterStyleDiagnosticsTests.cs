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
/// SEI2015 on the <c>style</c> key with the location's default sent; a combination the table leaves
/// undefined is information with the common reading sent, one ID per cell (SEI2009, SEI2033–2036);
/// members that nest are SEI2029 outside <c>deepObject</c>. And the other parameter keywords that change the wire: <c>allowReserved</c> and
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
        var diagnostics = Run().GeneratorDiagnostics;
        var styles = diagnostics.Where(d => d.Id == "SEI2015").ToList();
        var unmappable = diagnostics.Where(d => d.Id == "SEI2029").ToList();

        var unknown = Assert.Single(styles, d => d.GetMessage().Contains("declares style 'bogus'", StringComparison.Ordinal));
        Assert.Equal("style: bogus", LineOf(unknown));
        Assert.StartsWith("The path parameter 'id' of 'getThing' declares style 'bogus', which the OpenAPI specification does not allow there, so it is sent with style 'simple'.", unknown.GetMessage(), StringComparison.Ordinal);
        var misplaced = Assert.Single(styles, d => d.GetMessage().Contains("declares style 'matrix'", StringComparison.Ordinal));
        Assert.Equal("style: matrix", LineOf(misplaced));
        Assert.Contains("so it is sent with style 'form'", misplaced.GetMessage(), StringComparison.Ordinal);
        var nested = Assert.Single(unmappable, d => d.GetMessage().Contains("holds arrays or objects in 'range'", StringComparison.Ordinal));
        Assert.Contains("The query parameter 'filter'", nested.GetMessage());
        Assert.Equal(2, styles.Count);
        Assert.Single(unmappable);
    }

    /// <summary>A form field's encoding may only name a query style; another is SEI2015 on its style key, and form is sent.</summary>
    [Fact]
    public void A_form_field_with_a_style_other_than_the_query_styles_is_reported_and_sent_as_form()
    {
        const string Form = """
            openapi: 3.0.3
            info: {title: SEI Forms API, version: '1'}
            paths:
              /v1/things:
                post:
                  operationId: addThing
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            tags: {type: array, items: {type: string}}
                        encoding:
                          tags: {style: simple}
                  responses:
                    '204': {description: ok}
            """;

        var run = GeneratorHarness.Run(new SpecFile("/project/forms.yaml", Form));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SEI2015");
        Assert.Contains("declares style 'simple', which the OpenAPI specification does not allow there, so it is sent with style 'form'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("tags: {style: simple}", Form.Split('\n')[diagnostic.Location.GetLineSpan().StartLinePosition.Line].Trim());
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void Combinations_the_table_leaves_undefined_are_information_that_says_what_is_sent()
    {
        var infos = Run().GeneratorDiagnostics.Where(d => DiagnosticFamilies.UndefinedLayout.Contains(d.Id)).ToList();

        Assert.All(infos, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Contains(infos, d => d.Id == "SEI2034" && d.GetMessage().Contains("'expand' of 'getThing' uses deepObject for an array, which OpenAPI leaves undefined; it is sent with indexed brackets", StringComparison.Ordinal));
        Assert.Contains(infos, d => d.Id == "SEI2035" && d.GetMessage().Contains("'range' of 'getThing' uses deepObject without explode: true", StringComparison.Ordinal));
        Assert.Contains(infos, d => d.Id == "SEI2009" && d.GetMessage().Contains("'word' of 'getThing' uses pipeDelimited for a single value", StringComparison.Ordinal));
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
