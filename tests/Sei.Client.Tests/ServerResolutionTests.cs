using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sei.Client.DependencyInjection;
using Sei.Client.Http;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Client.Tests;

/// <summary>Where calls go, for every shape of server list: plain, described, templated with environment, port and other variables, relative, none.</summary>
public sealed class ServerResolutionTests
{
    private static readonly SeiApiDescription Templated = new(new[]
    {
        new SeiServer(
            "https://{environment}.api.example.com:{port}/{region}",
            "SEI gateway",
            null,
            SeiServerVariable.ForEnvironments("environment", "prod", new[] { "dev", "qa", "pilot", "prod", "sandbox" }, dev: "dev", qa: "qa", pilot: "pilot", prod: "prod"),
            SeiServerVariable.ForMutualTlsPort("port", "443", "443", "444"),
            new SeiServerVariable("region", "us", "us", "eu")),
    });

    private static readonly SeiApiDescription Described = new(new[]
    {
        new SeiServer("https://nonprod.example.com", "Dev, QA and Pilot"),
        new SeiServer("https://api.example.com", "Production", new[] { SeiEnvironment.Prod }),
    });

    private static SeiResolvedServer Resolve(SeiApiDescription api, Action<SeiClientOptions>? configure = null, Uri? httpBase = null)
    {
        var options = new SeiClientOptions();
        configure?.Invoke(options);
        return api.ResolveServer(options, httpBase);
    }

    [Theory]
    [InlineData(SeiEnvironment.Default, "https://prod.api.example.com/us")]
    [InlineData(SeiEnvironment.Dev, "https://dev.api.example.com/us")]
    [InlineData(SeiEnvironment.Qa, "https://qa.api.example.com/us")]
    [InlineData(SeiEnvironment.Pilot, "https://pilot.api.example.com/us")]
    [InlineData(SeiEnvironment.Prod, "https://prod.api.example.com/us")]
    public void The_environment_sets_the_templates_environment_variable(SeiEnvironment environment, string expected)
    {
        var server = Resolve(Templated, o => o.Environment = environment);

        Assert.Equal(new Uri(expected), server.Url);
        Assert.True(server.IsDocumentServer);
    }

    [Fact]
    public void Mutual_tls_sets_the_port_variable_and_other_variables_come_from_the_options()
    {
        var server = Resolve(Templated, o =>
        {
            o.Environment = SeiEnvironment.Qa;
            o.UseMutualTlsPort = true;
            o.SetServerVariable(new SeiServerVariableValue("region", "eu"));
        });

        Assert.Equal(new Uri("https://qa.api.example.com:444/eu"), server.Url);
        Assert.Equal("444", server.Variables["port"]);
    }

