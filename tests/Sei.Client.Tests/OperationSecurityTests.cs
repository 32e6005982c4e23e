using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Sei.Client.Http;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Client.Tests;

/// <summary>
/// Each operation's security decides what its request carries: no token for an anonymous one or one
/// that asks only for an API key, a token with its scopes otherwise; tokens are kept per scope set.
/// Against a real token endpoint and API on 127.0.0.1.
/// </summary>
public sealed class OperationSecurityTests
{
    private static readonly SeiSecurityScheme[] Schemes =
    {
        new("oauth", SeiSecuritySchemeKind.OAuth2, new SeiOAuthFlow(SeiOAuthFlowKind.ClientCredentials, "/oauth/token")),
        new("key", SeiSecuritySchemeKind.ApiKey) { ParameterName = "X-Key", ParameterLocation = SeiApiKeyLocation.Header },
        new("basic", SeiSecuritySchemeKind.HttpBasic),
        new("bearer", SeiSecuritySchemeKind.HttpBearer),
    };

    private static readonly Dictionary<string, SeiSecurity> PerOperation = new()
    {
        ["GET /v1/public"] = SeiSecurity.Anonymous,
        ["GET /v1/keyed"] = SeiSecurity.Require("key"),
        ["GET /v1/basic"] = SeiSecurity.Require("basic"),
        ["POST /v1/things"] = SeiSecurity.Require("oauth", "things.write"),
        ["DELETE /v1/things"] = SeiSecurity.Require("oauth", "things.write", "things.admin"),
        ["GET /v1/optional"] = new(SeiSecurityRequirement.None, new SeiSecurityRequirement("oauth", "things.read")),
        ["GET /v1/both"] = new(new SeiSecurityRequirement("key").And("oauth", "things.read")),
        ["GET /v1/bearer"] = SeiSecurity.Require("bearer"),
        ["GET /v1/unknown"] = SeiSecurity.Require("undeclared"),
    };

    private sealed class ThingsClient : SeiClientBase
    {
        public ThingsClient(HttpClient httpClient, SeiClientOptions options, SeiApiDescription api)
            : base(httpClient, options, null, api)
        {
        }

