using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sei.Client.Http;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Client.Tests;

/// <summary>The request pipeline every generated client shares, against a real HTTP server on 127.0.0.1.</summary>
public sealed class PipelineTests
{
    /// <summary>A client shaped like generated code: it builds a request and sends it through the base class.</summary>
    private sealed class ProbeClient : SeiClientBase
    {
        public ProbeClient(HttpClient httpClient, SeiClientOptions? options = null, ILogger? logger = null)
            : base(httpClient, options, logger, "http://127.0.0.1:1/")
        {
        }

        public async Task<SeiResponse> SearchThingsAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
        {
            var request = new SeiRequestBuilder(HttpMethod.Get, "/v1/things", "listThings") { SearchAlternative = "SearchThingsAsync (POST /v1/things/search)" };
            request.AddQueryParameter("ids", ids, SeiParameterStyle.Form, explode: false);
            return CreateResponse(await SendAsync(request, cancellationToken).ConfigureAwait(false));
        }

        public async Task<SeiResponse> GetThingAsync(string id, CancellationToken cancellationToken = default)
        {
            var request = new SeiRequestBuilder(HttpMethod.Get, "/v1/things/{thingId}", "getThing");
            request.SetPathParameter("thingId", id);
            return CreateResponse(await SendAsync(request, cancellationToken).ConfigureAwait(false));
        }
    }

