using System.Linq;
using System.Threading.Tasks;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>The generated client, compiled and loaded, talks to a real HTTP server on 127.0.0.1.</summary>
public sealed class LoopbackTests
{
    private const string Spec = """
        openapi: 3.0.3
        info:
          title: SEI Widgets API
          version: 1.0.0
        servers:
          - url: https://api.example.com
        paths:
          /v1/widgets/{widgetId}:
            put:
              operationId: replaceWidget
              parameters:
                - name: widgetId
                  in: path
                  required: true
                  schema: { type: string }
                - name: tags
                  in: query
                  schema: { type: array, items: { type: string } }
                - name: ids
                  in: query
                  explode: false
                  schema: { type: array, items: { type: integer, format: int32 } }
                - name: X-Source
                  in: header
                  schema: { type: string }
                - name: region
                  in: cookie
                  schema: { type: string }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Widget' }
              responses:
                '200':
                  description: The widget.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Widget' }
            delete:
              operationId: deleteWidget
              parameters:
                - name: widgetId
                  in: path
                  required: true
                  schema: { type: string }
              responses:
                '204': { description: Deleted. }
                '404':
                  description: Not found.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Error' }
        components:
          schemas:
            Color:
              type: string
              enum: [RED, GREEN]
            Widget:
              type: object
              required: [name, color]
              properties:
                name: { type: string }
                color: { $ref: '#/components/schemas/Color' }
                weight: { type: number, format: decimal }
                madeOn: { type: string, format: date }
                parts: { type: array, items: { type: array, items: { type: integer } } }
                labels: { type: object, additionalProperties: { type: string } }
            Error:
              type: object
              properties:
                code: { type: string }
                message: { type: string }
        """;

    private const string Probe = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Consumer.Widgets.V1;

        public static class Probe
        {
            public static async Task<string> Replace(string baseUrl)
            {
                var client = new WidgetsClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                var widget = new Widget { Name = "Bolt ü", Color = Color.Green, Weight = 1.25m, MadeOn = new DateOnly(2024, 2, 29), Parts = new List<IList<long>> { new List<long> { 1, 2 } }, Labels = new Dictionary<string, string> { ["a"] = "b" } };
                var response = await client.ReplaceWidgetAsync("a/b c é", widget, new[] { "x", "y z" }, new[] { 1, 2 }, "tour", "eu");
                Widget back = response;
                return string.Join("|", back.Name, back.Color.WireValue, back.Color.IsKnown, back.Weight, back.MadeOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), back.Parts![0][1], back.Labels!["a"], back.AdditionalProperties.Count, response.TrackingId);
            }

            public static async Task<string> Delete(string baseUrl)
            {
                var client = new WidgetsClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                try
                {
                    await client.DeleteWidgetAsync("missing");
                    return "no exception";
                }
                catch (Sei.Client.SeiApiException exception)
                {
                    return string.Join("|", (int)exception.StatusCode, exception.Code, exception.Transient, exception.TrackingId);
                }
            }
        }
        """;

    [Fact]
    public async Task Sends_method_url_query_headers_cookies_and_body_and_reads_the_response()
    {
        using var server = new LoopbackServer(request => (200, """{"name":"Bolt ü","color":"PURPLE","weight":1.25,"madeOn":"2024-02-29","parts":[[1,2]],"labels":{"a":"b"},"extra":{"x":1}}""", "application/json"));
        var assembly = CompiledClient.Compile(GeneratorHarness.Run(new[] { new SpecFile("/project/widgets.yaml", Spec) }, new[] { Probe }));

        var result = await CompiledClient.InvokeAsync(assembly, "Replace", server.BaseAddress.ToString());

        Assert.Equal("Bolt ü|PURPLE|False|1.25|2024-02-29|2|b|1|6cfbfd80-60ef-04bb-8b67-95f164846a3d", result);
        var request = Assert.Single(server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/v1/widgets/a%2Fb%20c%20%C3%A9?tags=x&tags=y%20z&ids=1,2", request.RawUrl);
        Assert.Equal("tour", request.Headers["X-Source"]);
        Assert.Equal("region=eu", request.Headers["Cookie"]);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("""{"name":"Bolt \u00FC","color":"GREEN","weight":1.25,"madeOn":"2024-02-29","parts":[[1,2]],"labels":{"a":"b"}}""", request.Body);
    }

    [Fact]
    public async Task An_error_status_becomes_a_typed_exception_with_the_envelope()
    {
        using var server = new LoopbackServer(_ => (404, """{"code":"widgets.not.found","message":"No such widget","trackingId":"body-id","transient":"false","errors":[]}""", "application/json"));
        var assembly = CompiledClient.Compile(GeneratorHarness.Run(new[] { new SpecFile("/project/widgets.yaml", Spec) }, new[] { Probe }));

        var result = await CompiledClient.InvokeAsync(assembly, "Delete", server.BaseAddress.ToString());

        Assert.Equal("404|widgets.not.found|False|6cfbfd80-60ef-04bb-8b67-95f164846a3d", result);
        Assert.Equal("DELETE", Assert.Single(server.Requests).Method);
    }
}
