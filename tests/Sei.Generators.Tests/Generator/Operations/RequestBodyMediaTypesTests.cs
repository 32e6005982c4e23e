using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Sei.Client.Metadata;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator.Operations;

/// <summary>
/// A request body offered in several media types is sendable in each, typed: the preferred type keeps the
/// operation's method name, every other one gets <c>&lt;Name&gt;As&lt;Media&gt;Async</c> (and a page method when
/// paged), and no made-up name takes one an operation of the document would have.
/// </summary>
public sealed class RequestBodyMediaTypesTests
{
    private const string Document = """
        openapi: 3.0.3
        info:
          title: SEI Documents API
          version: 1.0.0
        paths:
          /v1/documents:
            post:
              operationId: createDocument
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/DocumentCreate' }
                  application/x-www-form-urlencoded:
                    schema: { $ref: '#/components/schemas/DocumentCreate' }
                  multipart/form-data:
                    schema:
                      type: object
                      required: [file]
                      properties:
                        file: { type: string, format: binary }
                        title: { type: string }
                  application/octet-stream:
                    schema: { type: string, format: binary }
                  text/plain:
                    schema: { type: string }
                  application/xml:
                    schema: { $ref: '#/components/schemas/DocumentCreate' }
                  '*/*':
                    schema: { type: string, format: binary }
              responses:
                '201':
                  description: Stored.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Document' }
          /v1/documents/search:
            post:
              operationId: searchDocuments
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/SearchQuery' }
                  application/x-www-form-urlencoded:
                    schema: { $ref: '#/components/schemas/SearchQuery' }
              responses:
                '200':
                  description: A page of documents.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/DocumentList' }
          /v1/imports:
            post:
              operationId: createDocumentAsForm
              responses:
                '204': { description: An operation whose name the made-up one would take. }
        components:
          schemas:
            DocumentCreate:
              type: object
              required: [title]
              properties:
                title: { type: string }
                pages: { type: integer }
            Document:
              type: object
              properties:
                id: { type: string }
                title: { type: string }
            SearchQuery:
              type: object
              properties:
                text: { type: string }
            DocumentList:
              type: object
              properties:
                items: { type: array, items: { $ref: '#/components/schemas/Document' } }
                paging:
                  type: object
                  properties:
                    next: { type: string }
        """;

    private const string Probe = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Text;
        using System.Threading.Tasks;
        using Consumer.Documents.V1;
        using Sei.Client;

