using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sei.Client.Http;
using Sei.Client.Json;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Client.Tests;

/// <summary>
/// What a response carries besides its body: content headers on HEAD, OPTIONS and ranged responses,
/// typed header readers, and a declared 304 Not Modified as a result the caller tests.
/// </summary>
public sealed class ResponseHeadersTests
{
    private sealed class ProbeClient(HttpClient httpClient) : SeiClientBase(httpClient, null, null, "http://127.0.0.1:1/")
    {
        public async Task<SeiResponse> SendAsync(HttpMethod method, string path, Action<SeiRequestBuilder>? prepare = null)
        {
            var request = new SeiRequestBuilder(method, path, "probe");
            prepare?.Invoke(request);
            return CreateResponse(await SendAsync(request, CancellationToken.None).ConfigureAwait(false));
        }

        public async Task<SeiResponse<JsonElement>> GetJsonAsync(string etag, bool notModifiedIsResult)
        {
            var request = new SeiRequestBuilder(HttpMethod.Get, "/v1/things/1", "getThing") { NotModifiedIsResult = notModifiedIsResult };
            request.AddHeader("If-None-Match", etag);
            return await ReadJsonAsync(await SendAsync(request, CancellationToken.None).ConfigureAwait(false), "getThing", static (ref Utf8JsonReader reader) => SeiJson.ReadElement(ref reader), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static ProbeClient Client(LoopbackServer server) => new(new HttpClient { BaseAddress = server.BaseAddress });

    [Fact]
    public async Task Content_headers_are_readable_on_HEAD_responses()
    {
        using var server = new LoopbackServer(_ => (200, string.Empty, null), (_, response) =>
        {
            response.ContentLength64 = 52_428_800;
            response.Headers["Last-Modified"] = "Tue, 15 Nov 1994 08:12:31 GMT";
            response.ContentType = "application/pdf";
        });

        var response = await Client(server).SendAsync(HttpMethod.Head, "/v1/files/f-1");

        Assert.Equal(52_428_800, response.ContentHeaders.ContentLength);
        Assert.Equal(new DateTimeOffset(1994, 11, 15, 8, 12, 31, TimeSpan.Zero), response.ContentHeaders.LastModified);
        Assert.Equal("application/pdf", response.ContentHeaders.ContentType!.MediaType);
        Assert.Equal(new DateTimeOffset(1994, 11, 15, 8, 12, 31, TimeSpan.Zero), SeiHeaderReader.Value(response, "Last-Modified", "probe", SeiHeaderReader.DateTime));
        Assert.Equal(52_428_800L, SeiHeaderReader.Value(response, "Content-Length", "probe", SeiHeaderReader.Int64));
    }

    [Fact]
    public async Task Allow_is_readable_on_OPTIONS_responses()
    {
        using var server = new LoopbackServer(_ => (204, string.Empty, null), (_, response) => response.Headers["Allow"] = "GET, HEAD, PATCH");

        var response = await Client(server).SendAsync(HttpMethod.Options, "/v1/things/1");

        Assert.Equal(new[] { "GET", "HEAD", "PATCH" }, response.ContentHeaders.Allow.ToArray());
        Assert.Equal(new[] { "GET", "HEAD", "PATCH" }, SeiHeaderReader.List(response, "Allow", "probe", static text => text));
    }

    [Fact]
    public async Task Content_range_is_readable_on_ranged_responses()
    {
        using var server = new LoopbackServer(_ => (206, "0123456789", "application/octet-stream"), (_, response) => response.Headers["Content-Range"] = "bytes 0-9/100");

        var response = await Client(server).SendAsync(HttpMethod.Get, "/v1/files/f-1", request => request.AddHeader("Range", "bytes=0-9"));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(0, response.ContentHeaders.ContentRange!.From);
        Assert.Equal(9, response.ContentHeaders.ContentRange.To);
        Assert.Equal(100, response.ContentHeaders.ContentRange.Length);
        Assert.Equal(10, response.ContentHeaders.ContentLength);
        Assert.Equal("bytes=0-9", server.Requests.Single().Headers["Range"]);
    }

    [Fact]
    public async Task A_declared_304_is_a_result_without_a_value_and_an_undeclared_one_an_error()
    {
        using var server = new LoopbackServer(_ => (304, string.Empty, null), (_, response) => response.Headers["ETag"] = "\"v7\"");

        var response = await Client(server).GetJsonAsync("\"v7\"", notModifiedIsResult: true);

        Assert.True(response.IsNotModified);
        Assert.False(response.HasValue);
        Assert.Equal("\"v7\"", SeiHeaderReader.Text(response, "ETag"));
        var misuse = Assert.Throws<InvalidOperationException>(() => (JsonElement)response);
        Assert.Contains("Test IsNotModified", misuse.Message);
        Assert.Equal("\"v7\"", server.Requests.Single().Headers["If-None-Match"]);

        var error = await Assert.ThrowsAsync<SeiApiException>(() => Client(server).GetJsonAsync("\"v7\"", notModifiedIsResult: false));
        Assert.Equal(HttpStatusCode.NotModified, error.StatusCode);
    }

    [Fact]
    public async Task A_header_that_is_not_of_its_declared_type_fails_like_a_body_that_is_not()
    {
        using var server = new LoopbackServer(_ => (200, string.Empty, null), (_, response) => { response.Headers["X-Rate-Limit-Remaining"] = "many"; response.Headers["RequestTrackingId"] = "t-1"; });

        var response = await Client(server).SendAsync(HttpMethod.Get, "/v1/things");
        var exception = Assert.Throws<SeiResponseFormatException>(() => SeiHeaderReader.Value(response, "X-Rate-Limit-Remaining", "listThings", SeiHeaderReader.Int32));

        Assert.Contains("The X-Rate-Limit-Remaining header, 'many', is not of the type the API document declares for it (Int32)", exception.Message);
        Assert.Equal("t-1", exception.TrackingId);
        Assert.Null(SeiHeaderReader.Value(response, "X-Absent", "listThings", SeiHeaderReader.Int32));
    }

    [Fact]
    public async Task A_relative_location_is_resolved_against_the_url_that_answered()
    {
        using var server = new LoopbackServer(_ => (201, string.Empty, null), (_, response) => response.Headers["Location"] = "/v1/things/9");

        var response = await Client(server).SendAsync(HttpMethod.Post, "/v1/things");

        Assert.Equal(new Uri(server.BaseAddress, "/v1/things/9"), SeiHeaderReader.Uri(response, "Location", "createThing"));
    }
}
