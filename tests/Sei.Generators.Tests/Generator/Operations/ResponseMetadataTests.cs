using System;
using System.Linq;
using System.Threading.Tasks;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator.Operations;

/// <summary>
/// What an operation's responses declare besides the body, through a compiled client on loopback: typed
/// response headers (and content headers on HEAD), a declared 304 as a testable result, a declared 303
/// followed and read as the declared type, and a redirect-only download handed over as a stream without
/// the call's parameters reaching the other origin.
/// </summary>
public sealed class ResponseMetadataTests
{
    private const string Document = """
        openapi: 3.0.3
        info:
          title: SEI Reports API
          version: 1.0.0
        paths:
          /v1/reports:
            get:
              operationId: listReports
              parameters:
                - { name: limit, in: query, schema: { type: integer } }
              responses:
                '200':
                  description: A page of reports.
                  headers:
                    X-Total-Count: { schema: { type: integer, format: int64 } }
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/ReportList' }
            post:
              operationId: createReport
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Report' }
              responses:
                '201':
                  description: Created.
                  headers:
                    Location: { description: Where the report is., schema: { type: string, format: uri } }
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Report' }
          /v1/reports/{reportId}:
            parameters:
              - { name: reportId, in: path, required: true, schema: { type: string } }
            get:
              operationId: getReport
              parameters:
                - { name: If-None-Match, in: header, schema: { type: string } }
              responses:
                '200':
                  description: The report.
                  headers:
                    ETag: { description: The report's version., schema: { type: string } }
                    Last-Modified: { schema: { type: string, format: date-time } }
                    X-Rate-Limit-Remaining: { schema: { type: integer, format: int32 } }
                    X-Report-Kind: { schema: { $ref: '#/components/schemas/ReportKind' } }
                    X-Pages: { schema: { type: array, items: { type: integer, format: int32 } } }
                    Value: { schema: { type: string } }
                    RequestTrackingId: { schema: { type: string } }
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Report' }
                '304':
                  description: Not modified.
                  headers:
                    ETag: { schema: { type: string } }
                    Cache-Control: { schema: { type: string } }
            put:
              operationId: replaceReport
              parameters:
                - { name: If-Match, in: header, required: true, schema: { type: string } }
                - { name: X-Revision, in: header, schema: { type: integer, format: int32 } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Report' }
              responses:
                '204':
                  description: Replaced.
                  headers:
                    ETag: { schema: { type: string } }
            head:
              operationId: checkReport
              responses:
                '200':
                  description: The report exists.
                  headers:
                    Content-Length: { schema: { type: integer, format: int64 } }
                    Last-Modified: { schema: { type: string, format: date-time } }
          /v1/reports/{reportId}/render:
            post:
              operationId: renderReport
              parameters:
                - { name: reportId, in: path, required: true, schema: { type: string } }
              responses:
                '303':
                  description: The rendering, at its own URL.
                  headers:
                    Location: { schema: { type: string, format: uri } }
                '200':
                  description: The rendering.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Rendering' }
          /v1/reports/{reportId}/content:
            get:
              operationId: downloadReport
              parameters:
                - { name: reportId, in: path, required: true, schema: { type: string } }
                - { name: X-Client, in: header, schema: { type: string } }
              responses:
                '302':
                  description: The content, served from storage.
                  headers:
                    Location: { schema: { type: string, format: uri } }
        components:
          schemas:
            ReportKind:
              type: string
              enum: [DAILY, MONTHLY]
            Report:
              type: object
              properties:
                id: { type: string }
                title: { type: string }
            Rendering:
              type: object
              properties:
                format: { type: string }
            ReportList:
              type: object
              properties:
                items: { type: array, items: { $ref: '#/components/schemas/Report' } }
                paging:
                  type: object
                  properties:
                    next: { type: string }
        """;

