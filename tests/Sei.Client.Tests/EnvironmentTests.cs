using System;
using System.Collections.Generic;
using System.Net.Http;
using Xunit;

namespace Sei.Client.Tests;

public sealed class EnvironmentTests
{
    private static readonly Dictionary<SeiEnvironment, string> Urls = new()
    {
        [SeiEnvironment.Dev] = "https://dev-api.example.com",
        [SeiEnvironment.Prod] = "https://api.example.com",
    };

    private sealed class EnvironmentClient : SeiClientBase
    {
        public EnvironmentClient(HttpClient httpClient, SeiClientOptions options)
            : base(httpClient, options, null, "https://dev-api.example.com", Urls)
        {
        }
    }

    private static Uri ServerUrl(SeiClientOptions options, Uri? httpBase = null)
        => new EnvironmentClient(new HttpClient { BaseAddress = httpBase }, options).ServerUrl;

    [Fact]
    public void The_environment_picks_the_documents_server_for_it()
    {
        Assert.Equal(new Uri("https://api.example.com"), ServerUrl(new SeiClientOptions { Environment = SeiEnvironment.Prod }));
        Assert.Equal(new Uri("https://dev-api.example.com"), ServerUrl(new SeiClientOptions()));
    }

    [Fact]
    public void A_base_address_wins_over_the_environment_which_wins_over_the_http_client()
    {
        var custom = new Uri("https://custom.example.com/base/");
        Assert.Equal(custom, ServerUrl(new SeiClientOptions { Environment = SeiEnvironment.Prod, BaseAddress = custom }));
        Assert.Equal(new Uri("https://api.example.com"), ServerUrl(new SeiClientOptions { Environment = SeiEnvironment.Prod }, new Uri("https://http.example.com")));
        Assert.Equal(new Uri("https://http.example.com"), ServerUrl(new SeiClientOptions(), new Uri("https://http.example.com")));
    }

    [Fact]
    public void An_environment_the_document_does_not_list_says_what_it_lists()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ServerUrl(new SeiClientOptions { Environment = SeiEnvironment.Qa }));

        Assert.Contains("no server for the Qa environment", exception.Message);
        Assert.Contains("Dev, Prod", exception.Message);
    }

    [Fact]
    public void Mutual_tls_calls_go_to_port_444()
    {
        Assert.Equal(new Uri("https://api.example.com:444/"), ServerUrl(new SeiClientOptions { Environment = SeiEnvironment.Prod, UseMutualTlsPort = true }));
    }
}
