using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Sei.Client.Authentication;
using Sei.Client.Http;
using Sei.Client.Resilience;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Client.Tests;

/// <summary>
/// The Sei.Client meter, read with a MeterListener as OpenTelemetry reads it: every way a call ends
/// (answered, refused with an envelope, retried, unreachable, refused before sending), token requests
/// and paging walks, with OpenTelemetry's attribute names and nothing of high cardinality (IDs, query
/// strings, tracking IDs). Each test reads only the measurements for its own server's port, so tests
/// that run in parallel do not see each other's.
/// </summary>
public sealed class MetricsTests
{
    private sealed class ProbeClient : SeiClientBase
    {
        public ProbeClient(HttpClient httpClient)
            : base(httpClient, new SeiClientOptions { Retry = { Enabled = false } }, null, "http://127.0.0.1:1/")
        {
        }

        public async Task<SeiResponse> GetThingAsync(string id, string? filter = null, CancellationToken cancellationToken = default)
        {
            var request = new SeiRequestBuilder(HttpMethod.Get, "/v1/things/{thingId}", "getThing");
            request.SetPathParameter("thingId", id);
            if (filter is not null)
            {
                request.AddQueryParameter("filter", filter);
            }

            return CreateResponse(await SendAsync(request, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>What the listener recorded: instrument, value and attributes.</summary>
    private sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<Measurement> _measurements = new();

        public Recorder()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SeiTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.Start();
        }

        /// <summary>The measurements of one instrument about one server port, or with no port (pages).</summary>
        public List<Measurement> Of(string instrument, int? port = null)
            => _measurements.Where(m => m.Instrument == instrument && (port is null || Equals(m.Tags.GetValueOrDefault("server.port"), port))).ToList();

        public List<Measurement> All => _measurements.ToList();

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
            => _measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
    }

    private static ProbeClient Client(Uri baseAddress, HttpMessageHandler? handler = null)
        => new(handler is null ? new HttpClient { BaseAddress = baseAddress } : new HttpClient(handler) { BaseAddress = baseAddress });

    [Fact]
    public async Task A_call_is_measured_by_operation_method_template_status_and_server()
    {
        using var recorder = new Recorder();
        using var server = new LoopbackServer(_ => (200, "{}", "application/json"));

        await Client(server.BaseAddress).GetThingAsync("T-12345", filter: "secret-looking");

        var call = Assert.Single(recorder.Of(SeiTelemetry.OperationDurationInstrument, server.BaseAddress.Port));
        Assert.True(call.Value > 0);
        Assert.Equal("getThing", call.Tags["sei.operation"]);
        Assert.Equal("GET", call.Tags["http.request.method"]);
        Assert.Equal("/v1/things/{thingId}", call.Tags["url.template"]);
        Assert.Equal(200, call.Tags["http.response.status_code"]);
        Assert.Equal("127.0.0.1", call.Tags["server.address"]);
        Assert.Equal("http", call.Tags["url.scheme"]);
        Assert.False(call.Tags.ContainsKey("error.type"));
        Assert.False(call.Tags.ContainsKey("sei.error.code"));

        // Nothing of high cardinality: no path value, query, tracking ID or URL.
        var values = string.Join(" ", call.Tags.Values);
        Assert.DoesNotContain("T-12345", values);
        Assert.DoesNotContain("secret-looking", values);
        Assert.DoesNotContain(LoopbackServer.TrackingId, values);
    }

    [Fact]
    public async Task An_error_envelope_is_measured_with_its_status_and_SEI_code()
    {
        using var recorder = new Recorder();
        using var server = new LoopbackServer(_ => (404, """{"code":"accounts.not_found","message":"No such thing","trackingId":"t","transient":false}""", "application/json"));

        await Assert.ThrowsAsync<SeiApiException>(() => Client(server.BaseAddress).GetThingAsync("x"));

        var call = Assert.Single(recorder.Of(SeiTelemetry.OperationDurationInstrument, server.BaseAddress.Port));
        Assert.Equal(404, call.Tags["http.response.status_code"]);
        Assert.Equal("accounts.not_found", call.Tags["sei.error.code"]);
        Assert.Equal("404", call.Tags["error.type"]);
    }

    [Fact]
    public async Task A_retry_is_counted_and_the_call_is_measured_once_with_its_final_status()
    {
        using var recorder = new Recorder();
        var answered = 0;
        using var server = new LoopbackServer(
            _ => Interlocked.Increment(ref answered) == 1 ? (503, """{"code":"busy","message":"Busy","transient":true}""", "application/json") : (200, "{}", "application/json"),
            (_, response) => response.Headers["Retry-After"] = "0");
        var retrying = new SeiRetryHandler(new SeiRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) }) { InnerHandler = new HttpClientHandler() };