    private const string Probe = """
        using System;
        using System.IO;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Consumer.Reports.V1;
        using Sei.Client;

        public static class Probe
        {
            // Create builds the client as users do without dependency injection: its primary handler leaves redirects to the client.
            private static ReportsClient Client(string baseUrl) => ReportsClient.Create(new SeiClientOptions { BaseAddress = new Uri(baseUrl) });

            public static async Task<string> Headers(string baseUrl)
            {
                var client = Client(baseUrl);
                Report report = await client.GetReportAsync("r-1");
                var response = await client.GetReportAsync("r-1");
                return string.Join("|", report.Title, response.ETag, response.LastModified?.ToUniversalTime().ToString("O"), response.XRateLimitRemaining, response.XReportKind?.WireValue,
                    string.Join(",", response.XPages!), response.Value2, response.TrackingId, response.Value.Title);
            }

            public static async Task<string> NotModified(string baseUrl)
            {
                var response = await Client(baseUrl).GetReportAsync("r-1", ifNoneMatch: "\"v7\"");
                try
                {
                    _ = response.Value;
                    return "no exception";
                }
                catch (InvalidOperationException)
                {
                    return string.Join("|", response.IsNotModified, response.HasValue, response.ETag, response.CacheControl);
                }
            }

            public static async Task<string> Replace(string baseUrl)
            {
                var response = await Client(baseUrl).ReplaceReportAsync("r-1", "\"v7\"", new Report { Title = "t" }, xRevision: 8);
                return response.ETag!;
            }

            public static async Task<string> Head(string baseUrl)
            {
                var response = await Client(baseUrl).CheckReportAsync("r-1");
                return string.Join("|", response.ContentLength, response.LastModified?.ToUniversalTime().ToString("O"), response.ContentHeaders.ContentLength);
            }

            public static async Task<string> Create(string baseUrl)
            {
                var response = await Client(baseUrl).CreateReportAsync(new Report { Title = "t" });
                Report created = response;
                return response.Location!.AbsoluteUri + "|" + created.Id;
            }

            public static async Task<string> Pages(string baseUrl)
            {
                var client = Client(baseUrl);
                SeiPage<Report, ReportsClient.ListReportsResponse> page = await client.ListReportsPageAsync(limit: 1);
                SeiPage<Report> plain = await client.ListReportsPageAsync(limit: 1);
                var all = 0;
                await foreach (var report in client.ListReportsAsync(limit: 1))
                {
                    all++;
                }

                return page.Response.XTotalCount + "|" + plain.Items.Count + "|" + all;
            }

            public static async Task<string> Render(string baseUrl)
            {
                Rendering rendering = await Client(baseUrl).RenderReportAsync("r-1");
                return rendering.Format!;
            }

            public static async Task<string> Download(string baseUrl)
            {
                var response = await Client(baseUrl).DownloadReportAsync("r-1", xClient: "probe");
                using var reader = new StreamReader(response.Value);
                return await reader.ReadToEndAsync() + "|" + response.RequestUri!.AbsolutePath;
            }

            public static async Task<string> BadHeader(string baseUrl)
            {
                try
                {
                    await Client(baseUrl).GetReportAsync("r-1");
                    return "no exception";
                }
                catch (SeiResponseFormatException exception)
                {
                    return exception.Message;
                }
            }
        }
        """;

    private static readonly Lazy<System.Reflection.Assembly> Compiled = new(() => CompiledClient.Compile(GeneratorHarness.Run(new[] { new SpecFile("/project/reports.yaml", Document) }, new[] { Probe })));

    private const string ReportJson = """{"id":"r-1","title":"Q3"}""";

    [Fact]
    public async Task Declared_headers_are_typed_properties_and_the_body_still_converts()
    {
        using var server = new LoopbackServer(_ => (200, ReportJson, "application/json"), (_, response) =>
        {
            response.Headers["RequestTrackingId"] = LoopbackServer.TrackingId;
            response.Headers["ETag"] = "\"v7\"";
            response.Headers["Last-Modified"] = "Tue, 15 Nov 1994 08:12:31 GMT";
            response.Headers["X-Rate-Limit-Remaining"] = "41";
            response.Headers["X-Report-Kind"] = "MONTHLY";
            response.Headers["X-Pages"] = "1, 2,3";
            response.Headers["Value"] = "named like a member";
        });

        var result = await CompiledClient.InvokeAsync(Compiled.Value, "Headers", server.BaseAddress.ToString());

        Assert.Equal("Q3|\"v7\"|1994-11-15T08:12:31.0000000+00:00|41|MONTHLY|1,2,3|named like a member|" + LoopbackServer.TrackingId + "|Q3", result);
    }

    [Fact]
    public async Task A_declared_304_after_If_None_Match_is_a_result_with_its_headers()
    {
        using var server = new LoopbackServer(_ => (304, string.Empty, null), (_, response) => { response.Headers["ETag"] = "\"v7\""; response.Headers["Cache-Control"] = "max-age=60"; });

        var result = await CompiledClient.InvokeAsync(Compiled.Value, "NotModified", server.BaseAddress.ToString());

        Assert.Equal("True|False|\"v7\"|max-age=60", result);
        Assert.Equal("\"v7\"", Assert.Single(server.Requests).Headers["If-None-Match"]);
    }

