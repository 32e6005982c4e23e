using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>Cursor paging through the generated client against a real HTTP server on 127.0.0.1.</summary>
public sealed class PagingTests
{
    private const int TotalItems = 1_000;
    private const int PageSize = 50;

    private const string Spec = """
        openapi: 3.0.3
        info: {title: SEI Items API, version: '1'}
        paths:
          /v1/items:
            get:
              operationId: listItems
              parameters:
                - {name: limit, in: query, schema: {type: integer, format: int32}}
                - {name: kind, in: query, schema: {type: string}}
                - {name: before, in: query, schema: {type: string}}
                - {name: after, in: query, schema: {type: string}}
              responses:
                '200':
                  description: A page.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          result:
                            type: object
                            properties:
                              entries: {type: array, items: {$ref: '#/components/schemas/Item'}}
                          paging: {$ref: '#/components/schemas/Paging'}
        components:
          schemas:
            Item:
              type: object
              required: [id]
              properties:
                id: {type: integer, format: int32}
                blob: {type: string}
            Paging:
              type: object
              properties:
                totalCount: {type: integer}
                limit: {type: integer, format: int32}
                next: {type: string, nullable: true}
                self: {type: string}
        """;

    private const string Probe = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Consumer.Items.V1;

        public static class Probe
        {
            public static async Task<string> All(string baseUrl)
            {
                var client = new ItemsClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                var count = 0;
                var sum = 0L;
                WeakReference? first = null;
                await foreach (var item in client.ListItemsAsync(limit: 50, kind: "widget"))
                {
                    first ??= new WeakReference(item);
                    count++;
                    sum += item.Id;
                    if (count == 500)
                    {
                        // Resumed on a fresh stack, so that no slot of this frame the JIT keeps alive
                        // (unoptimised code reports every temporary as live) still holds the first item.
                        await Task.Yield();
                        GC.Collect();
                        GC.WaitForPendingFinalizers();
                        GC.Collect();
                    }
                }

                return count + "|" + sum + "|" + (first!.IsAlive ? "retained" : "released");
            }

            public static async Task<string> Page(string baseUrl)
            {
                var client = new ItemsClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                var first = await client.ListItemsPageAsync(limit: 50);
                var second = await client.ListItemsPageAsync(limit: 50, cursor: first.Next);
                return string.Join("|", first.Items.Count, first.TotalCount, first.Limit, first.Next, second.Items[0].Id, second.TrackingId);
            }

            public static async Task<string> Repeated(string baseUrl)
            {
                var client = new ItemsClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                var count = 0;
                try
                {
                    await foreach (var item in client.ListItemsAsync(limit: 50)) count++;
                    return "no exception";
                }
                catch (Sei.Client.SeiPagingException exception)
                {
                    return count + "|" + exception.Cursor;
                }
            }

            public static async Task<string> Cancelled(string baseUrl)
            {
                var client = new ItemsClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                using var cancellation = new CancellationTokenSource();
                var count = 0;
                try
                {
                    await foreach (var item in client.ListItemsAsync(limit: 50).WithCancellation(cancellation.Token))
                    {
                        if (++count == 60) cancellation.Cancel();
                    }

                    return "no exception";
                }
                catch (OperationCanceledException)
                {
                    return count.ToString();
                }
            }
        }
        """;

    private static readonly Lazy<System.Reflection.Assembly> Assembly = new(() => CompiledClient.Compile(GeneratorHarness.Run(new[] { new SpecFile("/project/items.yaml", Spec) }, new[] { Probe })));

    /// <summary>A cursor whose Base64 text holds '+', '/' and '=', which must travel URL-encoded.</summary>
    private static string Cursor(int start) => Convert.ToBase64String(new byte[] { 0xFB, 0xFF, (byte)(start / PageSize) });

    private static int StartOf(string rawUrl)
    {
        var query = rawUrl.Contains('?') ? rawUrl[(rawUrl.IndexOf('?') + 1)..] : string.Empty;
        var after = query.Split('&').Select(p => p.Split('=')).Where(p => p[0] == "after").Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();
        return after is null ? 0 : Convert.FromBase64String(after)[2] * PageSize;
    }

    private static (int, string, string?) Pager(RecordedRequest request, bool repeatCursor = false)
    {
        var start = StartOf(request.RawUrl);
        var end = Math.Min(start + PageSize, TotalItems);
        var items = string.Join(",", Enumerable.Range(start, end - start).Select(i => "{\"id\":" + i + ",\"blob\":\"" + new string('x', 200) + "\"}"));
        var next = end >= TotalItems ? "null" : "\"before=&after=" + (repeatCursor ? Cursor(PageSize) : Cursor(end)) + "\"";
        return (200, "{\"result\":{\"entries\":[" + items + "]},\"paging\":{\"totalCount\":" + TotalItems + ",\"limit\":" + PageSize + ",\"next\":" + next + ",\"self\":\"\"}}", "application/json");
    }

    [Fact]
    public async Task Every_item_of_every_page_is_streamed_lazily_keeping_the_other_arguments()
    {
        using var server = new LoopbackServer(request => Pager(request));

        var result = await CompiledClient.InvokeAsync(Assembly.Value, "All", server.BaseAddress.ToString());

        Assert.Equal($"{TotalItems}|{TotalItems * (TotalItems - 1) / 2}|released", result);
        var requests = server.Requests.ToList();
        Assert.Equal(TotalItems / PageSize, requests.Count);
        Assert.All(requests, r => Assert.Contains("limit=50&kind=widget", r.RawUrl));
        Assert.Contains(requests, r => r.RawUrl.Contains("after=%2B%2F8B"));
    }

    [Fact]
    public async Task A_page_carries_the_figures_and_cursors_and_resumes_from_a_cursor()
    {
        using var server = new LoopbackServer(request => Pager(request));

        var result = await CompiledClient.InvokeAsync(Assembly.Value, "Page", server.BaseAddress.ToString());

        Assert.Equal($"50|{TotalItems}|50|before=&after=+/8B|50|6cfbfd80-60ef-04bb-8b67-95f164846a3d", result);
    }

    [Fact]
    public async Task A_repeated_cursor_stops_paging_with_an_error_instead_of_looping()
    {
        using var server = new LoopbackServer(request => Pager(request, repeatCursor: true));

        var result = await CompiledClient.InvokeAsync(Assembly.Value, "Repeated", server.BaseAddress.ToString());

        Assert.Equal("100|before=&after=+/8B", result);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_mid_paging_stops_before_the_next_request()
    {
        using var server = new LoopbackServer(request => Pager(request));

        var result = await CompiledClient.InvokeAsync(Assembly.Value, "Cancelled", server.BaseAddress.ToString());

        Assert.Equal("60", result);
        Assert.Equal(2, server.Requests.Count);
    }

    /// <summary>
    /// Response shapes where the paging object sits one wrapper down, beside or away from the items;
    /// each is paged through a compiled client. The "meta" wrapper holds a list of its own (warnings),
    /// which must not be taken for the items.
    /// </summary>
    public static TheoryData<string, string, string> NestedPagingShapes => new()
    {
        {
            "meta.paging, items on the response",
            """{type: object, properties: {data: {type: array, items: {$ref: '#/components/schemas/Item'}}, meta: {type: object, properties: {paging: {$ref: '#/components/schemas/Paging'}}}}}""",
            """{"data":[ITEMS],"meta":{"paging":PAGING}}"""
        },
        {
            "meta.paging beside a warnings list, items one wrapper down",
            """{type: object, properties: {result: {type: object, properties: {entries: {type: array, items: {$ref: '#/components/schemas/Item'}}}}, meta: {type: object, properties: {warnings: {type: array, items: {type: string}}, paging: {$ref: '#/components/schemas/Paging'}}}}}""",
            """{"result":{"entries":[ITEMS]},"meta":{"warnings":["slow"],"paging":PAGING}}"""
        },
        {
            "items and paging in one wrapper",
            """{type: object, properties: {data: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/Item'}}, paging: {$ref: '#/components/schemas/Paging'}}}}}""",
            """{"data":{"items":[ITEMS],"paging":PAGING}}"""
        },
    };

