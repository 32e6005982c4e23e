using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.CodeAnalysis;
using Sei.Generators.Tests.Infrastructure;
using Sei.Testing;
using Xunit;

namespace Sei.Generators.Tests.Testing;

/// <summary>
/// SEI's OAuth 2.0 on Sei.Testing's server: a generated client gets and renews its tokens there as it
/// would from SEI (the probe is compiled against the generated client, as a user's test is), every grant
/// SEI uses is answered, bad credentials are refused as SEI refuses them, and a server made of the test's
/// own endpoints puts the same gateway in front of them.
/// </summary>
public sealed class SeiTestServerAuthTests
{
    private const string Probe = """
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using Sei.Client;
        using Sei.Testing;
        using Consumer.Accounts.V1;

        public static class Probe
        {
            private static Task<SeiTestServer> Start(string document)
                => SeiTestServer.StartAsync("accounts.v1.yaml", document, new SeiTestServerOptions { RequireAuthentication = true });

            private static IAccountsClient Client(SeiTestServer server, Action<SeiClientOptions>? configure = null)
                => server.CreateClient(AccountsClient.Api, (http, options, loggers) => new AccountsClient(http, options, loggers.CreateLogger<AccountsClient>()), configure);

            public static async Task<string> ClientCredentials(string document)
            {
                await using var server = await Start(document);
                var accounts = Client(server);
                var first = await accounts.GetAccountAsync("ACC-1");
                var second = await accounts.GetAccountAsync("ACC-2");
                var authorizations = server.Requests.Where(r => r.Operation == "getAccount").Select(r => r.Headers["Authorization"]).Distinct();
                var leaked = server.IssuedCredentials.Any(c => server.Logs.Any(l => l.Message.Contains(c)));
                return first.Value.AccountId + "," + second.Value.AccountId + "|tokens:" + server.TokenRequests + "|" + string.Join(",", authorizations) + "|leaked:" + leaked;
            }

            public static async Task<string> ExpiredTokenIsRenewed(string document)
            {
                await using var server = await Start(document);
                var accounts = Client(server);
                await accounts.GetAccountAsync("ACC-1");
                server.ExpireTokens();
                try
                {
                    var again = await accounts.GetAccountAsync("ACC-1");
                    return "ok|tokens:" + server.TokenRequests + "|" + string.Join(",", server.Requests.Select(r => r.Status));
                }
                catch (SeiApiException exception)
                {
                    return (int)exception.StatusCode + ":" + exception.Code + "|tokens:" + server.TokenRequests;
                }
            }

            public static async Task<string> WrongSecret(string document)
            {
                await using var server = await Start(document);
                var accounts = Client(server, options => options.UseClientCredentials("sei-test-app-key", "not-the-secret"));
                try
                {
                    await accounts.GetAccountAsync("ACC-1");
                    return "accepted";
                }
                catch (SeiAuthenticationException exception)
                {
                    return (int)exception.StatusCode + ":" + exception.Code + ":" + exception.Error + "|api calls:" + server.Requests.Count(r => r.Operation == "getAccount");
                }
            }

            public static async Task<string> NoToken(string document)
            {
                await using var server = await Start(document);
                var accounts = server.CreateClient((http, options) => new AccountsClient(http, options));
                try
                {
                    await accounts.GetAccountAsync("ACC-1");
                    return "accepted";
                }
                catch (SeiApiException exception)
                {
                    var challenge = exception.Headers?.WwwAuthenticate.ToString();
                    return (int)exception.StatusCode + ":" + exception.Code + ":" + challenge + ":" + (exception.TrackingId is { Length: 36 });
                }
            }
        }
        """;

    private static readonly AccountsProbe Probes = new(Probe);

    private static string Document => System.IO.File.ReadAllText(Paths.Spec("accounts.v1.yaml"));

