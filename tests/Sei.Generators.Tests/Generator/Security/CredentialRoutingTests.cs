using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Xunit;

namespace Sei.Generators.Tests.Generator.Security;

/// <summary>
/// Credentials go only where the user pointed the client: for every shape of server list, a generated
/// client is compiled and called against servers on 127.0.0.1 (each its own origin), and the test
/// checks which origin and path every token request and every API request reached.
/// </summary>
public sealed class CredentialRoutingTests
{
    private const string Probe = """
        using System;
        using System.Threading.Tasks;
        using Consumer.Routing.V1;
        using Sei.Client;

        public static class Probe
        {
            public static async Task<string> Call(string settings)
            {
                var options = new SeiClientOptions().UseClientCredentials("app-key", "app-secret");
                options.Retry.Enabled = false;
                foreach (var setting in settings.Split(';', StringSplitOptions.RemoveEmptyEntries))
                {
                    var name = setting.Substring(0, setting.IndexOf('='));
                    var value = setting.Substring(setting.IndexOf('=') + 1);
                    switch (name)
                    {
                        case "environment": options.Environment = Enum.Parse<SeiEnvironment>(value); break;
                        case "base": options.BaseAddress = new Uri(value); break;
                        case "token": options.ClientCredentials!.TokenUrl = new Uri(value); break;
                        case "mtls": options.UseMutualTlsPort = true; break;
                    }
                }

                try
                {
                    await RoutingClient.Create(options).ListThingsAsync();
                    return "ok";
                }
                catch (SeiException exception)
                {
                    return exception.GetType().Name + ": " + exception.Message;
                }
            }
        }
        """;

    private static Assembly Compile(string servers, string tokenUrl)
    {
        var document = $$"""
            openapi: 3.0.3
            info: { title: SEI Routing API, version: 1.0.0 }
            {{servers}}
            security:
              - oauth: [things.read]
            paths:
              /v1/things:
                get:
                  operationId: listThings
                  responses:
                    '204': { description: Done. }
            components:
              securitySchemes:
                oauth:
                  type: oauth2
                  flows:
                    clientCredentials:
                      tokenUrl: '{{tokenUrl}}'
                      scopes: { things.read: Read things. }
            """;
        return LoopbackFleet.Compile("routing.yaml", document, Probe);
    }

