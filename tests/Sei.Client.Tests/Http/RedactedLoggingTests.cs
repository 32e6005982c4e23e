using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sei.Client.DependencyInjection;
using Sei.Client.Http;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Client.Tests.Http;

/// <summary>
/// What the HTTP logs of a registered client may show. This project runs on Microsoft.Extensions.Http 8,
/// whose own loggers write every header value and whole URLs unless told otherwise (what .NET
/// Framework, netstandard and .NET 8 applications get): the registration must not depend on that default.
/// </summary>
public sealed class RedactedLoggingTests
{
    private const string AppSecret = "app-secret/with+odd=chars";
    private const string ApiKey = "query-api-key-5d1e9c";
    private const string HeaderApiKey = "header-api-key-77a0b3";
    private const string UserInfoPassword = "userinfo-password-0c4f";

    private sealed class ThingsClient : SeiClientBase
    {
        public static readonly SeiApiDescription Description = new("https://api.example.com", null, "https://api.example.com/oauth/v1/token");

        public ThingsClient(HttpClient httpClient, SeiClientOptions options, ILogger? logger = null)
            : base(httpClient, options, logger, Description)
        {
        }

        public async Task<SeiResponse> GetThingAsync(CancellationToken cancellationToken = default)
        {
            var request = new SeiRequestBuilder(HttpMethod.Get, "/v1/things", "getThing");

            // An API that takes its key in the query (OpenAPI apiKey "in: query") puts it in every URL.
            request.AddQueryParameter("api_key", ApiKey);
            request.AddQueryParameter("status", "open");
            return CreateResponse(await SendAsync(request, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>An application's own handler that adds an API key header, as for an OpenAPI apiKey "in: header".</summary>
    private sealed class ApiKeyHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Api-Key", HeaderApiKey);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Registered_clients_log_traffic_down_to_trace_without_credentials(bool userInfoInBaseAddress)
    {
        var tokens = 0;
        using var server = new LoopbackServer(request => request.RawUrl.StartsWith("/oauth/", StringComparison.Ordinal)
            ? (200, "{\"access_token\":\"issued-token-" + Interlocked.Increment(ref tokens) + "-9f8e7d\",\"expires_in\":3600}", "application/json")
            : (200, string.Empty, null));
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSeiClient(
                ThingsClient.Description,
                (http, options, provider) => new ThingsClient(http, options, provider.GetRequiredService<ILoggerFactory>().CreateLogger<ThingsClient>()),
                options =>
                {
                    options.BaseAddress = userInfoInBaseAddress ? new UriBuilder(server.BaseAddress) { UserName = "svc", Password = UserInfoPassword }.Uri : server.BaseAddress;
                    options.UseClientCredentials("app-key", AppSecret);
                    options.LoggedHeaders.Add("Accept-Encoding");
                })
            .AddHttpMessageHandler(() => new ApiKeyHandler());
        using var app = services.BuildServiceProvider();

        await app.GetRequiredService<ThingsClient>().GetThingAsync();

        var findings = new SecretScan()
            .Add("app secret", AppSecret)
            .AddBasicPair("app key and secret", "app-key", AppSecret)
            .Add("issued token", "issued-token-1-9f8e7d")
            .Add("query API key", ApiKey)
            .Add("header API key", HeaderApiKey)
            .Add("password in the URL", UserInfoPassword)
            .Find(logs.Entries.Select(e => e.Text));
        Assert.True(findings.Count == 0, string.Join("\n", findings));

        // Still logged: the factory's categories, the URL's shape, the tracking ID, the headers named as loggable.
        const string Category = "System.Net.Http.HttpClient.Sei.Client.Tests.Http.RedactedLoggingTests+ThingsClient.ClientHandler";
        var port = server.BaseAddress.Port;
        Assert.Contains(logs.Entries, e => e.Category == Category && e.Text.Contains($"Sending HTTP request GET http://127.0.0.1:{port}/v1/things?api_key=*&status=*", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category == Category && e.Text.Contains($"Sending HTTP request POST http://127.0.0.1:{port}/oauth/v1/token", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category == Category && e.Text.Contains("X-Api-Key: *", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category == Category && e.Text.Contains("Authorization: *", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category == Category && e.Text.Contains("RequestTrackingId: " + LoopbackServer.TrackingId, StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category.EndsWith("ThingsClient.LogicalHandler", StringComparison.Ordinal) && e.Text.Contains("End processing HTTP request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Credential_headers_stay_hidden_even_when_named_as_loggable()
    {
        using var server = new LoopbackServer(_ => (200, string.Empty, null), (_, response) => response.Headers["Set-Cookie"] = "session=cookie-secret-31f2");
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddHttpClient("sei-sign-in").AddSeiRedactingLogger(new[] { "Authorization", "Set-Cookie", "Content-Length" });
        using var app = services.BuildServiceProvider();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseAddress);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "bearer-secret-81c4");

        using var response = await app.GetRequiredService<IHttpClientFactory>().CreateClient("sei-sign-in").SendAsync(request);

        var text = logs.AllText;
        Assert.DoesNotContain("bearer-secret-81c4", text);
        Assert.DoesNotContain("cookie-secret-31f2", text);
        Assert.Contains("Authorization: *", text);
        Assert.Contains("Set-Cookie: *", text);
        Assert.Contains("Content-Length: 0", text);
    }

    [Theory]
    [InlineData("https://api.example.com/v1/things", "https://api.example.com/v1/things")]
    [InlineData("https://svc:p%40ss@api.example.com:8443/v1/things?api_key=k&status=open#frag", "https://api.example.com:8443/v1/things?api_key=*&status=*")]
    [InlineData("http://127.0.0.1:5000/oauth/v1/token?", "http://127.0.0.1:5000/oauth/v1/token")]
    [InlineData("http://[::1]:5000/a?secretonly", "http://[::1]:5000/a?*")]
    [InlineData("/v1/things?api_key=k#x", "/v1/things?api_key=*")]
    public void Urls_lose_their_user_information_and_query_values(string url, string logged)
        => Assert.Equal(logged, SeiRedaction.Url(new Uri(url, UriKind.RelativeOrAbsolute)));

    [Fact]
    public void Known_secrets_are_taken_out_of_text_in_each_encoding()
    {
        var text = "echo: s3cret+value/x, s3cret%2Bvalue%2Fx, s3cret%2bvalue%2fx; short: abc";

        var scrubbed = SeiRedaction.Scrub(text, new[] { "s3cret+value/x", "abc", null });

        Assert.Equal("echo: ***, ***, ***; short: abc", scrubbed);
    }
}
