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
using Sei.Tests.Support;
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

    /// <summary>A client made without dependency injection (Create's path), with client credentials, calling <paramref name="baseAddress"/>.</summary>
    private static ThingsClient Created(Uri baseAddress, Action<SeiClientOptions>? adjust = null)
    {
        var options = Options(baseAddress);
        adjust?.Invoke(options);
        return new ThingsClient(SeiHttpClientFactory.Create(ThingsClient.Description, options), options);
    }

    [Fact]
    public async Task Fifty_concurrent_calls_cause_exactly_one_token_request()
    {
        using var auth = new AuthServer();
        var client = Created(auth.Server.BaseAddress);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetThingAsync()));

        Assert.Equal(1, auth.TokenRequests);
        Assert.Equal(50, auth.Server.Requests.Count(r => r.Headers["Authorization"] == "Bearer t1"));
    }

    [Fact]
    public async Task An_expired_token_is_replaced_and_the_call_recovered_transparently()
    {
        using var auth = new AuthServer();
        var client = Created(auth.Server.BaseAddress);
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
        var client = Created(auth.Server.BaseAddress);

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

    [Fact]
    public async Task A_token_endpoint_answering_with_the_sei_envelope_is_caught_like_any_sei_error()
    {
        using var server = new LoopbackServer(
            _ => (401, """{"code":"gateway.authentication.failure","message":"Gateway Authentication Failed, Please validate Credentials","trackingId":"body-id","transient":"true"}""", "application/json"),
            (_, response) => response.Headers["RequestTrackingId"] = "header-id");
        var client = Created(server.BaseAddress, options => options.Retry.Enabled = false);

        // The same catch as for an API's own errors.
        SeiApiException? caught = null;
        try
        {
            await client.GetThingAsync();
        }
        catch (SeiApiException exception)
        {
            caught = exception;
        }

        var refused = Assert.IsType<SeiAuthenticationException>(caught);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("gateway.authentication.failure", refused.Code);
        Assert.Equal("Gateway Authentication Failed, Please validate Credentials", refused.ServerMessage);
        Assert.True(refused.Transient);
        Assert.Equal("header-id", refused.TrackingId);
        Assert.Equal("token request (client_credentials)", refused.OperationName);
        Assert.Equal("client_credentials", refused.GrantType);
        Assert.Equal(new Uri(server.BaseAddress, "/oauth/v1/token"), refused.TokenUrl);
    }

    [Fact]
    public async Task An_oauth_error_fills_code_and_server_message_when_there_is_no_envelope()
    {
        using var auth = new AuthServer(rejectCredentials: true);
        var client = Created(auth.Server.BaseAddress);

        var exception = await Assert.ThrowsAnyAsync<SeiApiException>(() => client.GetThingAsync());

        Assert.Equal(("invalid_client", "Client authentication failed", false), (exception.Code, exception.ServerMessage, exception.Transient));
        Assert.Equal(LoopbackServer.TrackingId, exception.TrackingId);
    }

    [Fact]
    public async Task What_the_request_carried_is_taken_out_of_an_error_that_echoes_it()
    {
        var secretForms = new[] { "app-secret", Convert.ToBase64String(Encoding.UTF8.GetBytes("app-key:app-secret")) };
        using var server = new LoopbackServer(request => (400, "{\"error\":\"invalid_client\",\"error_description\":\"got " + request.Headers["Authorization"] + " = app-key:app-secret\",\"message\":\"secret app-secret refused\"}", "application/json"));
        var client = Created(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<SeiAuthenticationException>(() => client.GetThingAsync());

        foreach (var form in secretForms)
        {
            Assert.DoesNotContain(form, exception.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(form, exception.RawBody, StringComparison.Ordinal);
            Assert.DoesNotContain(form, exception.ServerMessage ?? string.Empty, StringComparison.Ordinal);
        }

        Assert.Contains("got Basic *** = ***", exception.Message, StringComparison.Ordinal);
        Assert.Contains("secret *** refused", exception.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_without_an_access_token_keeps_none_of_its_body()
    {
        using var server = new LoopbackServer(_ => (200, """{"refresh_token":"refresh-secret-2b9c","token_type":"Bearer"}""", "application/json"));
        var client = Created(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<SeiAuthenticationException>(() => client.GetThingAsync());

        Assert.Equal(string.Empty, exception.RawBody);
        Assert.DoesNotContain("refresh-secret-2b9c", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("had no access_token", exception.Message, StringComparison.Ordinal);
    }
}