    [Theory]
    [MemberData(nameof(NestedPagingShapes))]
    public async Task A_paging_object_one_wrapper_down_gets_the_same_stream_and_page_methods(string shape, string responseSchema, string bodyTemplate)
    {
        var spec = $$$$"""
            openapi: 3.0.3
            info: {title: SEI Items API, version: '1'}
            paths:
              /v1/items:
                get:
                  operationId: listItems
                  parameters:
                    - {name: limit, in: query, schema: {type: integer, format: int32}}
                    - {name: after, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: A page.
                      content:
                        application/json:
                          schema: {{{{responseSchema}}}}
            components:
              schemas:
                Item: {type: object, required: [id], properties: {id: {type: integer, format: int32}}}
                Paging: {type: object, properties: {totalCount: {type: integer}, limit: {type: integer, format: int32}, next: {type: string, nullable: true}}}
            """;
        const string probe = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Consumer.Items.V1;

            public static class Probe
            {
                public static async Task<string> Walk(string baseUrl)
                {
                    var client = new ItemsClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                    var count = 0;
                    await foreach (var item in client.ListItemsAsync(limit: 50)) count++;
                    var page = await client.ListItemsPageAsync(limit: 50);
                    return count + "|" + page.Items.Count + "|" + page.TotalCount + "|" + (page.Next is null ? "end" : "more");
                }
            }
            """;
        var assembly = CompiledClient.Compile(GeneratorHarness.Run(new[] { new SpecFile("/project/items.yaml", spec) }, new[] { probe }));
        const int total = 120;
        using var server = new LoopbackServer(request =>
        {
            var start = StartOf(request.RawUrl);
            var end = Math.Min(start + PageSize, total);
            var items = string.Join(",", Enumerable.Range(start, end - start).Select(i => "{\"id\":" + i + "}"));
            var next = end >= total ? "null" : "\"before=&after=" + Cursor(end) + "\"";
            var paging = "{\"totalCount\":" + total + ",\"limit\":" + PageSize + ",\"next\":" + next + "}";
            return (200, bodyTemplate.Replace("ITEMS", items, StringComparison.Ordinal).Replace("PAGING", paging, StringComparison.Ordinal), "application/json");
        });

        var result = await CompiledClient.InvokeAsync(assembly, "Walk", server.BaseAddress.ToString());

        Assert.True(result == total + "|50|" + total + "|more", shape + ": " + result);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public void The_paging_shape_is_found_however_the_items_are_wrapped()
    {
        var client = GeneratorHarness.Run(new SpecFile("/project/items.yaml", Spec)).Source(".Client.g.cs");

        Assert.Contains("IAsyncEnumerable<global::Consumer.Items.V1.Item> ListItemsAsync(", client);
        Assert.Contains("Task<global::Sei.Client.SeiPage<global::Consumer.Items.V1.Item>> ListItemsPageAsync(", client);
        Assert.Contains("__page.Value.Result?.Entries", client);
    }
}