    [Fact]
    public void A_value_the_document_does_not_allow_is_refused_with_the_allowed_ones()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Resolve(Templated, o => o.ServerVariables["region"] = "asia"));

        Assert.Contains("'region' cannot be 'asia'", exception.Message);
        Assert.Contains("'us', 'eu'", exception.Message);
    }

    [Fact]
    public void A_variable_no_server_has_is_refused_with_the_known_ones()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Resolve(Templated, o => o.ServerVariables["regoin"] = "eu"));

        Assert.Contains("'regoin'", exception.Message);
        Assert.Contains("environment, port, region", exception.Message);
    }

    [Fact]
    public void A_server_variable_that_contradicts_the_environment_is_refused()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Resolve(Templated, o =>
        {
            o.Environment = SeiEnvironment.Qa;
            o.ServerVariables["environment"] = "dev";
        }));

        Assert.Contains("Environment = Qa makes it 'qa'", exception.Message);
    }

    [Fact]
    public void A_server_described_with_several_environments_serves_none_of_them_and_the_error_says_why()
    {
        Assert.Equal(new Uri("https://api.example.com"), Resolve(Described, o => o.Environment = SeiEnvironment.Prod).Url);

        var exception = Assert.Throws<InvalidOperationException>(() => Resolve(Described, o => o.Environment = SeiEnvironment.Qa));

        Assert.Contains("no server for the Qa environment (it lists: Prod", exception.Message);
        Assert.Contains("https://nonprod.example.com (Dev, QA and Pilot)", exception.Message);
        Assert.Contains("BaseAddress", exception.Message);
    }

    [Theory]
    [InlineData("https://qa.api.example.com", true)]
    [InlineData("https://qa.api.example.com:444/", true)]
    [InlineData("https://sandbox.api.example.com:443/x", true)]
    [InlineData("https://QA.API.example.com/", true)]
    [InlineData("https://staging.api.example.com", false)]
    [InlineData("http://qa.api.example.com", false)]
    [InlineData("https://qa.api.example.com:8443", false)]
    [InlineData("https://localhost:5001/", false)]
    public void A_configured_address_is_the_documents_only_on_one_of_its_origins(string address, bool known)
    {
        var server = Resolve(Templated, o => o.BaseAddress = new Uri(address));

        Assert.Equal(known, server.IsDocumentServer);
        Assert.Equal(new Uri(address), server.Url);
        if (known)
        {
            Assert.Equal(address.Contains("sandbox", StringComparison.Ordinal) ? "sandbox" : "qa", server.Variables["environment"]);
        }
    }

    [Fact]
    public void The_http_clients_base_address_is_matched_like_the_options()
    {
        Assert.True(Resolve(Described, httpBase: new Uri("https://api.example.com/")).IsDocumentServer);
        Assert.False(Resolve(Described, httpBase: new Uri("https://gateway.internal/")).IsDocumentServer);
    }

    [Fact]
    public void A_relative_server_needs_a_base_address_and_is_then_an_origin_the_document_does_not_know()
    {
        var api = new SeiApiDescription(new[] { new SeiServer("/api/v3") });

        var exception = Assert.Throws<InvalidOperationException>(() => Resolve(api));
        var configured = Resolve(api, o => o.BaseAddress = new Uri("https://petstore.example.com/api/v3"));

        Assert.Contains("relative server URL ('/api/v3')", exception.Message);
        Assert.False(configured.IsDocumentServer);
    }

    [Fact]
    public void No_servers_at_all_needs_a_base_address()
    {
        var api = new SeiApiDescription(Array.Empty<SeiServer>());

        var exception = Assert.Throws<InvalidOperationException>(() => Resolve(api));

        Assert.Contains("lists no server", exception.Message);
        Assert.Equal(new Uri("https://local.example.com/"), Resolve(api, o => o.BaseAddress = new Uri("https://local.example.com/")).Url);
    }

    [Fact]
    public void Mutual_tls_without_a_port_variable_replaces_the_port()
    {
        Assert.Equal(new Uri("https://api.example.com:444/"), Resolve(Described, o => { o.Environment = SeiEnvironment.Prod; o.UseMutualTlsPort = true; }).Url);
        Assert.Equal(new Uri("https://gateway.internal:444/"), Resolve(Described, o => { o.BaseAddress = new Uri("https://gateway.internal/"); o.UseMutualTlsPort = true; }).Url);
    }

    private sealed class RegionClient : SeiClientBase
    {
        public RegionClient(HttpClient httpClient, SeiClientOptions options, SeiApiDescription api)
            : base(httpClient, options, null, api)
        {
        }

        public async Task<SeiResponse> PingAsync() => CreateResponse(await SendAsync(new SeiRequestBuilder(HttpMethod.Get, "/v1/ping", "ping"), default).ConfigureAwait(false));
    }

    [Fact]
    public async Task Server_variables_bind_from_configuration_without_reflection_and_reach_the_request()
    {
        using var server = new LoopbackServer(_ => (204, string.Empty, null));
        var api = new SeiApiDescription(new[] { new SeiServer(server.BaseAddress.GetLeftPart(UriPartial.Authority) + "/{region}", null, null, new SeiServerVariable("region", "us", "us", "eu")) });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sei:Regions:ServerVariables:region"] = "eu" }).Build();
        var services = new ServiceCollection();
        services.AddSeiClient(api, (http, options, _) => new RegionClient(http, options, api), configuration.GetSection("Sei:Regions"));

        await services.BuildServiceProvider().GetRequiredService<RegionClient>().PingAsync();

        Assert.Equal("/eu/v1/ping", server.Requests.Single().RawUrl);
    }
}
