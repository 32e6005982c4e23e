using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator.Operations;

/// <summary>
/// Swagger 2.0's <c>collectionFormat</c> in every place it applies (path, query, header, form field,
/// response header), read from the document's text because the OpenAPI reader turns <c>csv</c> into an
/// exploded form and throws on <c>tsv</c>; and 2.0's <c>maxItems</c>, which the reader drops, reaching the
/// URL-length checks.
/// </summary>
public sealed class Swagger2CollectionFormatTests
{
    private const string Document = """
        {
          "swagger": "2.0",
          "info": { "title": "SEI Inventory API", "version": "1.0.0" },
          "host": "api.example.com",
          "schemes": ["https"],
          "paths": {
            "/v1/items/{ids}": {
              "get": {
                "operationId": "listItems",
                "parameters": [
                  { "name": "ids", "in": "path", "required": true, "type": "array", "items": { "type": "integer" } },
                  { "name": "csv", "in": "query", "type": "array", "items": { "type": "string", "maxLength": 7 }, "collectionFormat": "csv", "maxItems": 3 },
                  { "name": "plain", "in": "query", "type": "array", "items": { "type": "string", "maxLength": 7 }, "maxItems": 3 },
                  { "name": "ssv", "in": "query", "type": "array", "items": { "type": "string", "maxLength": 7 }, "collectionFormat": "ssv", "maxItems": 3 },
                  { "name": "tsv", "in": "query", "type": "array", "items": { "type": "string", "maxLength": 7 }, "collectionFormat": "tsv", "maxItems": 3 },
                  { "name": "pipes", "in": "query", "type": "array", "items": { "type": "string", "maxLength": 7 }, "collectionFormat": "pipes", "maxItems": 3 },
                  { "name": "multi", "in": "query", "type": "array", "items": { "type": "string", "maxLength": 7 }, "collectionFormat": "multi", "maxItems": 3 },
                  { "name": "X-Pipes", "in": "header", "type": "array", "items": { "type": "string" }, "collectionFormat": "pipes" },
                  { "name": "X-Csv", "in": "header", "type": "array", "items": { "type": "integer" } }
                ],
                "responses": {
                  "200": {
                    "description": "The items.",
                    "headers": { "X-Tags": { "type": "array", "items": { "type": "string" }, "collectionFormat": "pipes" } },
                    "schema": { "type": "array", "items": { "type": "string" } }
                  }
                }
              }
            },
            "/v1/grid": {
              "get": {
                "operationId": "getGrid",
                "parameters": [
                  { "name": "grid", "in": "query", "type": "array", "collectionFormat": "pipes", "maxItems": 4, "items": { "type": "array", "collectionFormat": "csv", "items": { "type": "integer" } } },
                  { "name": "rows", "in": "query", "type": "array", "collectionFormat": "multi", "maxItems": 4, "items": { "type": "array", "collectionFormat": "ssv", "items": { "type": "string" } } },
                  { "name": "X-Cells", "in": "header", "type": "array", "items": { "type": "array", "collectionFormat": "pipes", "items": { "type": "string" } } }
                ],
                "responses": { "204": { "description": "Done." } }
              }
            },
            "/v1/items/search": {
              "get": {
                "operationId": "searchItems",
                "parameters": [
                  { "name": "names", "in": "query", "type": "array", "items": { "type": "string", "maxLength": 40 }, "maxItems": 500 }
                ],
                "responses": { "200": { "description": "Found." } }
              }
            },
            "/v1/items": {
              "post": {
                "operationId": "tagItems",
                "consumes": ["application/x-www-form-urlencoded"],
                "parameters": [
                  { "name": "csv", "in": "formData", "type": "array", "items": { "type": "string" } },
                  { "name": "ssv", "in": "formData", "type": "array", "items": { "type": "string" }, "collectionFormat": "ssv" },
                  { "name": "pipes", "in": "formData", "type": "array", "items": { "type": "string" }, "collectionFormat": "pipes" },
                  { "name": "multi", "in": "formData", "type": "array", "items": { "type": "string" }, "collectionFormat": "multi" },
                  { "name": "note", "in": "formData", "type": "string" }
                ],
                "responses": { "204": { "description": "Tagged." } }
              }
            }
          }
        }
        """;

    private const string Probe = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Consumer.Inventory.V1;

        public static class Probe
        {
            public static async Task<string> List(string baseUrl)
            {
                var client = new InventoryClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                var three = new[] { "a b", "c", "d" };
                var response = await client.ListItemsAsync(new long[] { 1, 2 }, three, three, three, three, three, three, new[] { "x", "y" }, new long[] { 7, 8 });
                return string.Join(",", response.XTags!);
            }