        await Client(server.BaseAddress, retrying).GetThingAsync("x");

        var retry = Assert.Single(recorder.Of(SeiTelemetry.RetriesInstrument, server.BaseAddress.Port));
        Assert.Equal(1, retry.Value);
        Assert.Equal("getThing", retry.Tags["sei.operation"]);
        Assert.Equal(503, retry.Tags["http.response.status_code"]);
        var call = Assert.Single(recorder.Of(SeiTelemetry.OperationDurationInstrument, server.BaseAddress.Port));
        Assert.Equal(200, call.Tags["http.response.status_code"]);
    }

    [Fact]
    public async Task Calls_that_get_no_answer_are_measured_with_the_exception_type()
    {
        using var recorder = new Recorder();
        int port;
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var unreachable = new Uri("http://127.0.0.1:" + port + "/");
        await Assert.ThrowsAsync<SeiTransportException>(() => Client(unreachable).GetThingAsync("x"));
        await Assert.ThrowsAsync<SeiUrlTooLongException>(() => Client(unreachable).GetThingAsync("x", filter: new string('f', 3000)));

        var calls = recorder.Of(SeiTelemetry.OperationDurationInstrument, port);
        Assert.Equal(new[] { typeof(SeiTransportException).FullName, typeof(SeiUrlTooLongException).FullName }, calls.Select(c => c.Tags["error.type"]));
        Assert.All(calls, c => Assert.False(c.Tags.ContainsKey("http.response.status_code")));
    }

    [Fact]
    public async Task A_token_request_is_measured_by_grant_and_endpoint()
    {
        using var recorder = new Recorder();
        using var server = new LoopbackServer(request => request.Body.Contains("wrong", StringComparison.Ordinal)
            ? (401, """{"error":"invalid_client"}""", "application/json")
            : (200, """{"access_token":"a-token","expires_in":60}""", "application/json"));
        using var http = new HttpClient();
        var endpoint = new SeiResolvedEndpoint(new Uri(server.BaseAddress, "oauth/v1/token"), SeiEndpointSource.Configured);

        await SeiTokenEndpoint.RequestAsync(http.SendAsync, endpoint, new[] { new KeyValuePair<string, string>("grant_type", "client_credentials") }, null, null, CancellationToken.None);
        await Assert.ThrowsAsync<SeiAuthenticationException>(() => SeiTokenEndpoint.RequestAsync(http.SendAsync, endpoint, new[] { new KeyValuePair<string, string>("grant_type", "password"), new KeyValuePair<string, string>("password", "wrong") }, null, null, CancellationToken.None));

        var requests = recorder.Of(SeiTelemetry.TokenRequestDurationInstrument, server.BaseAddress.Port);
        Assert.Equal(new object?[] { "client_credentials", "password" }, requests.Select(r => r.Tags["sei.oauth.grant_type"]));
        Assert.Equal(new object?[] { 200, 401 }, requests.Select(r => r.Tags["http.response.status_code"]));
        Assert.False(requests[0].Tags.ContainsKey("error.type"));
        Assert.Equal("401", requests[1].Tags["error.type"]);
        Assert.DoesNotContain(requests.SelectMany(r => r.Tags.Values), value => value is string text && (text.Contains("a-token", StringComparison.Ordinal) || text.Contains("wrong", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_paging_walk_counts_the_pages_it_reads()
    {
        using var recorder = new Recorder();
        var operation = "walk-" + Guid.NewGuid().ToString("N");
        var cursors = new[] { "c1", "c2", null };
        var pages = 0;
        Task<SeiPage<int>> Fetch(SeiCursor? cursor, CancellationToken token)
        {
            var next = cursors[pages++];
            using var message = new HttpResponseMessage();
            var response = new SeiResponse(System.Net.HttpStatusCode.OK, null, message.Headers);
            return Task.FromResult(new SeiPage<int>(new[] { pages }, null, null, new SeiPageCursors(null, null, null, next is null ? null : "after=" + next, null), response));
        }

        var items = new List<int>();
        await foreach (var item in SeiPaging.EnumerateAsync<int>(operation, Fetch))
        {
            items.Add(item);
        }

        Assert.Equal(new[] { 1, 2, 3 }, items);
        Assert.Equal(3, recorder.All.Count(m => m.Instrument == SeiTelemetry.PagesInstrument && Equals(m.Tags["sei.operation"], operation)));
    }
}
