using System.Linq;
using System.Threading;
using Sei.Generators.Model;
using Xunit;

namespace Sei.Generators.Tests.Building;

/// <summary>What Building records of servers (templates, environments, variables) and of security (every flow, each operation's requirements).</summary>
public sealed class ServerAndSecurityModelTests
{
    private static BuildResult Build(string servers, string security = "", string paths = "paths: {}", string components = "")
        => SeiClientGenerator.ReadAndBuild(
            new SpecInput("/project/doc.yaml", "openapi: 3.0.3\ninfo: { title: SEI Model API, version: 1.0.0 }\n" + servers + "\n" + security + "\n" + paths + "\n" + components, null, null, "Consumer", "/project/"),
            CancellationToken.None);

    private static string Environments(ServerModel server)
        => string.Join(", ", server.Environments.Select(e => e.Environment + (e.VariableValue is null ? string.Empty : "=" + e.VariableValue)));

    [Fact]
    public void Template_variables_are_read_with_their_roles_and_each_environment_gets_its_value()
    {
        var result = Build("""
            servers:
              - url: https://{environment}.api.example.com:{port}/{region}
                variables:
                  environment: { default: prod, enum: [dev, qa, uat, prod, sandbox] }
                  port: { default: '443', enum: ['443', '444'] }
                  region: { default: us, enum: [us, eu-west-1] }
            """);

        var server = Assert.Single(result.Model!.Servers);
        Assert.Equal(new[] { ServerVariableRole.Environment, ServerVariableRole.MutualTlsPort, ServerVariableRole.Other }, server.Variables.Select(v => v.Role));
        Assert.Equal("Dev=dev, Qa=qa, Pilot=uat, Prod=prod", Environments(server));
        Assert.Equal("https://prod.api.example.com:443/us", result.Model.DefaultServerUrl);
        Assert.Equal("https://sandbox.api.example.com:443/eu-west-1", result.Model.LongestServerUrl);
        var region = Assert.Single(result.Model.ServerVariableOptions);
        Assert.Equal(("Region", "region"), (region.ClassName, region.VariableName));
        Assert.Equal(new[] { "Us", "EuWest1" }, region.Values.Select(v => v.MemberName));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_description_naming_several_environments_chooses_none_and_one_named_alone_wins_over_a_variable()
    {
        var result = Build("""
            servers:
              - url: https://nonprod.example.com
                description: Dev, QA and Pilot
              - url: https://{env}.gw.example.com
                variables:
                  env: { default: qa, enum: [qa, prod] }
              - url: https://api.example.com
                description: Production (test in QA first)
              - url: https://live.example.com
                description: Production
            """);

        var servers = result.Model!.Servers;
        Assert.Equal(new[] { string.Empty, "Qa=qa", string.Empty, "Prod" }, servers.Select(Environments));
    }

    [Fact]
    public void An_environment_the_description_names_but_no_variable_value_selects_is_reported_at_the_description()
    {
        var result = Build("""
            servers:
              - url: https://{env}.api.example.com
                description: Dev, QA and Pilot
                variables:
                  env: { default: dev, enum: [dev, qa] }
            """);

        Assert.Equal("Dev=dev, Qa=qa", Environments(result.Model!.Servers[0]));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SEI2030", diagnostic.Id);
        Assert.Equal(new[] { "https://{env}.api.example.com", "Pilot", "env" }, diagnostic.MessageArguments);
    }

    [Fact]
    public void Every_oauth_flow_is_kept_with_its_urls_and_templated_urls_survive_the_reader()
    {
        var result = Build(
            "servers:\n  - url: https://{environment}.api.example.com\n    variables:\n      environment: { default: prod, enum: [qa, prod] }",
            components: """
                components:
                  securitySchemes:
                    all:
                      type: oauth2
                      flows:
                        clientCredentials: { tokenUrl: 'https://{environment}.auth.example.com/token', scopes: { a: A } }
                        authorizationCode: { authorizationUrl: /authorize, tokenUrl: /token, refreshUrl: /refresh, scopes: {} }
                        password: { tokenUrl: /password/token, scopes: {} }
                        implicit: { authorizationUrl: /implicit, scopes: {} }
                    key: { type: apiKey, name: X-Key, in: query }
                    bearer: { type: http, scheme: bearer }
                    oidc: { type: openIdConnect, openIdConnectUrl: 'https://login.example.com/.well-known/openid-configuration' }
                """);

        var schemes = result.Model!.Security.Schemes;
        Assert.Equal(
            new[] { "ClientCredentials https://{environment}.auth.example.com/token", "AuthorizationCode /token /authorize /refresh", "Password /password/token", "Implicit /implicit" },
            schemes[0].Flows.Select(f => string.Join(" ", new[] { f.Kind.ToString(), f.TokenUrl, f.AuthorizationUrl, f.RefreshUrl }.Where(x => x is not null))));
        Assert.Equal((SecuritySchemeKind.ApiKey, "X-Key", ApiKeyLocation.Query), (schemes[1].Kind, schemes[1].ParameterName, schemes[1].ParameterLocation));
        Assert.Equal(new[] { SecuritySchemeKind.OAuth2, SecuritySchemeKind.ApiKey, SecuritySchemeKind.HttpBearer, SecuritySchemeKind.OpenIdConnect }, schemes.Select(s => s.Kind));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SEI1001");
    }

    [Fact]
    public void Swagger_2_flows_map_onto_openapi_3s()
    {
        var result = SeiClientGenerator.ReadAndBuild(
            new SpecInput("/project/doc.json", """
                {
                  "swagger": "2.0", "info": { "title": "SEI Model API", "version": "1.0.0" }, "host": "api.example.com", "paths": {},
                  "securityDefinitions": {
                    "app": { "type": "oauth2", "flow": "application", "tokenUrl": "https://api.example.com/token", "scopes": {} },
                    "code": { "type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://api.example.com/authorize", "tokenUrl": "https://api.example.com/token", "scopes": {} },
                    "pw": { "type": "oauth2", "flow": "password", "tokenUrl": "https://{environment}.api.example.com/token", "scopes": {} },
                    "imp": { "type": "oauth2", "flow": "implicit", "authorizationUrl": "https://api.example.com/implicit", "scopes": {} },
                    "basic": { "type": "basic" }
                  }
                }
                """, null, null, "Consumer", "/project/"),
            CancellationToken.None);

        Assert.Equal(
            new[] { "app ClientCredentials", "code AuthorizationCode", "pw Password", "imp Implicit", "basic " },
            result.Model!.Security.Schemes.Select(s => s.Name + " " + string.Join(",", s.Flows.Select(f => f.Kind))));
        Assert.Equal("https://{environment}.api.example.com/token", result.Model.Security.Schemes[2].Flows[0].TokenUrl);
        Assert.Equal(SecuritySchemeKind.HttpBasic, result.Model.Security.Schemes[4].Kind);
    }

    [Fact]
    public void Operations_record_their_own_security_only_where_it_differs_and_undeclared_schemes_are_reported()
    {
        var result = Build(
            "servers:\n  - url: https://api.example.com",
            "security:\n  - oauth: [read]",
            """
            paths:
              /a:
                get: { security: [], responses: { '204': { description: ok } } }
                put: { security: [{ oauth: [read] }], responses: { '204': { description: ok } } }
                post: { security: [{}, { oauth: [write] }, { key: [], oauth: [] }], responses: { '204': { description: ok } } }
                delete: { security: [{ oauht: [write] }], responses: { '204': { description: ok } } }
                patch: { responses: { '204': { description: ok } } }
            """,
            """
            components:
              securitySchemes:
                oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: /token, scopes: { read: r, write: w } } } }
                key: { type: apiKey, name: X-Key, in: header }
            """);

        var security = result.Model!.Security;
        Assert.Equal("oauth:read", Describe(security.Default!));
        Assert.Equal(
            new[] { "GET /a => (anonymous)", "POST /a => {} | oauth:write | key: + oauth:", "DELETE /a => oauht:write" },
            security.Operations.Select(o => o.HttpMethod + " " + o.Path + " => " + Describe(o.Security)));
        var undeclared = Assert.Single(result.Diagnostics);
        Assert.Equal("SEI2031", undeclared.Id);
        Assert.Equal(new[] { "oauht" }, undeclared.MessageArguments);
    }

    [Fact]
    public void Url_length_checks_count_from_the_longest_expansion_not_the_default()
    {
        var longName = new string('x', 150);
        var paths = """
            paths:
              /v1/things:
                get:
                  operationId: listThings
                  parameters:
                    - { name: q, in: query, schema: { type: string, maxLength: 1880 } }
                  responses: { '204': { description: ok } }
            """;

        var plain = Build("servers:\n  - url: https://{environment}.api.example.com\n    variables:\n      environment: { default: qa, enum: [qa] }", paths: paths);
        var templated = Build("servers:\n  - url: https://{environment}.api.example.com\n    variables:\n      environment: { default: qa, enum: [qa, " + longName + "] }", paths: paths);

        Assert.DoesNotContain(plain.Diagnostics, d => d.Id == "SEI2006");
        Assert.Equal("https://" + longName + ".api.example.com", templated.Model!.LongestServerUrl);
        Assert.Contains(templated.Diagnostics, d => d.Id == "SEI2006");
    }

    private static string Describe(SecurityModel security)
        => security.Alternatives.IsEmpty
            ? "(anonymous)"
            : string.Join(" | ", security.Alternatives.Select(a => a.Schemes.IsEmpty ? "{}" : string.Join(" + ", a.Schemes.Select(s => s.Scheme + ":" + string.Join(" ", s.Scopes)))));
}