        public static class Probe
        {
            public static async Task<string> SendEach(string baseUrl)
            {
                var client = new DocumentsClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                Document json = await client.CreateDocumentAsync(new DocumentCreate { Title = "Q3 report", Pages = 12 });
                Document form = await client.CreateDocumentAsForm2Async(new DocumentCreate { Title = "Q3 report", Pages = 12 });
                Document multipart = await client.CreateDocumentAsMultipartAsync(new CreateDocumentRequest { File = SeiFile.FromBytes(new byte[] { 1, 2, 255 }, "q3.bin"), Title = "Q3" });
                Document binary = await client.CreateDocumentAsBinaryAsync(SeiFile.FromBytes(new byte[] { 0, 1, 2, 254 }));
                Document text = await client.CreateDocumentAsTextAsync("plain words é");
                await client.CreateDocumentAsFormAsync();
                var page = await client.SearchDocumentsAsFormPageAsync(new SearchQuery { Text = "q3" });
                var titles = new List<string>();
                await foreach (var item in client.SearchDocumentsAsFormAsync(new SearchQuery { Text = "q3" }))
                {
                    titles.Add(item.Title!);
                }

                return json.Title + "|" + page.Items.Count + "|" + string.Join(",", titles);
            }
        }
        """;

    private static GeneratorRun Run() => GeneratorHarness.Run(new[] { new SpecFile("/project/documents.yaml", Document) }, new[] { Probe });

    [Fact]
    public void Each_media_type_has_a_method_and_made_up_names_yield_to_the_documents_own()
    {
        var run = Run();
        var client = CompiledClient.Compile(run).GetType("Consumer.Documents.V1.DocumentsClient")!;
        string[] Methods(string prefix) => client.GetMethods().Where(m => m.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        // The wildcard adds nothing: a body always goes in a concrete type. The operation named createDocumentAsForm keeps its name.
        Assert.Equal(
            new[] { "CreateDocumentAsBinaryAsync", "CreateDocumentAsForm2Async", "CreateDocumentAsFormAsync", "CreateDocumentAsMultipartAsync", "CreateDocumentAsTextAsync", "CreateDocumentAsXmlAsync", "CreateDocumentAsync" },
            Methods("CreateDocument"));

        // XML is not serialized: its method takes the encoded bytes and says so, and the valid document builds without warnings.
        Assert.Equal("SeiFile", client.GetMethod("CreateDocumentAsXmlAsync")!.GetParameters()[0].ParameterType.Name);
        Assert.Contains("already encoded as application/xml: the client sends these bytes as they are.", run.Source("Client.g.cs"));
        Assert.Empty(run.GeneratorDiagnostics);
        var contract = client.GetInterface("I" + client.Name)!;
        Assert.Equal("createDocumentAsForm", contract.GetMethod("CreateDocumentAsFormAsync")!.GetCustomAttribute<SeiOperationAttribute>()!.OperationId);
        Assert.Equal("createDocument", contract.GetMethod("CreateDocumentAsForm2Async")!.GetCustomAttribute<SeiOperationAttribute>()!.OperationId);
        Assert.Equal(
            new[] { "SearchDocumentsAsFormAsync", "SearchDocumentsAsFormPageAsync", "SearchDocumentsAsync", "SearchDocumentsPageAsync" },
            Methods("SearchDocuments"));
        Assert.Contains("The body is sent as application/x-www-form-urlencoded; CreateDocumentAsync sends it as application/json, CreateDocumentAsMultipartAsync sends it as multipart/form-data", run.Source("Client.g.cs"));
        Assert.Equal(typeof(void).Assembly.GetType("System.Threading.CancellationToken"), Assert.Single(client.GetMethod("CreateDocumentAsFormAsync")!.GetParameters()).ParameterType);
    }

    [Fact]
    public async Task Each_method_sends_its_media_type_with_its_own_encoding()
    {
        using var server = new LoopbackServer(request => request.RawUrl == "/v1/documents/search"
            ? (200, """{"items":[{"id":"d1","title":"Q3 report"}],"paging":{"next":""}}""", "application/json")
            : (request.RawUrl == "/v1/imports" ? 204 : 201, """{"id":"d1","title":"Q3 report"}""", "application/json"));
        var assembly = CompiledClient.Compile(Run());

        var result = await CompiledClient.InvokeAsync(assembly, "SendEach", server.BaseAddress.ToString());

        Assert.Equal("Q3 report|1|Q3 report", result);
        var requests = server.Requests.ToArray();
        Assert.Equal("application/json; charset=utf-8", requests[0].ContentType);
        Assert.Equal("""{"title":"Q3 report","pages":12}""", requests[0].Body);
        Assert.Equal("application/x-www-form-urlencoded", requests[1].ContentType);
        Assert.Equal("title=Q3+report&pages=12", requests[1].Body);
        Assert.StartsWith("multipart/form-data; boundary=", requests[2].ContentType);
        Assert.Contains("Content-Disposition: form-data; name=\"title\"", requests[2].Body);
        Assert.Contains("Content-Disposition: form-data; name=\"file\"; filename=\"q3.bin\"", requests[2].Body);
        Assert.Equal("application/octet-stream", requests[3].ContentType);
        Assert.Equal(new byte[] { 0, 1, 2, 254 }, requests[3].BodyBytes);
        Assert.Equal("text/plain; charset=utf-8", requests[4].ContentType);
        Assert.Equal("plain words é", requests[4].Body);
        Assert.Equal("POST /v1/imports", requests[5].Method + " " + requests[5].RawUrl);
        Assert.All(requests.Skip(6), r => Assert.Equal("text=q3", r.Body));
        Assert.Equal(8, requests.Length);
    }

    [Fact]
    public async Task A_json_patch_is_sent_as_one_next_to_the_merge_patch()
    {
        // The repository's catalog document offers PATCH /v1/products/{productId} as a merge patch and as a JSON Patch.
        const string CatalogProbe = """
            using System;
            using System.Net.Http;
            using System.Text.Json;
            using System.Threading.Tasks;
            using Consumer.ProductCatalog.V1;

            public static class Probe
            {
                public static async Task<string> Patch(string baseUrl)
                {
                    var client = new ProductCatalogClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                    var patch = new[]
                    {
                        new JsonPatchOperation { Op = JsonPatchOperationOp.Replace, Path = "/price/amount", Value = JsonDocument.Parse("24.5").RootElement },
                        new JsonPatchOperation { Op = JsonPatchOperationOp.Remove, Path = "/category" },
                    };
                    var merge = await client.UpdateProductAsync("PRD-1", new ProductUpdate { Description = null });
                    var json = await client.UpdateProductAsJsonPatchAsync("PRD-1", patch);
                    return merge.Value.Name + "|" + json.Value.Name;
                }
            }
            """;
        using var server = new LoopbackServer(_ => (200, """{"productId":"PRD-1","objectType":"product","schemaVersion":1,"sku":"SEI-1","status":"ACTIVE","name":"Fund","category":null,"price":{"amount":24.5,"currency":"USD"},"tags":[],"href":"https://api.example.com/v1/products/PRD-1","links":[]}""", "application/json"));
        var assembly = CompiledClient.Compile(GeneratorHarness.Run(new[] { SpecFile.FromRepository("catalog.v1.yaml") }, new[] { CatalogProbe }));

        Assert.Equal("Fund|Fund", await CompiledClient.InvokeAsync(assembly, "Patch", server.BaseAddress.ToString()));

        var requests = server.Requests.ToArray();
        Assert.All(requests, r => Assert.Equal("PATCH /v1/products/PRD-1", r.Method + " " + r.RawUrl));
        Assert.Equal("application/merge-patch+json; charset=utf-8", requests[0].ContentType);
        Assert.Equal("""{"description":null}""", requests[0].Body);
        Assert.Equal("application/json-patch+json; charset=utf-8", requests[1].ContentType);
        Assert.Equal("""[{"op":"replace","path":"/price/amount","value":24.5},{"op":"remove","path":"/category"}]""", requests[1].Body);
    }
}
