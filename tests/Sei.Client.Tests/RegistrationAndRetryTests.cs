using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sei.Client.DependencyInjection;
using Sei.Client.Http;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Client.Tests;

/// <summary>Registration on IHttpClientFactory and SEI's retry rules, against a real HTTP server on 127.0.0.1.</summary>
public sealed class RegistrationAndRetryTests
{
    private sealed class ThingsClient : SeiClientBase
    {
        public ThingsClient(HttpClient httpClient, SeiClientOptions? options = null, ILogger? logger = null)
            : base(httpClient, options, logger, "http://127.0.0.1:1/")
        {
        }

        public SeiClientOptions CurrentOptions => Options;

        public async Task<SeiResponse> SendThingAsync(HttpMethod method, string? idempotencyKey = null, CancellationToken cancellationToken = default)
        {
            var request = new SeiRequestBuilder(method, "/v1/things", "thing");
            request.AddHeader("Idempotency-Key", idempotencyKey);
            if (method != HttpMethod.Get)
            {
                request.Content = SeiContent.Json(writer => writer.WriteStringValue("x"), "application/json");
            }

            return CreateResponse(await SendAsync(request, cancellationToken).ConfigureAwait(false));
        }
    }

    private static readonly SeiApiDescription Api = new("http://127.0.0.1:1/", null, null);

    private static ThingsClient Resolve(Action<SeiClientOptions>? configure)
    {
        var services = new ServiceCollection();
        services.AddSeiClient(Api, (http, options, _) => new ThingsClient(http, options), configure);
        return services.BuildServiceProvider().GetRequiredService<ThingsClient>();
    }

    private static Action<SeiClientOptions> At(Uri baseAddress, bool retries = true) => options =>
    {
        options.BaseAddress = baseAddress;
        options.Retry.Enabled = retries;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
    };

    private static LoopbackServer FailingFirst(int failures, int status, string body, string? retryAfter)
    {
        var count = 0;
        return new LoopbackServer(
            _ => Interlocked.Increment(ref count) <= failures ? (status, body, "application/json") : (200, string.Empty, null),
            (_, response) =>
            {
                response.Headers["RequestTrackingId"] = LoopbackServer.TrackingId;
                if (retryAfter is not null && response.StatusCode != 200)
                {
                    response.Headers["Retry-After"] = retryAfter;
                }
            });
    }

    [Fact]
    public void Registered_clients_get_their_own_options()
    {
        var client = Resolve(options => options.Environment = SeiEnvironment.Pilot);

        Assert.Equal(SeiEnvironment.Pilot, client.CurrentOptions.Environment);
    }

    [Fact]
    public void Options_bind_from_configuration_without_reflection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sei:Things:BaseAddress"] = "https://things.example.com/",
            ["Sei:Things:Environment"] = "qa",
            ["Sei:Things:UseMutualTlsPort"] = "true",
            ["Sei:Things:TrackingIdHeaderName"] = "X-Tracking",
            ["Sei:Things:Retry:MaxRetryAttempts"] = "5",
            ["Sei:Things:Retry:MaxDelay"] = "00:00:10",
            ["Sei:Things:Timeout"] = "00:00:45",
            ["Sei:Things:LoggedHeaders:0"] = "ETag",
            ["Sei:Things:LoggedHeaders:1"] = "Location",
        }).Build();
        var services = new ServiceCollection();
        services.AddSeiClient(Api, (http, options, _) => new ThingsClient(http, options), configuration.GetSection("Sei:Things"));

        var options = services.BuildServiceProvider().GetRequiredService<ThingsClient>().CurrentOptions;

        Assert.Equal(new Uri("https://things.example.com/"), options.BaseAddress);
        Assert.Equal(SeiEnvironment.Qa, options.Environment);
        Assert.True(options.UseMutualTlsPort);
        Assert.Equal("X-Tracking", options.TrackingIdHeaderName);
        Assert.Equal(5, options.Retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(45), options.Timeout);
        Assert.Superset(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "etag", "location", "Content-Type" }, new HashSet<string>(options.LoggedHeaders, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_timeout_must_be_positive_or_infinite()
    {
        var options = new SeiClientOptions { Timeout = Timeout.InfiniteTimeSpan };

        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.FromSeconds(-5));
        Assert.Equal(Timeout.InfiniteTimeSpan, options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(100), new SeiClientOptions().Timeout);
    }

    /// <summary>
    /// The timeout bounds the whole call, retries included; a Retry-After wait that would outlast it is not
    /// started, so the caller gets the 429 and its Retry-After rather than a timeout that hides them.
    /// </summary>
    [Fact]
    public async Task A_retry_whose_wait_would_outlast_the_timeout_is_not_attempted()
    {
        using var server = FailingFirst(5, 429, """{"code":"gateway.quota.exceeded","transient":"true"}""", "20");
        var client = Resolve(options =>
        {
            At(server.BaseAddress)(options);
            options.Timeout = TimeSpan.FromSeconds(5);
        });

        var exception = await Assert.ThrowsAsync<SeiQuotaExceededException>(() => client.SendThingAsync(HttpMethod.Get));

        Assert.Equal(TimeSpan.FromSeconds(20), exception.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_503_with_retry_after_is_retried_for_a_safe_request()
    {
        using var server = FailingFirst(2, 503, string.Empty, "0");

        var response = await Resolve(At(server.BaseAddress)).SendThingAsync(HttpMethod.Get);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task An_error_marked_transient_is_retried_for_a_safe_request()
    {
        using var server = FailingFirst(1, 500, """{"code":"x.busy","message":"Busy","transient":"true"}""", null);

        await Resolve(At(server.BaseAddress)).SendThingAsync(HttpMethod.Put);

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("\"x\"", r.Body));
    }

    [Fact]
    public async Task A_post_is_retried_only_with_an_idempotency_key()
    {
        using var server = FailingFirst(1, 500, """{"code":"x.busy","transient":true}""", null);
        var client = Resolve(At(server.BaseAddress));

        var exception = await Assert.ThrowsAsync<SeiApiException>(() => client.SendThingAsync(HttpMethod.Post));
        Assert.True(exception.Transient);
        Assert.Single(server.Requests);

        await client.SendThingAsync(HttpMethod.Post, idempotencyKey: "k-1");
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Errors_not_marked_transient_are_not_retried()
    {
        using var server = FailingFirst(1, 500, """{"code":"x.broken","transient":"false"}""", null);

        await Assert.ThrowsAsync<SeiApiException>(() => Resolve(At(server.BaseAddress)).SendThingAsync(HttpMethod.Get));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Retries_can_be_turned_off()
    {
        using var server = FailingFirst(1, 429, """{"code":"gateway.quota"}""", "0");

        var exception = await Assert.ThrowsAsync<SeiQuotaExceededException>(() => Resolve(At(server.BaseAddress, retries: false)).SendThingAsync(HttpMethod.Get));

        Assert.Equal(TimeSpan.Zero, exception.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts_and_the_last_error_is_thrown()
    {
        using var server = FailingFirst(100, 503, """{"code":"x.down"}""", "0");

        var exception = await Assert.ThrowsAsync<SeiApiException>(() => Resolve(options =>
        {
            At(server.BaseAddress)(options);
            options.Retry.MaxRetryAttempts = 2;
        }).SendThingAsync(HttpMethod.Get));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }
}