    [Fact]
    public async Task A_generated_client_gets_one_token_by_client_credentials_and_sends_it_masked_in_the_record()
    {
        var result = await Probes.RunAsync("ClientCredentials");

        Assert.Equal("ACC-1,ACC-2|tokens:1|***|leaked:False", result);
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_401_and_the_client_gets_a_new_one()
    {
        var result = await Probes.RunAsync("ExpiredTokenIsRenewed");

        Assert.StartsWith("ok|tokens:2|", result, StringComparison.Ordinal);
        Assert.Contains("401", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_at_the_token_endpoint_and_no_API_call_is_made()
    {
        var result = await Probes.RunAsync("WrongSecret");

        Assert.Equal("401:gateway.authentication.failure:invalid_client|api calls:0", result);
    }

    [Fact]
    public async Task A_call_without_a_token_gets_SEI_401_envelope_with_a_bearer_challenge()
    {
        var result = await Probes.RunAsync("NoToken");

        Assert.Equal("401:gateway.authentication.failure:Bearer:True", result);
    }

    [Fact]
    public async Task The_password_grant_takes_the_configured_user_only_and_comes_with_a_single_use_refresh_token()
    {
        await using var server = await SeiTestServer.StartAsync("accounts.v1.yaml", Document, new SeiTestServerOptions { RequireAuthentication = true });
        using var http = server.CreateHttpClient();

        var wrong = await TokenAsync(http, confidential: true, ("grant_type", "password"), ("username", "sei-test-user"), ("password", "guess"));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant", "gateway.oauth.invalid_grant"), (wrong.Status, (string?)wrong.Body["error"], (string?)wrong.Body["code"]));

        var granted = await TokenAsync(http, confidential: true, ("grant_type", "password"), ("username", "sei-test-user"), ("password", "sei-test-user-password"));
        Assert.Equal(HttpStatusCode.OK, granted.Status);
        Assert.Equal("Bearer", (string?)granted.Body["token_type"]);
        var refresh = (string)granted.Body["refresh_token"]!;

        var renewed = await TokenAsync(http, confidential: true, ("grant_type", "refresh_token"), ("refresh_token", refresh));
        var reused = await TokenAsync(http, confidential: true, ("grant_type", "refresh_token"), ("refresh_token", refresh));
        Assert.Equal(HttpStatusCode.OK, renewed.Status);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (reused.Status, (string?)reused.Body["error"]));

        // A token the server issued opens the API; the record masks it.
        using var call = new HttpRequestMessage(HttpMethod.Get, "v1/accounts/ACC-1");
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)renewed.Body["access_token"]!);
        using var answer = await http.SendAsync(call);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("***", server.Requests.Last().Headers["Authorization"]);
        Assert.Equal(4, server.TokenRequests);
    }

    [Fact]
    public async Task The_authorization_code_grant_checks_the_PKCE_verifier_and_the_redirect_URI_and_a_code_is_used_once()
    {
        await using var server = await SeiTestServer.StartAsync("accounts.v1.yaml", Document, null);
        using var http = server.CreateHttpClient();
        const string Verifier = "a-verifier-of-the-test-that-is-long-enough-for-rfc-7636-0123456789";
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        async Task<string> AuthorizeAsync()
        {
            using var authorize = await http.GetAsync("oauth/v1/authorize?client_id=sei-test-app-key&response_type=code&redirect_uri=" + Uri.EscapeDataString("http://localhost/callback") + "&code_challenge_method=S256&code_challenge=" + challenge + "&state=s1");
            Assert.Equal(HttpStatusCode.Found, authorize.StatusCode);
            var location = authorize.Headers.Location!;
            Assert.Contains("state=s1", location.Query, StringComparison.Ordinal);
            return Uri.UnescapeDataString(location.Query.Split('&').Single(p => p.TrimStart('?').StartsWith("code=", StringComparison.Ordinal)).Split('=', 2)[1]);
        }

        var code = await AuthorizeAsync();
        var wrongVerifier = await TokenAsync(http, confidential: false, ("grant_type", "authorization_code"), ("client_id", "sei-test-app-key"), ("code", code), ("redirect_uri", "http://localhost/callback"), ("code_verifier", "not-the-verifier"));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (wrongVerifier.Status, (string?)wrongVerifier.Body["error"]));

