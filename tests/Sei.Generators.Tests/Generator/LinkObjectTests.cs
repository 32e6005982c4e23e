using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>OpenAPI Link Objects become typed helpers that call the linked operation with values from the response.</summary>
public sealed class LinkObjectTests
{
    private const string Probe = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Consumer.LinkExample.V1;

        public static class Probe
        {
            public static async Task<string> Follow(string baseUrl)
            {
                var client = new LinkExampleClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                User user = await client.GetUserByNameAsync("ada lovelace");
                var repositories = await client.FollowUserRepositoriesAsync(user);
                Repository repository = await client.GetRepositoryAsync("ada", "engine");
                var pullRequests = await client.FollowRepositoryPullRequestsAsync(repository);
                string missing;
                try { await client.FollowRepositoryPullRequestsAsync(new Repository { Slug = "engine" }); missing = "followed"; }
                catch (Sei.Client.SeiLinkException exception) { missing = exception.Message; }
                return repositories.Value.Count + "|" + pullRequests.StatusCode + "|" + missing;
            }
        }
        """;

    [Fact]
    public async Task A_link_object_is_followed_with_values_from_the_response()
    {
        var spec = new SpecFile("/project/links.yaml", CorpusDocuments.ReadText("oai__link-example-v3.yaml"));
        using var server = new LoopbackServer(request => request.RawUrl switch
        {
            "/2.0/users/ada%20lovelace" => (200, """{"username":"ada/l","uuid":"u-1"}""", "application/json"),
            "/2.0/repositories/ada%2Fl" => (200, """[{"slug":"engine","owner":{"username":"ada"}}]""", "application/json"),
            "/2.0/repositories/ada/engine" => (200, """{"slug":"engine","owner":{"username":"ada"}}""", "application/json"),
            _ => (200, "[]", "application/json"),
        });

        var run = GeneratorHarness.Run(new[] { spec }, new[] { Probe });
        var result = await CompiledClient.InvokeAsync(CompiledClient.Compile(run), "Follow", server.BaseAddress.ToString());

        Assert.StartsWith("1|OK|The 'repositoryPullRequests' link needs $response.body#/owner/username", result);
        Assert.Equal(
            new[] { "/2.0/users/ada%20lovelace", "/2.0/repositories/ada%2Fl", "/2.0/repositories/ada/engine", "/2.0/repositories/ada/engine/pullrequests" },
            server.Requests.Select(r => r.RawUrl));
    }
}