    [Fact]
    public async Task Plain_server_urls_token_and_calls_go_to_the_first_server()
    {
        using var fleet = new LoopbackFleet(2);
        var client = Compile($"servers:\n  - url: {fleet.Origin(0)}\n  - url: {fleet.Origin(1)}", fleet.Origin(0) + "/oauth/token");

        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, string.Empty));

        Assert.Equal(new[] { "0: POST /oauth/token", "0: GET /v1/things" }, fleet.Hits());
        Assert.Equal(new[] { "Bearer token-1" }, fleet.ApiAuthorization());
    }

    [Fact]
    public async Task Described_environments_move_the_token_url_on_a_servers_host_to_the_chosen_environment()
    {
        using var fleet = new LoopbackFleet(2);
        var client = Compile($"servers:\n  - url: {fleet.Origin(0)}\n    description: Dev\n  - url: {fleet.Origin(1)}\n    description: QA", fleet.Origin(0) + "/oauth/token");

        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, "environment=Qa"));

        Assert.Equal(new[] { "1: POST /oauth/token", "1: GET /v1/things" }, fleet.Hits());
    }

    [Fact]
    public async Task A_template_with_an_environment_variable_expands_for_the_server_and_its_token_url_template()
    {
        using var fleet = new LoopbackFleet(1);
        var servers = $"servers:\n  - url: '{fleet.Origin(0)}/{{environment}}'\n    variables:\n      environment: {{ default: prod, enum: [dev, qa, pilot, prod] }}";
        var client = Compile(servers, fleet.Origin(0) + "/{environment}/oauth/token");

        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, "environment=Pilot"));
        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, string.Empty));

        Assert.Equal(new[] { "0: POST /pilot/oauth/token", "0: GET /pilot/v1/things", "0: POST /prod/oauth/token", "0: GET /prod/v1/things" }, fleet.Hits());
    }

    [Fact]
    public async Task A_template_with_a_port_variable_takes_444_for_mutual_tls_and_the_token_request_follows()
    {
        using var fleet = new LoopbackFleet(1);
        var port = fleet.Port(0);
        var servers = $"servers:\n  - url: 'http://127.0.0.1:{{port}}'\n    description: Prod\n    variables:\n      port: {{ default: '{port}', enum: ['{port}', '444'] }}";
        var client = Compile(servers, $"http://127.0.0.1:{port}/oauth/token");

        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, "environment=Prod"));
        var mutualTls = await LoopbackFleet.CallAsync(client, "environment=Prod;mtls=true");

        Assert.Equal(new[] { "0: POST /oauth/token", "0: GET /v1/things" }, fleet.Hits());
        Assert.StartsWith("SeiTransportException: The OAuth 2.0 token request to http://127.0.0.1:444/oauth/token", mutualTls);
    }

    [Fact]
    public async Task A_relative_server_url_resolves_a_relative_token_url_against_the_configured_address()
    {
        using var fleet = new LoopbackFleet(1);
        var client = Compile("servers:\n  - url: /api", "/oauth/token");

        Assert.StartsWith("InvalidOperationException", await CallCatchingAsync(client, string.Empty));
        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, "base=" + fleet.Origin(0) + "/api"));

        Assert.Equal(new[] { "0: POST /oauth/token", "0: GET /api/v1/things" }, fleet.Hits());
    }

    [Fact]
    public async Task No_servers_keep_an_absolute_token_urls_path_on_the_configured_origin()
    {
        using var fleet = new LoopbackFleet(1);
        var client = Compile(string.Empty, "https://login.example.com/oauth/token");

        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, "base=" + fleet.Origin(0)));

        Assert.Equal(new[] { "0: POST /oauth/token", "0: GET /v1/things" }, fleet.Hits());
    }

    [Fact]
    public async Task A_base_address_outside_the_document_never_sends_credentials_to_the_documents_token_host()
    {
        using var fleet = new LoopbackFleet(2);

        // The document's production host serves tokens; the application points the client at a gateway (server 1).
        var client = Compile($"servers:\n  - url: {fleet.Origin(0)}\n    description: Prod", fleet.Origin(0) + "/oauth/v1/token");

        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, "base=" + fleet.Origin(1) + "/gateway/"));

        Assert.Equal(new[] { "1: POST /oauth/v1/token", "1: GET /gateway/v1/things" }, fleet.Hits());
    }

    [Fact]
    public async Task An_explicit_token_url_is_where_credentials_go()
    {
        using var fleet = new LoopbackFleet(3);
        var client = Compile($"servers:\n  - url: {fleet.Origin(0)}\n    description: Dev", fleet.Origin(0) + "/oauth/token");

        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, "base=" + fleet.Origin(1) + ";token=" + fleet.Origin(2) + "/idp/oauth/token"));

        Assert.Equal(new[] { "1: GET /v1/things", "2: POST /idp/oauth/token" }, fleet.Hits());
    }

    [Fact]
    public async Task A_token_url_on_a_separate_host_serves_the_documents_environments_but_never_an_origin_it_does_not_list()
    {
        using var fleet = new LoopbackFleet(4);
        var client = Compile(
            $"servers:\n  - url: {fleet.Origin(0)}\n    description: Dev\n  - url: {fleet.Origin(1)}\n    description: QA",
            fleet.Origin(2) + "/auth/oauth/token");

        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, "environment=Qa"));
        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, "base=" + fleet.Origin(0)));
        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, "base=" + fleet.Origin(3)));

        Assert.Equal(
            new[] { "0: GET /v1/things", "1: GET /v1/things", "2: POST /auth/oauth/token", "2: POST /auth/oauth/token", "3: POST /auth/oauth/token", "3: GET /v1/things" },
            fleet.Hits());
    }

    [Fact]
    public async Task Environments_named_together_in_prose_get_their_own_url_from_a_variable_or_a_clear_error()
    {
        using var fleet = new LoopbackFleet(2);
        var servers = $"servers:\n  - url: '{fleet.Origin(0)}/{{env}}'\n    description: Dev, QA and Pilot\n    variables:\n      env: {{ default: dev, enum: [dev, qa] }}"
            + $"\n  - url: '{fleet.Origin(1)}'\n    description: Dev, QA and Pilot (shared)";
        var client = Compile(servers, "/oauth/token");

        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, "environment=Qa"));
        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, "environment=Dev"));
        var pilot = await CallCatchingAsync(client, "environment=Pilot");

        Assert.Equal(new[] { "0: POST /oauth/token", "0: GET /qa/v1/things", "0: POST /oauth/token", "0: GET /dev/v1/things" }, fleet.Hits());
        Assert.StartsWith("InvalidOperationException: The API document lists no server for the Pilot environment (it lists: Dev, Qa;", pilot);
        Assert.Contains(fleet.Origin(1) + " (Dev, QA and Pilot (shared))", pilot);
    }

    private static async Task<string> CallCatchingAsync(Assembly client, string settings)
    {
        try
        {
            return await LoopbackFleet.CallAsync(client, settings);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is { } inner)
        {
            return inner.GetType().Name + ": " + inner.Message;
        }
        catch (InvalidOperationException exception)
        {
            return "InvalidOperationException: " + exception.Message;
        }
    }
}
