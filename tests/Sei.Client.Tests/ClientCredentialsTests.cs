using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sei.Client.DependencyInjection;
using Sei.Client.Http;
using Sei.Testing;
using Xunit;

namespace Sei.Client.Tests;

/// <summary>OAuth 2.0 client credentials against a real token endpoint and API on 127.0.0.1.</summary>
public sealed class ClientCredentialsTests
{
    private const string DocumentTokenUrl = "https://api.example.com/oauth/v1/token";
    private static readonly string ExpectedBasic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("app-key:app-secret"));

    private sealed class ThingsClient : SeiClientBase
    {
        public static readonly SeiApiDescription Description = new("https://api.example.com", null, DocumentTokenUrl);

        public ThingsClient(HttpClient httpClient, SeiClientOptions options, ILogger? logger = null)
            : base(httpClient, options, logger, Description)
        {
        }

        public async Task<SeiResponse> GetThingAsync(CancellationToken cancellationToken = default)
            => CreateResponse(await SendAsync(new SeiRequestBuilder(HttpMethod.Get, "/v1/things", "getThing"), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A token endpoint and an API in one: tokens "t1", "t2", ...; the API accepts only the newest.</summary>
    private sealed class AuthServer : IDisposable
    {
        private int _issued;

        public AuthServer(bool rejectCredentials = false)
        {
            Server = new LoopbackServer(request =>
            {
                if (request.RawUrl.StartsWith("/oauth/v1/token", StringComparison.Ordinal))
                {
                    if (rejectCredentials || request.Headers["Authorization"] != ExpectedBasic || request.Body != "grant_type=client_credentials")
                    {
                        return (401, """{"error":"invalid_client","error_description":"Client authentication failed"}""", "application/json");
                    }

                    Thread.Sleep(100);
                    var token = "t" + Interlocked.Increment(ref _issued);
                    return (200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}", "application/json");
                }

                return request.Headers["Authorization"] == "Bearer t" + Volatile.Read(ref _issued) ? (200, string.Empty, null) : (401, """{"code":"gateway.authentication.failure"}""", "application/json");
            });
        }

        public LoopbackServer Server { get; }

        public int TokenRequests => Server.Requests.Count(r => r.RawUrl.StartsWith("/oauth/", StringComparison.Ordinal));

        public void Expire() => Interlocked.Increment(ref _issued);

        public void Dispose() => Server.Dispose();
    }

    private static SeiClientOptions Options(Uri baseAddress) => new SeiClientOptions { BaseAddress = baseAddress }.UseClientCredentials("app-key", "app-secret");

    [Fact]
    public async Task Fifty_concurrent_calls_cause_exactly_one_token_request()
    {
        using var auth = new AuthServer();
        var options = Options(auth.Server.BaseAddress);
        var client = new ThingsClient(SeiHttpClientFactory.Create(ThingsClient.Description, options), options);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetThingAsync()));

        Assert.Equal(1, auth.TokenRequests);
        Assert.Equal(50, auth.Server.Requests.Count(r => r.Headers["Authorization"] == "Bearer t1"));
    }

    [Fact]
    public async Task An_expired_token_is_replaced_and_the_call_recovered_transparently()
    {
        using var auth = new AuthServer();
        var options = Options(auth.Server.BaseAddress);
        var client = new ThingsClient(SeiHttpClientFactory.Create(ThingsClient.Description, options), options);
        await client.GetThingAsync();

        auth.Expire();
        var response = await client.GetThingAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, auth.TokenRequests);
    }

    [Fact]
    public async Task The_documents_token_url_moves_to_the_environment_in_use()
    {
        using var auth = new AuthServer();
        var services = new ServiceCollection();
        services.AddSeiClient(ThingsClient.Description, (http, options, _) => new ThingsClient(http, options), options => options.BaseAddress = auth.Server.BaseAddress)
            .Services.Configure<SeiClientOptions>(typeof(ThingsClient).FullName, options => options.UseClientCredentials("app-key", "app-secret"));

        await services.BuildServiceProvider().GetRequiredService<ThingsClient>().GetThingAsync();

        Assert.Equal("/oauth/v1/token", auth.Server.Requests.First().RawUrl);
        Assert.Equal(1, auth.TokenRequests);
    }

    [Fact]
    public async Task Refused_credentials_give_a_clear_error_without_the_secret()
    {
        using var auth = new AuthServer(rejectCredentials: true);
        var options = Options(auth.Server.BaseAddress);
        var client = new ThingsClient(SeiHttpClientFactory.Create(ThingsClient.Description, options), options);

        var exception = await Assert.ThrowsAsync<SeiAuthenticationException>(() => client.GetThingAsync());

        Assert.Equal("invalid_client", exception.Error);
        Assert.Contains("Check the app key and secret", exception.Message);
        Assert.DoesNotContain("app-secret", exception.ToString());
        Assert.Equal(0, auth.Server.Requests.Count(r => r.RawUrl.StartsWith("/v1/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Credentials_are_never_sent_to_another_host()
    {
        using var auth = new AuthServer();
        using var elsewhere = new LoopbackServer(_ => (200, string.Empty, null));
        var options = Options(auth.Server.BaseAddress);
        using var http = SeiHttpClientFactory.Create(ThingsClient.Description, options);

        using var response = await http.GetAsync(new Uri(elsewhere.BaseAddress, "/v1/other"));

        Assert.Null(elsewhere.Requests.Single().Headers["Authorization"]);
        Assert.Equal(0, auth.TokenRequests);
    }
}
