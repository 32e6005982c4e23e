using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sei.Client.Authentication;
using Sei.Client.Http;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Client.Tests;

/// <summary>
/// When the token request itself fails (refused, unreachable, timed out, not JSON), the error names the
/// token endpoint, not the API; and where each token request goes is logged at Information before it is sent.
/// </summary>
public sealed class TokenFailureTests
{
    private const string Secret = "s3cr3t-app-secret";

    private sealed class ThingsClient : SeiClientBase
    {
        public ThingsClient(HttpClient httpClient, SeiClientOptions options, SeiApiDescription api)
            : base(httpClient, options, null, api)
        {
        }

        public async Task GetThingAsync(CancellationToken cancellationToken = default)
            => CreateResponse(await SendAsync(new SeiRequestBuilder(HttpMethod.Get, "/v1/things", "getThing"), cancellationToken).ConfigureAwait(false));
    }

    private sealed class CapturingFactory : ILoggerFactory
    {
        public CapturingLogger Logger { get; } = new();

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => Logger;

        public void Dispose()
        {
        }
    }

    private static (ThingsClient Client, HttpClient Http) Client(Uri apiAddress, Uri tokenUrl, ILoggerFactory? loggers = null)
    {
        var api = new SeiApiDescription("https://api.example.com", null, "https://api.example.com/oauth/token");
        var options = new SeiClientOptions { BaseAddress = apiAddress }.UseClientCredentials("app-key", Secret);
        options.ClientCredentials!.TokenUrl = tokenUrl;
        options.Retry.Enabled = false;
        var http = SeiHttpClientFactory.Create(api, options, loggers);
        return (new ThingsClient(http, options, api), http);
    }

    private static Uri ClosedPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return new Uri("http://127.0.0.1:" + ((IPEndPoint)socket.LocalEndpoint).Port + "/oauth/token");
    }

    [Fact]
    public async Task An_unreachable_token_endpoint_is_named_and_logged_before_the_attempt()
    {
        using var apiServer = new LoopbackServer(_ => (200, string.Empty, null));
        var tokenUrl = ClosedPort();
        var loggers = new CapturingFactory();
        var (client, _) = Client(apiServer.BaseAddress, tokenUrl, loggers);

        var exception = await Assert.ThrowsAsync<SeiTransportException>(() => client.GetThingAsync());

        Assert.Equal(tokenUrl, exception.ServerUrl);
        Assert.Contains("token request to " + tokenUrl, exception.Message);
        Assert.DoesNotContain(apiServer.BaseAddress.Authority, exception.Message);
        Assert.Empty(apiServer.Requests);
        var logged = Assert.Single(loggers.Logger.Entries, e => e.Message.StartsWith("Requesting an OAuth token", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, logged.Level);
        Assert.Contains(tokenUrl.ToString(), logged.Message);
        Assert.Contains("configured by the application", logged.Message);
        Assert.DoesNotContain(Secret, loggers.Logger.AllText);
    }

    [Fact]
    public async Task A_token_endpoint_that_times_out_is_named_in_the_timeout()
    {
        using var apiServer = new LoopbackServer(_ => (200, string.Empty, null));
        using var slowTokens = new LoopbackServer(_ => (200, """{"access_token":"late"}""", "application/json"), responseDelay: TimeSpan.FromSeconds(30));
        var tokenUrl = new Uri(slowTokens.BaseAddress, "oauth/token");
        var (client, http) = Client(apiServer.BaseAddress, tokenUrl);
        http.Timeout = TimeSpan.FromMilliseconds(300);

        var exception = await Assert.ThrowsAsync<SeiTimeoutException>(() => client.GetThingAsync());

        Assert.Equal(tokenUrl, exception.ServerUrl);
        Assert.StartsWith("The OAuth 2.0 token request of getThing got no answer from " + tokenUrl, exception.Message);
        Assert.Empty(apiServer.Requests);
    }

    [Fact]
    public async Task An_answer_that_is_not_json_is_named_with_its_content_type()
    {
        using var server = new LoopbackServer(request => request.RawUrl == "/oauth/token" ? (200, "<html>Sign in</html>", "text/html") : (200, string.Empty, null));
        var (client, _) = Client(server.BaseAddress, new Uri(server.BaseAddress, "oauth/token"));

        var exception = await Assert.ThrowsAsync<SeiAuthenticationException>(() => client.GetThingAsync());

        Assert.Contains("token endpoint " + new Uri(server.BaseAddress, "oauth/token"), exception.Message);
        Assert.Contains("not JSON (text/html)", exception.Message);
        Assert.DoesNotContain(server.Requests, r => r.RawUrl.StartsWith("/v1/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_token_endpoint_that_redirects_gets_the_credentials_and_its_target_none(int status)
    {
        using var elsewhere = new LoopbackServer(_ => (200, """{"access_token":"stolen"}""", "application/json"));
        var target = new Uri(elsewhere.BaseAddress, "collect?x=1");
        using var server = new LoopbackServer(
            request => request.RawUrl == "/oauth/token" ? (status, string.Empty, null) : (200, string.Empty, null),
            (request, response) =>
            {
                if (request.RawUrl == "/oauth/token")
                {
                    response.Headers["Location"] = target.ToString();
                }
            });
        var (client, _) = Client(server.BaseAddress, new Uri(server.BaseAddress, "oauth/token"));

        var exception = await Assert.ThrowsAsync<SeiAuthenticationException>(() => client.GetThingAsync());

        // Neither the HTTP handler nor the client follows it: the key and secret stay with the token URL.
        Assert.Empty(elsewhere.Requests);
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Contains("redirected to " + new Uri(elsewhere.BaseAddress, "collect?x=*"), exception.Message);
        Assert.Contains("SeiClientCredentials.TokenUrl", exception.Message);
        Assert.DoesNotContain(server.Requests, r => r.RawUrl.StartsWith("/v1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_user_grants_name_their_endpoint_when_it_is_unreachable_or_slow()
    {
        var closed = ClosedPort();
        using var slow = new LoopbackServer(_ => (200, "{}", "application/json"), responseDelay: TimeSpan.FromSeconds(30));
        var unreachable = new SeiAuthorizationCodeFlow(new HttpClient(), new Uri("https://login.example.com/authorize"), closed, "app");
        var timedOut = new SeiAuthorizationCodeFlow(new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) }, new Uri("https://login.example.com/authorize"), new Uri(slow.BaseAddress, "token"), "app");

        var transport = await Assert.ThrowsAsync<SeiTransportException>(() => unreachable.RequestWithPasswordAsync("user", "pass"));
        var timeout = await Assert.ThrowsAsync<SeiTimeoutException>(() => timedOut.RefreshAsync("refresh"));

        Assert.Equal(closed, transport.ServerUrl);
        Assert.Equal(new Uri(slow.BaseAddress, "token"), timeout.ServerUrl);
        Assert.DoesNotContain("pass", transport.Message.Replace("passes", string.Empty, StringComparison.Ordinal).Split(' ').Where(w => w == "pass"));
    }
}