        public async Task CallAsync(HttpMethod method, string path, CancellationToken cancellationToken = default)
            => CreateResponse(await SendAsync(new SeiRequestBuilder(method, path, method + " " + path), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Issues "token-N" with the scopes asked for (or "things.read" when none), and grants what the scope parameter asks.</summary>
    private static LoopbackServer Server(Func<string, string?>? grantedFor = null)
    {
        var issued = 0;
        return new LoopbackServer(request =>
        {
            if (request.RawUrl == "/oauth/token")
            {
                var scope = request.Body.Split('&').Select(Uri.UnescapeDataString).FirstOrDefault(p => p.StartsWith("scope=", StringComparison.Ordinal))?.Substring(6).Replace('+', ' ');
                var granted = grantedFor is null ? scope : grantedFor(scope ?? string.Empty);
                var scopeField = granted is null ? string.Empty : ",\"scope\":\"" + granted + "\"";
                return (200, "{\"access_token\":\"token-" + Interlocked.Increment(ref issued) + "\",\"expires_in\":3600" + scopeField + "}", "application/json");
            }

            return (200, string.Empty, null);
        });
    }

    private static (ThingsClient Client, SeiClientOptions Options) Client(LoopbackServer server, SeiSecurity? documentSecurity, string? scope = null)
    {
        var api = new SeiApiDescription(new[] { new SeiServer("https://api.example.com") }, Schemes, documentSecurity, PerOperation);
        var options = new SeiClientOptions { BaseAddress = server.BaseAddress }.UseClientCredentials("key", "secret", scope);
        return (new ThingsClient(SeiHttpClientFactory.Create(api, options), options, api), options);
    }

    private static List<RecordedRequest> Api(LoopbackServer server) => server.Requests.Where(r => r.RawUrl.StartsWith("/v1/", StringComparison.Ordinal)).ToList();

    private static List<string> TokenBodies(LoopbackServer server) => server.Requests.Where(r => r.RawUrl == "/oauth/token").Select(r => Uri.UnescapeDataString(r.Body.Replace('+', ' '))).ToList();

    [Fact]
    public async Task Anonymous_and_api_key_and_basic_operations_get_no_token_and_cost_no_token_request()
    {
        using var server = Server();
        var (client, _) = Client(server, SeiSecurity.Require("oauth", "things.read"));

        await client.CallAsync(HttpMethod.Get, "/v1/public");
        await client.CallAsync(HttpMethod.Get, "/v1/keyed");
        await client.CallAsync(HttpMethod.Get, "/v1/basic");
        await client.CallAsync(HttpMethod.Get, "/v1/unknown");

        Assert.All(Api(server), request => Assert.Null(request.Headers["Authorization"]));
        Assert.Empty(TokenBodies(server));
    }

    [Fact]
    public async Task Each_operation_asks_for_its_own_scopes_and_tokens_are_kept_per_scope_set()
    {
        using var server = Server();
        var (client, _) = Client(server, SeiSecurity.Require("oauth", "things.read"));

        await client.CallAsync(HttpMethod.Get, "/v1/things");
        await client.CallAsync(HttpMethod.Post, "/v1/things");
        await client.CallAsync(HttpMethod.Get, "/v1/things");
        await client.CallAsync(HttpMethod.Post, "/v1/things");
        await client.CallAsync(HttpMethod.Get, "/v1/optional");
        await client.CallAsync(HttpMethod.Get, "/v1/both");
        await client.CallAsync(HttpMethod.Get, "/v1/bearer");

        Assert.Equal(
            new[] { "grant_type=client_credentials&scope=things.read", "grant_type=client_credentials&scope=things.write" },
            TokenBodies(server));
        Assert.Equal(
            new[] { "Bearer token-1", "Bearer token-2", "Bearer token-1", "Bearer token-2", "Bearer token-1", "Bearer token-1", "Bearer token-1" },
            Api(server).Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task A_token_granted_more_scopes_is_reused_for_fewer()
    {
        using var server = Server();
        var (client, _) = Client(server, null);

        await client.CallAsync(HttpMethod.Delete, "/v1/things");
        await client.CallAsync(HttpMethod.Post, "/v1/things");

        Assert.Equal(new[] { "grant_type=client_credentials&scope=things.admin things.write" }, TokenBodies(server));
        Assert.All(Api(server), request => Assert.Equal("Bearer token-1", request.Headers["Authorization"]));
    }

    [Fact]
    public async Task A_server_that_grants_fewer_scopes_than_asked_is_not_asked_again_on_every_call()
    {
        using var server = Server(asked => asked.Split(' ')[0]);
        var (client, _) = Client(server, null);

        await client.CallAsync(HttpMethod.Delete, "/v1/things");
        await client.CallAsync(HttpMethod.Delete, "/v1/things");

        Assert.Single(TokenBodies(server));
    }

    [Fact]
    public async Task When_the_document_says_nothing_the_configured_credentials_are_sent_without_scopes()
    {
        using var server = Server();
        var (client, _) = Client(server, null);

        await client.CallAsync(HttpMethod.Get, "/v1/things");

        Assert.Equal(new[] { "grant_type=client_credentials" }, TokenBodies(server));
        Assert.Equal("Bearer token-1", Api(server).Single().Headers["Authorization"]);
    }

    [Fact]
    public async Task A_configured_scope_replaces_the_documents_on_every_token_request()
    {
        using var server = Server();
        var (client, _) = Client(server, SeiSecurity.Require("oauth", "things.read"), scope: "app.all");

        await client.CallAsync(HttpMethod.Get, "/v1/things");
        await client.CallAsync(HttpMethod.Post, "/v1/things");
        await client.CallAsync(HttpMethod.Get, "/v1/public");

        Assert.Equal(new[] { "grant_type=client_credentials&scope=app.all" }, TokenBodies(server));
        Assert.Null(Api(server).Last().Headers["Authorization"]);
    }

    [Fact]
    public async Task A_users_token_goes_only_to_operations_that_ask_for_a_bearer_token()
    {
        using var server = Server();
        var api = new SeiApiDescription(new[] { new SeiServer("https://api.example.com") }, Schemes, SeiSecurity.Require("oauth", "things.read"), PerOperation);
        var options = new SeiClientOptions { BaseAddress = server.BaseAddress, AccessTokenSource = _ => Task.FromResult("user-token") };
        var client = new ThingsClient(SeiHttpClientFactory.Create(api, options), options, api);

        await client.CallAsync(HttpMethod.Get, "/v1/things");
        await client.CallAsync(HttpMethod.Get, "/v1/public");
        await client.CallAsync(HttpMethod.Get, "/v1/keyed");
        await client.CallAsync(HttpMethod.Get, "/v1/bearer");

        Assert.Equal(new[] { "Bearer user-token", null, null, "Bearer user-token" }, Api(server).Select(r => r.Headers["Authorization"]));
    }
}
