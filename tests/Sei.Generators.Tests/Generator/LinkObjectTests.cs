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

    /// <summary>
    /// A link to an operation whose parameters are named like C# keywords: the helper passes them as
    /// named arguments, which C# accepts only with '@' (<c>@class: value</c>), so the escaping must
    /// reach every place a parameter's name is written, not only its declaration.
    /// </summary>
    [Fact]
    public void A_link_to_an_operation_with_keyword_named_parameters_compiles()
    {
        var spec = new SpecFile("/project/keywords.yaml", """
            openapi: 3.0.3
            info: {title: SEI Keywords API, version: '1'}
            paths:
              /v1/things/{id}:
                get:
                  operationId: getThing
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Thing'}
                      links:
                        classOfThing:
                          operationId: getClass
                          parameters: {class: $response.body#/class, event: $response.body#/id}
              /v1/classes/{class}:
                get:
                  operationId: getClass
                  parameters:
                    - {name: class, in: path, required: true, schema: {type: string}}
                    - {name: event, in: query, schema: {type: string}}
                  responses:
                    '204': {description: ok}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    id: {type: string}
                    class: {type: string}
            """);

        var run = GeneratorHarness.Run(spec);

        var client = run.Result.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".Client.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Empty(run.CompilationDiagnostics());
        Assert.Contains("@class: ", client, System.StringComparison.Ordinal);
        Assert.Contains("@event: ", client, System.StringComparison.Ordinal);
    }
}
