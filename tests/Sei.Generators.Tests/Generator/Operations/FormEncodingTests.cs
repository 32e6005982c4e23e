using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator.Operations;

/// <summary>
/// The <c>encoding</c> of form and multipart bodies, through a compiled client on loopback: a part's
/// <c>contentType</c> is used (an object declared <c>application/json</c> is one JSON part, not
/// <c>name[key]</c> text parts, and so is an object with no encoding, as OpenAPI's default says), a
/// field's style is honoured, and the parts a server receives are checked one by one.
/// </summary>
public sealed class FormEncodingTests
{
    private const string Document = """
        openapi: 3.0.3
        info:
          title: SEI Uploads API
          version: 1.0.0
        paths:
          /v1/uploads:
            post:
              operationId: uploadFile
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [file, metadata]
                      properties:
                        file: { type: string, format: binary }
                        metadata: { $ref: '#/components/schemas/Metadata' }
                        defaults: { $ref: '#/components/schemas/Metadata' }
                        attachments: { type: array, items: { $ref: '#/components/schemas/Metadata' } }
                        tags: { type: array, items: { type: string } }
                        flattened: { $ref: '#/components/schemas/Metadata' }
                        table: { type: string }
                        count: { type: integer, format: int32 }
                    encoding:
                      metadata: { contentType: application/json }
                      flattened: { style: deepObject, explode: true }
                      table: { contentType: text/csv }
                      file: { contentType: image/png }
              responses:
                '204': { description: Stored. }
          /v1/forms:
            post:
              operationId: submitForm
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      properties:
                        card: { $ref: '#/components/schemas/Metadata' }
                        payload: { $ref: '#/components/schemas/Metadata' }
                        ids: { type: array, items: { type: string } }
                        spaced: { type: array, items: { type: string } }
                        repeated: { type: array, items: { type: string } }
                    encoding:
                      payload: { contentType: application/json }
                      ids: { style: pipeDelimited }
                      spaced: { style: form, explode: false }
              responses:
                '204': { description: Submitted. }
        components:
          schemas:
            Metadata:
              type: object
              properties:
                name: { type: string }
                size: { type: integer, format: int32 }
        """;

    private const string Probe = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Consumer.Uploads.V1;
        using Sei.Client;

        public static class Probe
        {
            public static async Task<string> Upload(string baseUrl)
            {
                var client = new UploadsClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                await client.UploadFileAsync(new UploadFileRequest
                {
                    File = SeiFile.FromBytes(new byte[] { 137, 80, 78, 71 }, "logo.png"),
                    Metadata = new Metadata { Name = "logo", Size = 4 },
                    Defaults = new Metadata { Name = "d" },
                    Attachments = new[] { new Metadata { Name = "a1" }, new Metadata { Name = "a2" } },
                    Tags = new[] { "x", "y" },
                    Flattened = new Metadata { Name = "f", Size = 1 },
                    Table = "a,b\n1,2",
                    Count = 3,
                });
                return "sent";
            }

            public static async Task<string> Submit(string baseUrl)
            {
                var client = new UploadsClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                await client.SubmitFormAsync(new SubmitFormRequest
                {
                    Card = new Metadata { Name = "visa", Size = 16 },
                    Payload = new Metadata { Name = "p" },
                    Ids = new[] { "a", "b" },
                    Spaced = new[] { "c", "d" },
                    Repeated = new[] { "e", "f" },
                });
                return "sent";
            }
        }
        """;

    private static readonly Lazy<System.Reflection.Assembly> Compiled = new(() => CompiledClient.Compile(GeneratorHarness.Run(new[] { new SpecFile("/project/uploads.yaml", Document) }, new[] { Probe })));

    /// <summary>One part of a multipart body: its name, file name, media type and content.</summary>
    private sealed record Part(string Name, string? FileName, string? ContentType, string Body);

    [Fact]
    public async Task Multipart_parts_take_the_media_type_their_encoding_or_type_gives_them()
    {
        using var server = new LoopbackServer(_ => (204, string.Empty, null));

        await CompiledClient.InvokeAsync(Compiled.Value, "Upload", server.BaseAddress.ToString());

        var request = Assert.Single(server.Requests);
        var parts = Parse(request);
        Assert.Equal(
            new[]
            {
                new Part("tags", null, "text/plain; charset=utf-8", "x"),
                new Part("tags", null, "text/plain; charset=utf-8", "y"),
                new Part("flattened[name]", null, "text/plain; charset=utf-8", "f"),
                new Part("flattened[size]", null, "text/plain; charset=utf-8", "1"),
                new Part("count", null, "text/plain; charset=utf-8", "3"),
                new Part("file", "logo.png", "image/png", "\u0089PNG"),
                new Part("metadata", null, "application/json", """{"name":"logo","size":4}"""),
                new Part("defaults", null, "application/json", """{"name":"d"}"""),
                new Part("attachments", null, "application/json", """{"name":"a1"}"""),
                new Part("attachments", null, "application/json", """{"name":"a2"}"""),
                new Part("table", null, "text/csv; charset=utf-8", "a,b\n1,2"),
            },
            parts);
    }

    [Fact]
    public async Task Form_fields_follow_their_encoding_and_keep_the_bracket_convention_otherwise()
    {
        using var server = new LoopbackServer(_ => (204, string.Empty, null));

        await CompiledClient.InvokeAsync(Compiled.Value, "Submit", server.BaseAddress.ToString());

        var request = Assert.Single(server.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(
            "card%5Bname%5D=visa&card%5Bsize%5D=16"
            + "&payload=%7B%22name%22%3A%22p%22%7D"
            + "&ids=a%7Cb"
            + "&spaced=c%2Cd"
            + "&repeated=e&repeated=f",
            request.Body);
    }

    /// <summary>Splits a multipart/form-data body at its boundary and reads each part's disposition, type and content (bytes as Latin-1 characters).</summary>
    private static List<Part> Parse(RecordedRequest request)
    {
        var boundary = MediaTypeHeaderValue.Parse(request.ContentType!).Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var text = Encoding.Latin1.GetString(request.BodyBytes!);
        var parts = new List<Part>();
        foreach (var section in text.Split("--" + boundary).Skip(1))
        {
            if (section.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var split = section.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = section.Substring(2, split - 2).Split("\r\n").Select(h => h.Split(": ", 2)).ToDictionary(h => h[0], h => h[1], StringComparer.OrdinalIgnoreCase);
            var disposition = ContentDispositionHeaderValue.Parse(headers["Content-Disposition"]);
            var body = section.Substring(split + 4, section.Length - split - 6);
            parts.Add(new Part(disposition.Name!.Trim('"'), disposition.FileName?.Trim('"'), headers.TryGetValue("Content-Type", out var type) ? type : null, body));
        }

        return parts;
    }
}
