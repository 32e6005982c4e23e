using System;
using System.Threading.Tasks;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Generator.Security;

/// <summary>
/// The authorization-code and password flows take their URLs from the generated client's description
/// (per environment, by the token URL rule), and the document's other server variables are typed
/// options; both through compiled generated code against servers on 127.0.0.1.
/// </summary>
public sealed class DocumentFlowTests
{
    private const string UsersProbe = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Consumer.Users.V1;
        using Sei.Client;
        using Sei.Client.Authentication;

        public static class Probe
        {
            public static async Task<string> Call(string environment)
            {
                var options = new SeiClientOptions { Environment = Enum.Parse<SeiEnvironment>(environment) };
                var flow = SeiAuthorizationCodeFlow.Create(UsersClient.Api, options, new HttpClient(), "app-key", "app-secret");
                var authorize = flow.BuildAuthorizationUrl(new Uri("https://app.example.com/cb"), "state-1", SeiPkce.CreateVerifier());
                var tokens = await flow.ExchangeCodeAsync("code-1", new Uri("https://app.example.com/cb"), "verifier-1");
                await flow.RefreshAsync(tokens.RefreshToken ?? "refresh-1");
                await flow.RequestWithPasswordAsync("advisor7", "pass-word");
                options.AccessTokenSource = _ => Task.FromResult(tokens.AccessToken);
                await UsersClient.Create(options).ListThingsAsync();
                return authorize.GetLeftPart(UriPartial.Path);
            }
        }
        """;

    private const string RegionsProbe = """
        using System;
        using System.Threading.Tasks;
        using Consumer.Regions.V1;
        using Sei.Client;

        public static class Probe
        {
            public static async Task<string> Call(string unused)
            {
                var options = new SeiClientOptions()
                    .SetServerVariable(RegionsClient.ServerVariables.Region.EuWest)
                    .SetServerVariable(RegionsClient.ServerVariables.Tenant.Of("acme"));
                await RegionsClient.Create(options).ListThingsAsync();
                await RegionsClient.Create(new SeiClientOptions()).ListThingsAsync();
                options.ServerVariables["region"] = "mars";
                try
                {
                    await RegionsClient.Create(options).ListThingsAsync();
                    return "no error";
                }
                catch (InvalidOperationException exception)
                {
                    return exception.Message;
                }
            }
        }
        """;

    [Fact]
    public async Task Authorization_code_refresh_and_password_urls_come_from_the_documents_flows_for_the_chosen_environment()
    {
        using var fleet = new LoopbackFleet(2);
        var document = $$"""
            openapi: 3.0.3
            info: { title: SEI Users API, version: 1.0.0 }
            servers:
              - { url: '{{fleet.Origin(0)}}', description: Dev }
              - { url: '{{fleet.Origin(1)}}', description: QA }
            security:
              - user: [things.read]
            paths:
              /v1/things:
                get:
                  operationId: listThings
                  responses: { '204': { description: Done. } }
            components:
              securitySchemes:
                user:
                  type: oauth2
                  flows:
                    authorizationCode:
                      authorizationUrl: '{{fleet.Origin(0)}}/oauth/authorize'
                      tokenUrl: '{{fleet.Origin(0)}}/oauth/token'
                      refreshUrl: '{{fleet.Origin(0)}}/refresh/oauth/token'
                      scopes: { things.read: Read. }
                    password:
                      tokenUrl: '{{fleet.Origin(0)}}/password/oauth/token'
                      scopes: { things.read: Read. }
            """;
        var authorize = await LoopbackFleet.CallAsync(LoopbackFleet.Compile("users.yaml", document, UsersProbe), "Qa");

        Assert.Equal(fleet.Origin(1) + "/oauth/authorize", authorize);
        Assert.Equal(new[] { "1: POST /oauth/token", "1: POST /refresh/oauth/token", "1: POST /password/oauth/token", "1: GET /v1/things" }, fleet.Hits());
        Assert.Equal(new[] { "Bearer token-1" }, fleet.ApiAuthorization());
    }

    [Fact]
    public async Task Other_server_variables_are_typed_options_checked_against_the_documents_values()
    {
        using var fleet = new LoopbackFleet(1);
        var document = $$"""
            openapi: 3.0.3
            info: { title: SEI Regions API, version: 1.0.0 }
            servers:
              - url: '{{fleet.Origin(0)}}/{tenant}/{region}'
                variables:
                  tenant: { default: public, description: The tenant. }
                  region: { default: us, enum: [us, eu-west], description: Where the data lives. }
            paths:
              /v1/things:
                get:
                  operationId: listThings
                  responses: { '204': { description: Done. } }
            """;
        var error = await LoopbackFleet.CallAsync(LoopbackFleet.Compile("regions.yaml", document, RegionsProbe), string.Empty);
        var source = GeneratorHarness.Run(new SpecFile(GeneratorHarness.ProjectDirectory + "regions.yaml", document)).Source(".Client.g.cs");

        Assert.Equal(new[] { "0: GET /acme/eu-west/v1/things", "0: GET /public/us/v1/things" }, fleet.Hits());
        Assert.Equal("The server variable 'region' cannot be 'mars': the API document allows 'us', 'eu-west'.", error);
        Assert.Contains("/// <summary>The server variable <c>region</c>: Where the data lives. The document's default is <c>us</c>.</summary>", source);
        Assert.Contains("public static global::Sei.Client.SeiServerVariableValue EuWest { get; } = new(\"region\", \"eu-west\");", source);
        Assert.Contains("public static global::Sei.Client.SeiServerVariableValue Of(string value) => new(\"tenant\", value);", source);
    }
}
