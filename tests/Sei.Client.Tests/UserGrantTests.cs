using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Sei.Client.Authentication;
using Sei.Client.Http;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Client.Tests;

/// <summary>End-user grants: authorization code with PKCE, refresh, password; against a real token endpoint on 127.0.0.1.</summary>
public sealed class UserGrantTests
{
    [Fact]
    public void The_S256_challenge_matches_the_rfc_7636_example()
    {
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", SeiPkce.CreateChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        var verifier = SeiPkce.CreateVerifier();
        Assert.Equal(43, verifier.Length);
        Assert.DoesNotContain(verifier, c => c is '+' or '/' or '=');
        Assert.NotEqual(verifier, SeiPkce.CreateVerifier());
    }

    [Fact]
    public void The_authorization_url_carries_the_challenge_state_and_redirect()
    {
        var flow = new SeiAuthorizationCodeFlow(new HttpClient(), new Uri("https://api.example.com/oauth/v1/authorize"), new Uri("https://api.example.com/oauth/v1/token"), "app key");

        var url = flow.BuildAuthorizationUrl(new Uri("com.example.app:/callback"), "st-1", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "notes.read notes.write");

        Assert.Equal(
            "?response_type=code&client_id=app%20key&redirect_uri=com.example.app%3A%2Fcallback&state=st-1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&scope=notes.read%20notes.write",
            url.Query);
    }

    [Fact]
    public async Task The_code_is_exchanged_with_the_verifier_then_refreshed_and_the_password_grant_works()
    {
        using var server = new LoopbackServer(request => request.Body.Contains("grant_type=refresh_token", StringComparison.Ordinal)
            ? (200, """{"access_token":"a2","refresh_token":"r2","expires_in":"600","scope":"notes.read"}""", "application/json")
            : (200, """{"access_token":"a1","refresh_token":"r1","expires_in":600}""", "application/json"));
        var flow = new SeiAuthorizationCodeFlow(new HttpClient(), new Uri(server.BaseAddress, "oauth/v1/authorize"), new Uri(server.BaseAddress, "oauth/v1/token"), "app-key", "app-secret");

        var first = await flow.ExchangeCodeAsync("code-1", new Uri("https://client.example.com/cb"), "verifier-1");
        var refreshed = await flow.RefreshAsync(first.RefreshToken!);
        await flow.RequestWithPasswordAsync("advisor7", "pa ss&word");

        var requests = server.Requests.ToList();
        Assert.Equal("grant_type=authorization_code&code=code-1&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb&code_verifier=verifier-1", requests[0].Body);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("app-key:app-secret")), requests[0].Headers["Authorization"]);
        Assert.Equal("grant_type=refresh_token&refresh_token=r1", requests[1].Body);
        Assert.Equal("grant_type=password&username=advisor7&password=pa+ss%26word", requests[2].Body);
        Assert.Equal(("a1", "r1"), (first.AccessToken, first.RefreshToken));
        Assert.Equal(("a2", "r2", "notes.read"), (refreshed.AccessToken, refreshed.RefreshToken, refreshed.Scope));
        Assert.DoesNotContain("a1", first.ToString());
    }

    [Fact]
    public async Task A_refused_code_says_what_to_check()
    {
        using var server = new LoopbackServer(_ => (400, """{"error":"invalid_grant","error_description":"Code expired"}""", "application/json"));
        var flow = new SeiAuthorizationCodeFlow(new HttpClient(), new Uri(server.BaseAddress, "authorize"), new Uri(server.BaseAddress, "token"), "native-app");

        var exception = await Assert.ThrowsAsync<SeiAuthenticationException>(() => flow.ExchangeCodeAsync("old", new Uri("app:/cb"), "v"));

        Assert.Equal("invalid_grant", exception.Error);
        Assert.Contains("PKCE needs the same code_verifier", exception.Message);
        Assert.Contains("client_id=native-app", server.Requests.Single().Body);
        Assert.Null(server.Requests.Single().Headers["Authorization"]);
    }

    [Fact]
    public async Task A_users_token_source_is_asked_again_after_a_401()
    {
        var issued = 0;
        using var server = new LoopbackServer(request => request.Headers["Authorization"] == "Bearer user-2" ? (200, string.Empty, null) : (401, string.Empty, null));
        var options = new SeiClientOptions
        {
            BaseAddress = server.BaseAddress,
            AccessTokenSource = _ => Task.FromResult("user-" + Interlocked.Increment(ref issued)),
        };
        using var http = SeiHttpClientFactory.Create(new SeiApiDescription("https://api.example.com", null, null), options);

        using var response = await http.GetAsync(new Uri(server.BaseAddress, "/v1/notes"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, issued);
    }
}
