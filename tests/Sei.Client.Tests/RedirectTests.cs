using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sei.Client.Http;
using Sei.Client.Json;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Client.Tests;

/// <summary>
/// Redirects are followed by the client under its own rules, through the same pipeline as the call:
/// parameters, cookies and the token reach only the API's origin, HTTPS is never given up, chains are
/// bounded, and the final body is read as the operation declares it. Real servers on 127.0.0.1; two
/// servers are two origins.
/// </summary>
public sealed class RedirectTests
{
    /// <summary>A client shaped like generated code.</summary>
    private sealed class ProbeClient : SeiClientBase
    {
        public ProbeClient(HttpClient httpClient, SeiClientOptions options, ILogger? logger = null)
            : base(httpClient, options, logger, "http://127.0.0.1:1/")
        {
        }

        public async Task<SeiResponse<JsonElement>> CreateReportAsync(string body, CancellationToken cancellationToken = default)
        {
            var request = Request(HttpMethod.Post, "/v1/reports", "createReport");
            request.Content = SeiContent.Text(body);
            return await ReadJsonAsync(await SendAsync(request, cancellationToken).ConfigureAwait(false), request.OperationName, static (ref Utf8JsonReader reader) => SeiJson.ReadElement(ref reader), cancellationToken).ConfigureAwait(false);
        }