            public static async Task<string> Grid(string baseUrl)
            {
                var client = new InventoryClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                await client.GetGridAsync(
                    new[] { new long[] { 1, 2 }, new long[] { 3 } },
                    new[] { new[] { "a", "b" }, new[] { "c" } },
                    new[] { new[] { "x", "y" }, new[] { "z" } });
                return "sent";
            }

            public static async Task<string> Tag(string baseUrl)
            {
                var client = new InventoryClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                await client.TagItemsAsync(new TagItemsRequest { Csv = new[] { "a", "b" }, Ssv = new[] { "c", "d" }, Pipes = new[] { "e", "f" }, Multi = new[] { "g", "h" }, Note = "n" });
                return "tagged";
            }
        }
        """;

    private static GeneratorRun Run() => GeneratorHarness.Run(new[] { new SpecFile("/project/inventory.json", Document) }, new[] { Probe });

    [Fact]
    public async Task Each_collection_format_is_sent_as_Swagger_2_defines_it()
    {
        using var server = new LoopbackServer(_ => (200, "[]", "application/json"), (_, response) => response.Headers["X-Tags"] = "red|green | blue");
        var assembly = CompiledClient.Compile(Run());

        var tags = await CompiledClient.InvokeAsync(assembly, "List", server.BaseAddress.ToString());

        var request = Assert.Single(server.Requests);
        Assert.Equal(
            "/v1/items/1,2?csv=a%20b,c,d&plain=a%20b,c,d&ssv=a%20b%20c%20d&tsv=a%20b%09c%09d&pipes=a%20b%7Cc%7Cd&multi=a%20b&multi=c&multi=d",
            request.RawUrl);
        Assert.Equal("x|y", request.Headers["X-Pipes"]);
        Assert.Equal("7,8", request.Headers["X-Csv"]);
        Assert.Equal("red,green,blue", tags);
    }

    [Fact]
    public async Task An_array_of_arrays_joins_each_item_with_its_own_collection_format()
    {
        using var server = new LoopbackServer(_ => (204, string.Empty, null));
        var run = Run();
        var assembly = CompiledClient.Compile(run);

        await CompiledClient.InvokeAsync(assembly, "Grid", server.BaseAddress.ToString());

        // Swagger 2.0 nests formats (pipes of csv: 1,2|3); OpenAPI 3 has no word for it, so nothing is reported.
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/grid?grid=1%2C2%7C3&rows=a%20b&rows=c", request.RawUrl);
        Assert.Equal("x|y,z", request.Headers["X-Cells"]);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => DiagnosticFamilies.IsMapping(d) || DiagnosticFamilies.UndefinedLayout.Contains(d.Id) || d.Id == "SEI2015");
    }

    [Fact]
    public async Task Form_fields_follow_their_collection_format_too()
    {
        using var server = new LoopbackServer(_ => (204, string.Empty, null));
        var assembly = CompiledClient.Compile(Run());

        await CompiledClient.InvokeAsync(assembly, "Tag", server.BaseAddress.ToString());

        var request = Assert.Single(server.Requests);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("csv=a%2Cb&ssv=c+d&pipes=e%7Cf&multi=g&multi=h&note=n", request.Body);
    }

    [Fact]
    public void Maximum_counts_the_reader_drops_reach_the_length_checks_and_the_metadata()
    {
        var run = Run();

        // Bounded arrays are not reported as unbounded; the one whose bounds allow 500 names of 40 characters is too long.
        // (getGrid's inner arrays declare no maxItems, so their URL is rightly unbounded.)
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "SEI2007" && !d.GetMessage().Contains("getGrid", StringComparison.Ordinal));
        var tooLong = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SEI2006");
        Assert.Contains("searchItems", tooLong.GetMessage());
        Assert.Contains("MaxItems = 3", run.Source("Client.g.cs"));
        Assert.Contains("MaxItems = 500", run.Source("Client.g.cs"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "SEI9001" or "SEI2015" || DiagnosticFamilies.IsMapping(d));
    }

    [Theory]
    [InlineData("\"collectionFormat\": \"tsv2\"", "declares collectionFormat 'tsv2'")]
    [InlineData("\"collectionFormat\": \"multi\"", "declares collectionFormat 'multi'")]
    public void A_collection_format_that_cannot_be_honoured_is_reported_where_it_is_written(string format, string reason)
    {
        const string Header = "\"name\": \"X-Pipes\", \"in\": \"header\", \"type\": \"array\", \"items\": { \"type\": \"string\" }, ";
        var document = Document.Replace(Header + "\"collectionFormat\": \"pipes\"", Header + format, StringComparison.Ordinal);
        Assert.NotEqual(Document, document);

        var run = GeneratorHarness.Run(new SpecFile("/project/inventory.json", document));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SEI2015");
        Assert.Contains(reason, diagnostic.GetMessage());
        Assert.Contains("so it is sent with collectionFormat 'csv'", diagnostic.GetMessage());
        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
        Assert.Contains("X-Pipes", document.Split('\n')[line]);
    }
}