    [Fact]
    public async Task Request_headers_keep_their_declared_types_and_a_bodiless_response_has_its_headers()
    {
        using var server = new LoopbackServer(_ => (204, string.Empty, null), (_, response) => response.Headers["ETag"] = "\"v8\"");

        var result = await CompiledClient.InvokeAsync(Compiled.Value, "Replace", server.BaseAddress.ToString());

        Assert.Equal("\"v8\"", result);
        var request = Assert.Single(server.Requests);
        Assert.Equal("\"v7\"", request.Headers["If-Match"]);
        Assert.Equal("8", request.Headers["X-Revision"]);
    }

    [Fact]
    public async Task A_HEAD_response_has_its_content_headers_typed()
    {
        using var server = new LoopbackServer(_ => (200, string.Empty, null), (_, response) => { response.ContentLength64 = 4096; response.Headers["Last-Modified"] = "Tue, 15 Nov 1994 08:12:31 GMT"; });

        var result = await CompiledClient.InvokeAsync(Compiled.Value, "Head", server.BaseAddress.ToString());

        Assert.Equal("4096|1994-11-15T08:12:31.0000000+00:00|4096", result);
        Assert.Equal("HEAD", Assert.Single(server.Requests).Method);
    }

    [Fact]
    public async Task A_created_resource_has_its_location_as_an_absolute_uri()
    {
        using var server = new LoopbackServer(_ => (201, ReportJson, "application/json"), (_, response) => response.Headers["Location"] = "/v1/reports/r-1");

        var result = await CompiledClient.InvokeAsync(Compiled.Value, "Create", server.BaseAddress.ToString());

        Assert.Equal(server.BaseAddress + "v1/reports/r-1|r-1", result);
    }

    [Fact]
    public async Task Paged_methods_carry_the_typed_response_and_still_stream()
    {
        using var server = new LoopbackServer(
            request => (200, request.RawUrl.Contains("after=", StringComparison.Ordinal)
                ? """{"items":[{"id":"r-2"}],"paging":{"next":""}}"""
                : """{"items":[{"id":"r-1"}],"paging":{"next":"after=cjE"}}""", "application/json"),
            (_, response) => response.Headers["X-Total-Count"] = "2");

        var result = await CompiledClient.InvokeAsync(Compiled.Value, "Pages", server.BaseAddress.ToString());

        Assert.Equal("2|1|2", result);
    }

    [Fact]
    public async Task A_declared_303_is_followed_with_GET_and_read_as_the_declared_type()
    {
        using var server = new LoopbackServer(
            request => request.Method == "POST" ? (303, string.Empty, null) : (200, """{"format":"pdf"}""", "application/json"),
            (request, response) => { if (request.Method == "POST") response.Headers["Location"] = "/v1/renderings/g-5"; });

        var result = await CompiledClient.InvokeAsync(Compiled.Value, "Render", server.BaseAddress.ToString());

        Assert.Equal("pdf", result);
        Assert.Equal(new[] { "POST /v1/reports/r-1/render", "GET /v1/renderings/g-5" }, server.Requests.Select(r => r.Method + " " + r.RawUrl));
    }

    [Fact]
    public async Task A_redirect_only_download_is_a_stream_fetched_without_the_calls_parameters()
    {
        using var storage = new LoopbackServer(_ => (200, "report bytes", "application/octet-stream"));
        using var api = new LoopbackServer(_ => (302, string.Empty, null), (_, response) => response.Headers["Location"] = storage.BaseAddress + "blobs/r-1?sig=s3cr3t");

        var result = await CompiledClient.InvokeAsync(Compiled.Value, "Download", api.BaseAddress.ToString());

        Assert.Equal("report bytes|/blobs/r-1", result);
        Assert.Equal("probe", Assert.Single(api.Requests).Headers["X-Client"]);
        Assert.Null(Assert.Single(storage.Requests).Headers["X-Client"]);
    }

    [Fact]
    public async Task A_header_that_is_not_of_its_declared_type_fails_the_call_and_names_the_header()
    {
        using var server = new LoopbackServer(_ => (200, ReportJson, "application/json"), (_, response) => response.Headers["X-Rate-Limit-Remaining"] = "lots");

        var result = await CompiledClient.InvokeAsync(Compiled.Value, "BadHeader", server.BaseAddress.ToString());

        Assert.Contains("The response of getReport (HTTP 200) could not be read: The X-Rate-Limit-Remaining header, 'lots', is not of the type the API document declares for it (Int32).", result);
    }
}