    private static ProbeClient Client(Uri baseAddress, CapturingLogger? logger = null, SeiClientOptions? options = null, TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "secret-token-123");
        return new ProbeClient(http, options, logger);
    }

    [Fact]
    public async Task The_tracking_id_is_returned_logged_scoped_and_traced()
    {
        using var server = new LoopbackServer(_ => (200, string.Empty, null));
        var logger = new CapturingLogger();
        var tags = new List<object?>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SeiTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => tags.Add(activity.GetTagItem(SeiTelemetry.TrackingIdTag)),
        };
        ActivitySource.AddActivityListener(listener);

        var response = await Client(server.BaseAddress, logger).GetThingAsync("a/b");

        Assert.Equal(LoopbackServer.TrackingId, response.TrackingId);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("getThing GET /v1/things/{thingId} answered 200 in", entry.Message);
        Assert.Contains(LoopbackServer.TrackingId, entry.Message);
        Assert.Contains(entry.State, p => p.Key == "ElapsedMilliseconds");
        Assert.Contains(entry.ScopeProperties, p => p.Key == "RequestTrackingId" && (string?)p.Value == LoopbackServer.TrackingId);
        Assert.Contains(LoopbackServer.TrackingId, tags);
    }

    [Fact]
    public async Task Secrets_never_appear_in_the_logs()
    {
        using var server = new LoopbackServer(_ => (401, """{"code":"gateway.authentication.failure","message":"Gateway Authentication Failed","trackingId":"t","transient":"false"}""", "application/json"));
        var logger = new CapturingLogger();

        var exception = await Assert.ThrowsAsync<SeiApiException>(() => Client(server.BaseAddress, logger).GetThingAsync("x"));

        Assert.Contains("Bearer secret-token-123", server.Requests.Single().Headers["Authorization"]);
        Assert.DoesNotContain("secret-token-123", logger.AllText);
        Assert.DoesNotContain("secret-token-123", exception.ToString());
        Assert.Contains("Check that the credentials belong to this environment", exception.Message);
    }

    [Fact]
    public async Task A_response_without_the_header_is_logged_as_such_and_does_not_fail()
    {
        using var server = new LoopbackServer(_ => (204, string.Empty, null), (_, _) => { });
        var logger = new CapturingLogger();

        var response = await Client(server.BaseAddress, logger).GetThingAsync("x");

        Assert.Null(response.TrackingId);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("without a RequestTrackingId header", entry.Message);
    }

    [Fact]
    public async Task The_header_name_is_configurable_and_matched_case_insensitively()
    {
        using var server = new LoopbackServer(_ => (200, string.Empty, null), (_, response) => response.Headers["x-sei-tracking"] = "custom-id");

        var response = await Client(server.BaseAddress, options: new SeiClientOptions { TrackingIdHeaderName = "X-SEI-Tracking" }).GetThingAsync("x");

        Assert.Equal("custom-id", response.TrackingId);
    }

    [Fact]
    public async Task Quota_errors_expose_retry_after()
    {
        using var server = new LoopbackServer(
            _ => (429, """{"code":"gateway.quota.exceeded","message":"Quota exceeded","trackingId":"t","transient":"true"}""", "application/json"),
            (_, response) =>
            {
                response.Headers["RequestTrackingId"] = LoopbackServer.TrackingId;
                response.Headers["Retry-After"] = "7";
            });

        var exception = await Assert.ThrowsAsync<SeiQuotaExceededException>(() => Client(server.BaseAddress).GetThingAsync("x"));

        Assert.Equal(TimeSpan.FromSeconds(7), exception.RetryAfter);
        Assert.Equal((HttpStatusCode)429, exception.StatusCode);
        Assert.True(exception.Transient);
        Assert.Contains("wait 7 seconds", exception.Message);
        Assert.Equal(LoopbackServer.TrackingId, exception.TrackingId);
    }

    [Fact]
    public async Task An_html_error_page_still_gives_a_typed_exception_with_status_and_tracking_id()
    {
        using var server = new LoopbackServer(_ => (502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"));

        var exception = await Assert.ThrowsAsync<SeiApiException>(() => Client(server.BaseAddress).GetThingAsync("x"));

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Null(exception.Code);
        Assert.Equal(LoopbackServer.TrackingId, exception.TrackingId);
        Assert.Contains("502 Bad Gateway", exception.RawBody);
        Assert.Contains("Tracking ID: " + LoopbackServer.TrackingId, exception.Message);
    }

    [Fact]
    public async Task A_timeout_is_told_apart_from_an_api_error_and_from_the_callers_cancellation()
    {
        using var server = new LoopbackServer(_ => (200, string.Empty, null), responseDelay: TimeSpan.FromSeconds(5));

        var timeout = await Assert.ThrowsAsync<SeiTimeoutException>(() => Client(server.BaseAddress, timeout: TimeSpan.FromMilliseconds(200)).GetThingAsync("x"));
        Assert.Equal(TimeSpan.FromMilliseconds(200), timeout.Timeout);
        Assert.IsAssignableFrom<SeiTransportException>(timeout);

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(server.BaseAddress).GetThingAsync("x", cancellation.Token));
        Assert.IsNotType<SeiTimeoutException>(cancelled);
    }

    [Fact]
    public async Task A_refused_connection_is_a_transport_error()
    {
        int port;
        using (var socket = new TcpListener(IPAddress.Loopback, 0))
        {
            socket.Start();
            port = ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        var exception = await Assert.ThrowsAsync<SeiTransportException>(() => Client(new Uri($"http://127.0.0.1:{port}/")).GetThingAsync("x"));

        Assert.Null(exception.TrackingId);
        Assert.Contains("could not reach", exception.Message);
        Assert.IsType<HttpRequestException>(exception.InnerException);
    }

    [Fact]
    public async Task A_GET_URL_over_2048_characters_is_refused_before_sending_and_the_search_operation_is_named()
    {
        using var server = new LoopbackServer(_ => (200, string.Empty, null));
        var client = Client(server.BaseAddress);
        var prefix = server.BaseAddress.AbsoluteUri.TrimEnd('/') + "/v1/things?ids=";

        // Exactly at the limit is still sent; one character more is not. A "+" counts three times once encoded.
        var fits = new string('a', 2048 - prefix.Length);
        await client.SearchThingsAsync(new[] { fits });
        var exception = await Assert.ThrowsAsync<SeiUrlTooLongException>(() => client.SearchThingsAsync(new[] { fits[1..] + "+" }));

        Assert.Single(server.Requests);
        Assert.Equal(2050, exception.Length);
        Assert.Equal("listThings", exception.OperationName);
        Assert.Contains("Use SearchThingsAsync (POST /v1/things/search)", exception.Message);
    }
}
