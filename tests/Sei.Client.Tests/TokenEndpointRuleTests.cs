using System;
using System.Linq;
using Xunit;

namespace Sei.Client.Tests;

/// <summary>
/// Where OAuth 2.0 endpoints go for each server in use: credentials go to a host other than the
/// API's only when the application configured it or the document maps that environment to it.
/// </summary>
public sealed class TokenEndpointRuleTests
{
    private static SeiApiDescription Api(string tokenUrl, string? authorizationUrl = null, string? refreshUrl = null) => new(
        new[]
        {
            new SeiServer("https://dev-api.example.com", "Dev", new[] { SeiEnvironment.Dev }),
            new SeiServer("https://qa-api.example.com/base", "QA", new[] { SeiEnvironment.Qa }),
            new SeiServer("https://api.example.com", "Prod", new[] { SeiEnvironment.Prod }),
            new SeiServer(
                "https://{environment}.gw.example.com",
                null,
                null,
                SeiServerVariable.ForEnvironments("environment", "pilot", new[] { "pilot", "sandbox" }, pilot: "pilot")),
        },
        new[]
        {
            new SeiSecurityScheme(
                "oauth",
                SeiSecuritySchemeKind.OAuth2,
                new SeiOAuthFlow(SeiOAuthFlowKind.ClientCredentials, tokenUrl),
                new SeiOAuthFlow(SeiOAuthFlowKind.AuthorizationCode, tokenUrl, authorizationUrl ?? "https://api.example.com/oauth/authorize", refreshUrl)),
        });

    private static SeiResolvedEndpoint Token(SeiApiDescription api, Action<SeiClientOptions> configure)
    {
        var options = new SeiClientOptions().UseClientCredentials("key", "secret");
        configure(options);
        return api.ResolveTokenEndpoint(api.ResolveServer(options, null), options)!;
    }

    [Theory]
    [InlineData("https://api.example.com/oauth/token", SeiEnvironment.Prod, "https://api.example.com/oauth/token", SeiEndpointSource.Document)]
    [InlineData("https://api.example.com/oauth/token", SeiEnvironment.Dev, "https://dev-api.example.com/oauth/token", SeiEndpointSource.DocumentMovedToEnvironment)]
    [InlineData("https://api.example.com/oauth/token", SeiEnvironment.Qa, "https://qa-api.example.com/oauth/token", SeiEndpointSource.DocumentMovedToEnvironment)]
    [InlineData("https://api.example.com/oauth/token", SeiEnvironment.Pilot, "https://pilot.gw.example.com/oauth/token", SeiEndpointSource.DocumentMovedToEnvironment)]
    [InlineData("https://login.example.com/oauth/token", SeiEnvironment.Qa, "https://login.example.com/oauth/token", SeiEndpointSource.Document)]
    [InlineData("/oauth/token", SeiEnvironment.Qa, "https://qa-api.example.com/oauth/token", SeiEndpointSource.DocumentRelative)]
    [InlineData("https://{environment}.auth.example.com/token", SeiEnvironment.Pilot, "https://pilot.auth.example.com/token", SeiEndpointSource.DocumentTemplate)]
    public void On_the_documents_own_environments_the_document_maps_the_token_url(string documented, SeiEnvironment environment, string expected, SeiEndpointSource source)
    {
        var endpoint = Token(Api(documented), o => o.Environment = environment);

        Assert.Equal((new Uri(expected), source), (endpoint.Url, endpoint.Source));
    }

    [Theory]
    [InlineData("https://login.example.com/oauth/token")]
    [InlineData("https://api.example.com/oauth/token")]
    [InlineData("https://{environment}.auth.example.com/oauth/token")]
    public void On_an_origin_the_document_does_not_list_the_documents_path_stays_on_that_origin(string documented)
    {
        var endpoint = Token(Api(documented), o => o.BaseAddress = new Uri("http://localhost:5001/proxy/"));

        Assert.Equal(new Uri("http://localhost:5001/oauth/token"), endpoint.Url);
        Assert.Equal(SeiEndpointSource.DocumentPathOnConfiguredOrigin, endpoint.Source);
    }

    [Fact]
    public void A_configured_base_address_on_a_documents_origin_is_that_environment()
    {
        var separate = Token(Api("https://login.example.com/oauth/token"), o => o.BaseAddress = new Uri("https://qa-api.example.com/base"));
        var templated = Token(Api("https://{environment}.auth.example.com/token"), o => o.BaseAddress = new Uri("https://sandbox.gw.example.com"));

        Assert.Equal(new Uri("https://login.example.com/oauth/token"), separate.Url);
        Assert.Equal(new Uri("https://sandbox.auth.example.com/token"), templated.Url);
    }

    [Fact]
    public void A_configured_token_url_wins_everywhere()
    {
        var configured = new Uri("https://idp.internal/token");

        var endpoint = Token(Api("https://login.example.com/oauth/token"), o =>
        {
            o.BaseAddress = new Uri("http://localhost:5001/");
            o.ClientCredentials!.TokenUrl = configured;
        });

        Assert.Equal((configured, SeiEndpointSource.Configured), (endpoint.Url, endpoint.Source));
    }

    [Fact]
    public void Mutual_tls_moves_a_token_url_on_the_servers_host_to_port_444()
    {
        var endpoint = Token(Api("https://api.example.com/oauth/token"), o => { o.Environment = SeiEnvironment.Prod; o.UseMutualTlsPort = true; });

        Assert.Equal(new Uri("https://api.example.com:444/oauth/token"), endpoint.Url);
    }

    [Fact]
    public void No_token_url_anywhere_is_null()
    {
        var api = new SeiApiDescription(new[] { new SeiServer("https://api.example.com") });
        var options = new SeiClientOptions();

        Assert.Null(api.ResolveTokenEndpoint(api.ResolveServer(options, null), options));
    }

    [Theory]
    [InlineData(SeiEnvironment.Qa, null, "https://qa-api.example.com/oauth/authorize", "https://qa-api.example.com/oauth/token", "https://qa-api.example.com/oauth/refresh")]
    [InlineData(SeiEnvironment.Default, "http://localhost:5001/", "http://localhost:5001/oauth/authorize", "http://localhost:5001/oauth/token", "http://localhost:5001/oauth/refresh")]
    public void User_flows_take_every_url_from_the_document_by_the_same_rule(SeiEnvironment environment, string? baseAddress, string authorize, string token, string refresh)
    {
        var api = Api("https://api.example.com/oauth/token", refreshUrl: "https://api.example.com/oauth/refresh");
        var options = new SeiClientOptions { Environment = environment, BaseAddress = baseAddress is null ? null : new Uri(baseAddress) };

        var flow = api.ResolveFlow(api.ResolveServer(options, null), SeiOAuthFlowKind.AuthorizationCode)!;

        Assert.Equal(
            new[] { authorize, token, refresh }.Select(u => new Uri(u)),
            new[] { flow.AuthorizationEndpoint!.Url, flow.TokenEndpoint!.Url, flow.RefreshEndpoint!.Url });
        Assert.Equal("oauth", flow.Scheme.Name);
    }
}