        public async Task<SeiResponse<Stream>> DownloadAsync(CancellationToken cancellationToken = default)
        {
            var request = Request(HttpMethod.Get, "/v1/files/{fileId}/content", "downloadFile");
            request.SetPathParameter("fileId", "f-1");
            return await ReadStreamAsync(await SendAsync(request, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        private static SeiRequestBuilder Request(HttpMethod method, string path, string name)
        {
            var request = new SeiRequestBuilder(method, path, name);
            request.AddHeader("X-Source", "probe");
            request.AddCookie("session", "s-1");
            return request;
        }
    }

    private static ProbeClient Client(Uri api, SeiClientOptions? options = null, CapturingLogger? logger = null)
    {
        options ??= new SeiClientOptions();
        options.BaseAddress = api;
        options.Retry.Enabled = false;

        // The client as Create builds it: the primary handler, a bearer token for the API's origin only.
        options.AccessTokenSource = _ => Task.FromResult("token-abc");
        return new ProbeClient(SeiHttpClientFactory.Create(new SeiApiDescription(api.AbsoluteUri, null, null), options), options, logger);
    }

    [Fact]
    public async Task A_303_on_the_same_origin_is_followed_with_GET_and_keeps_parameters_cookies_and_token()
    {
        using var api = new LoopbackServer(request => request.RawUrl == "/v1/reports"
            ? (303, string.Empty, null)
            : (200, """{"id":"r-7","state":"done"}""", "application/json"),
            (request, response) => { response.Headers["RequestTrackingId"] = LoopbackServer.TrackingId; if (request.RawUrl == "/v1/reports") response.Headers["Location"] = "/v1/reports/r-7?view=full"; });
        var logger = new CapturingLogger();

        var response = await Client(api.BaseAddress, logger: logger).CreateReportAsync("make it");

        Assert.Equal("done", response.Value.GetProperty("state").GetString());
        Assert.Equal(api.BaseAddress + "v1/reports/r-7?view=full", response.RequestUri!.AbsoluteUri);
        var requests = api.Requests.ToArray();
        Assert.Equal(new[] { "POST /v1/reports", "GET /v1/reports/r-7?view=full" }, requests.Select(r => r.Method + " " + r.RawUrl));
        Assert.Equal("make it", requests[0].Body);
        Assert.Equal(string.Empty, requests[1].Body);
        foreach (var request in requests)
        {
            Assert.Equal("Bearer token-abc", request.Headers["Authorization"]);
            Assert.Equal("probe", request.Headers["X-Source"]);
            Assert.Equal("session=s-1", request.Headers["Cookie"]);
        }

        var redirect = Assert.Single(logger.Entries, e => e.Message.Contains("redirected", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, redirect.Level);
        Assert.Contains("createReport was redirected by 303 to " + api.BaseAddress + "v1/reports/r-7; following it with GET", redirect.Message);
        Assert.DoesNotContain("view=full", logger.AllText);
    }

    [Fact]
    public async Task A_redirect_to_another_origin_carries_no_token_no_parameters_and_no_cookies_and_a_binary_stays_a_stream()
    {
        using var storage = new LoopbackServer(_ => (200, "%PDF-1.7 bytes", "application/pdf"));
        using var api = new LoopbackServer(
            _ => (303, string.Empty, null),
            (_, response) => response.Headers["Location"] = storage.BaseAddress + "blobs/f-1?sig=secret-signature");
        var logger = new CapturingLogger();

        var response = await Client(api.BaseAddress, logger: logger).DownloadAsync();
        using var reader = new StreamReader(response.Value);

        Assert.Equal("%PDF-1.7 bytes", await reader.ReadToEndAsync());
        Assert.Equal("application/pdf", response.ContentHeaders.ContentType!.MediaType);
        Assert.Equal("Bearer token-abc", Assert.Single(api.Requests).Headers["Authorization"]);
        var hop = Assert.Single(storage.Requests);
        Assert.Equal("GET /blobs/f-1?sig=secret-signature", hop.Method + " " + hop.RawUrl);
        Assert.Null(hop.Headers["Authorization"]);
        Assert.Null(hop.Headers["X-Source"]);
        Assert.Null(hop.Headers["Cookie"]);
        Assert.DoesNotContain("secret-signature", logger.AllText);
    }

    [Theory]
    [InlineData(307, "POST")]
    [InlineData(308, "POST")]
    [InlineData(301, "GET")]
    [InlineData(302, "GET")]
    public async Task The_status_decides_whether_the_method_and_body_are_kept(int status, string expectedMethod)
    {
        using var api = new LoopbackServer(
            request => request.RawUrl == "/v1/reports" ? (status, string.Empty, null) : (201, """{"id":"r-8"}""", "application/json"),
            (request, response) => { if (request.RawUrl == "/v1/reports") response.Headers["Location"] = "/v1/reports-v2"; });

        await Client(api.BaseAddress).CreateReportAsync("payload");

        var hop = api.Requests.ToArray()[1];
        Assert.Equal(expectedMethod, hop.Method);
        Assert.Equal(expectedMethod == "POST" ? "payload" : string.Empty, hop.Body);
    }

    [Fact]
    public async Task A_redirect_loop_stops_after_the_configured_number_of_redirects()
    {
        using var api = new LoopbackServer(_ => (302, string.Empty, null), (_, response) => response.Headers["Location"] = "/v1/files/f-1/content?again=1");

        var exception = await Assert.ThrowsAsync<SeiRedirectException>(() => Client(api.BaseAddress, new SeiClientOptions { MaxRedirects = 3 }).DownloadAsync());

        Assert.Equal(4, api.Requests.Count);
        Assert.Equal(HttpStatusCode.Found, exception.StatusCode);
        Assert.Contains("redirected more than 3 times", exception.Message);
        Assert.Contains("SeiClientOptions.MaxRedirects", exception.Message);
        Assert.IsAssignableFrom<SeiException>(exception);
    }

    [Fact]
    public async Task With_redirects_switched_off_the_first_one_fails_and_names_the_setting()
    {
        using var api = new LoopbackServer(_ => (303, string.Empty, null), (_, response) => response.Headers["Location"] = "/elsewhere");

        var exception = await Assert.ThrowsAsync<SeiRedirectException>(() => Client(api.BaseAddress, new SeiClientOptions { MaxRedirects = 0 }).DownloadAsync());

        Assert.Single(api.Requests);
        Assert.Contains("MaxRedirects is 0", exception.Message);
    }

    [Fact]
    public async Task A_redirect_without_a_location_is_an_api_error()
    {
        using var api = new LoopbackServer(_ => (302, """{"code":"moved","message":"Gone elsewhere"}""", "application/json"));

        var exception = await Assert.ThrowsAsync<SeiApiException>(() => Client(api.BaseAddress).DownloadAsync());

        Assert.Equal(HttpStatusCode.Found, exception.StatusCode);
        Assert.Equal("moved", exception.Code);
    }

    [Fact]
    public async Task A_redirect_from_https_to_http_is_refused()
    {
        // No HTTPS server here: a handler stands in for the network and answers the HTTPS request with a downgrade.
        var handler = new ScriptedHandler(request => request.RequestUri!.Scheme == "https"
            ? new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("http://api.example.com/v1/files/f-1/content") } }
            : new HttpResponseMessage(HttpStatusCode.OK));
        var options = new SeiClientOptions { BaseAddress = new Uri("https://api.example.com/") };

        var exception = await Assert.ThrowsAsync<SeiRedirectException>(() => new ProbeClient(new HttpClient(handler), options).DownloadAsync());

        Assert.Equal(1, handler.Calls);
        Assert.Contains("from HTTPS to plain HTTP", exception.Message);
        Assert.Equal("http://api.example.com/v1/files/f-1/content", exception.Location);
    }

    [Fact]
    public void The_primary_handler_leaves_redirects_to_the_client()
    {
        using var handler = (HttpClientHandler)SeiPrimaryHandler.Create(new SeiClientOptions());

        Assert.False(handler.AllowAutoRedirect);
    }

    private sealed class ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            var response = respond(request);
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