        code = await AuthorizeAsync();
        var wrongRedirect = await TokenAsync(http, confidential: false, ("grant_type", "authorization_code"), ("client_id", "sei-test-app-key"), ("code", code), ("redirect_uri", "http://localhost/elsewhere"), ("code_verifier", Verifier));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (wrongRedirect.Status, (string?)wrongRedirect.Body["error"]));

        code = await AuthorizeAsync();
        var granted = await TokenAsync(http, confidential: false, ("grant_type", "authorization_code"), ("client_id", "sei-test-app-key"), ("code", code), ("redirect_uri", "http://localhost/callback"), ("code_verifier", Verifier));
        var replayed = await TokenAsync(http, confidential: false, ("grant_type", "authorization_code"), ("client_id", "sei-test-app-key"), ("code", code), ("redirect_uri", "http://localhost/callback"), ("code_verifier", Verifier));
        Assert.Equal(HttpStatusCode.OK, granted.Status);
        Assert.NotNull((string?)granted.Body["refresh_token"]);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (replayed.Status, (string?)replayed.Body["error"]));

        // Client credentials need the secret: a public client (client_id only) is refused for them.
        var publicClient = await TokenAsync(http, confidential: false, ("grant_type", "client_credentials"), ("client_id", "sei-test-app-key"));
        Assert.Equal((HttpStatusCode.BadRequest, "unauthorized_client"), (publicClient.Status, (string?)publicClient.Body["error"]));
    }

    [Fact]
    public async Task A_token_URL_the_document_names_outside_oauth_is_served_where_the_client_sends_it()
    {
        const string Document = """
            openapi: 3.0.3
            info: { title: Ledger, version: 1.0.0 }
            servers: [ { url: 'https://ledger.example.com' } ]
            security: [ { idp: [] } ]
            paths:
              /entries:
                get:
                  operationId: listEntries
                  responses:
                    '200': { description: The entries., content: { application/json: { schema: { type: array, items: { type: string } } } } }
            components:
              securitySchemes:
                idp:
                  type: oauth2
                  flows:
                    clientCredentials: { tokenUrl: 'https://login.example.com/connect/token', scopes: {} }
            """;
        await using var server = await SeiTestServer.StartAsync("ledger.yaml", Document, new SeiTestServerOptions { RequireAuthentication = true });
        using var http = server.CreateHttpClient();

        var granted = await TokenAsync(http, confidential: true, "connect/token", ("grant_type", "client_credentials"));

        Assert.Equal(HttpStatusCode.OK, granted.Status);
        Assert.Equal(1, server.TokenRequests);
    }

    [Fact]
    public async Task A_server_of_the_tests_own_endpoints_answers_behind_SEI_gateway()
    {
        await using var server = await SeiTestServer.StartAsync(
            routes =>
            {
                routes.MapGet("/ledger/v1/entries/{id}", (HttpContext context) =>
                    context.Request.RouteValues["id"] as string == "E-1"
                        ? context.Response.WriteAsync("{\"id\":\"E-1\"}")
                        : throw SeiProblemException.NotFound("ledger", "entry", (string)context.Request.RouteValues["id"]!));
            },
            new SeiTestServerOptions { QuotaLimit = 3, QuotaWindow = TimeSpan.FromMinutes(1) });
        using var http = server.CreateHttpClient();

        using var found = await http.GetAsync("ledger/v1/entries/E-1");
        using var missing = await http.GetAsync("ledger/v1/entries/E-2");
        using var unknown = await http.GetAsync("ledger/v1/nothing");
        using var overQuota = await http.GetAsync("ledger/v1/entries/E-1");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var notFound = JsonNode.Parse(await missing.Content.ReadAsStringAsync())!;
        Assert.Equal((HttpStatusCode.NotFound, "ledger.entry.not_found", missing.Headers.GetValues("RequestTrackingId").Single()), (missing.StatusCode, (string?)notFound["code"], (string?)notFound["trackingId"]));
        Assert.Equal("gateway.resource.not_found", (string?)JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["code"]);
        Assert.Equal((HttpStatusCode.TooManyRequests, true), (overQuota.StatusCode, overQuota.Headers.RetryAfter is not null));
        Assert.Equal(new[] { "/ledger/v1/entries/{id}", "/ledger/v1/entries/{id}", null, null }, server.Requests.Select(r => r.Operation));
        Assert.Empty(server.Operations);
        Assert.Throws<InvalidOperationException>(() => server.Fail(null, SeiFault.Empty(500)));
    }

    private static Task<(HttpStatusCode Status, JsonNode Body)> TokenAsync(HttpClient http, bool confidential, params (string Name, string Value)[] form)
        => TokenAsync(http, confidential, "oauth/v1/token", form);

    private static async Task<(HttpStatusCode Status, JsonNode Body)> TokenAsync(HttpClient http, bool confidential, string path, params (string Name, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        if (confidential)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sei-test-app-key:sei-test-app-secret")));
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
