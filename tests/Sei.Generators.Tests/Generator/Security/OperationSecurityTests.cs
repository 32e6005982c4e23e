using System.Threading.Tasks;
using Xunit;

namespace Sei.Generators.Tests.Generator.Security;

/// <summary>
/// Security per operation, through generated clients of OpenAPI 3 and Swagger 2.0 documents against a
/// token endpoint and API on 127.0.0.1: <c>security: []</c> sends nothing, operation-level requirements
/// replace the document's and their scopes are requested, and an operation that asks only for an API key
/// or HTTP Basic gets no bearer token.
/// </summary>
public sealed class OperationSecurityTests
{
    private const string OpenApi3 = """
        openapi: 3.0.3
        info: { title: SEI Guarded API, version: 1.0.0 }
        servers:
          - url: https://api.example.com
        security:
          - oauth: [things.read]
        paths:
          /v1/status:
            get:
              operationId: getStatus
              security: []
              responses: { '204': { description: Up. } }
          /v1/things:
            get:
              operationId: listThings
              responses: { '204': { description: Done. } }
            post:
              operationId: createThing
              security:
                - oauth: [things.write]
              responses: { '204': { description: Done. } }
            delete:
              operationId: deleteThings
              security:
                - oauth: [things.write, things.admin]
              responses: { '204': { description: Done. } }
          /v1/keyed:
            get:
              operationId: getKeyed
              security:
                - key: []
              responses: { '204': { description: Done. } }
          /v1/basic:
            get:
              operationId: getBasic
              security:
                - basic: []
              responses: { '204': { description: Done. } }
          /v1/either:
            get:
              operationId: getEither
              security:
                - key: []
                - oauth: [things.read, things.write]
              responses: { '204': { description: Done. } }
        components:
          securitySchemes:
            oauth:
              type: oauth2
              flows:
                clientCredentials:
                  tokenUrl: /oauth/token
                  scopes: { things.read: Read., things.write: Write., things.admin: Administer. }
            key: { type: apiKey, name: X-Api-Key, in: header }
            basic: { type: http, scheme: basic }
        """;

    private const string Swagger2 = """
        {
          "swagger": "2.0",
          "info": { "title": "SEI Guarded API", "version": "1.0.0" },
          "host": "api.example.com",
          "schemes": ["https"],
          "security": [ { "app": ["things.read"] } ],
          "paths": {
            "/v1/status": { "get": { "operationId": "getStatus", "security": [], "responses": { "204": { "description": "Up." } } } },
            "/v1/things": {
              "get": { "operationId": "listThings", "responses": { "204": { "description": "Done." } } },
              "post": { "operationId": "createThing", "security": [ { "app": ["things.write"] } ], "responses": { "204": { "description": "Done." } } },
              "delete": { "operationId": "deleteThings", "security": [ { "app": ["things.write", "things.admin"] } ], "responses": { "204": { "description": "Done." } } }
            },
            "/v1/keyed": { "get": { "operationId": "getKeyed", "security": [ { "key": [] } ], "responses": { "204": { "description": "Done." } } } },
            "/v1/basic": { "get": { "operationId": "getBasic", "security": [ { "basic": [] } ], "responses": { "204": { "description": "Done." } } } },
            "/v1/either": { "get": { "operationId": "getEither", "security": [ { "key": [] }, { "app": ["things.read", "things.write"] } ], "responses": { "204": { "description": "Done." } } } }
          },
          "securityDefinitions": {
            "app": { "type": "oauth2", "flow": "application", "tokenUrl": "https://api.example.com/oauth/token", "scopes": { "things.read": "Read.", "things.write": "Write.", "things.admin": "Administer." } },
            "code": { "type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://api.example.com/oauth/authorize", "tokenUrl": "https://api.example.com/oauth/token", "scopes": {} },
            "key": { "type": "apiKey", "name": "X-Api-Key", "in": "header" },
            "basic": { "type": "basic" }
          }
        }
        """;

    private const string Probe = """
        using System;
        using System.Threading.Tasks;
        using Consumer.Guarded.V1;
        using Sei.Client;

        public static class Probe
        {
            public static async Task<string> Call(string baseUrl)
            {
                var options = new SeiClientOptions { BaseAddress = new Uri(baseUrl) }.UseClientCredentials("app-key", "app-secret");
                var client = GuardedClient.Create(options);
                await client.GetStatusAsync();
                await client.ListThingsAsync();
                await client.CreateThingAsync();
                await client.ListThingsAsync();
                await client.DeleteThingsAsync();
                await client.CreateThingAsync();
                await client.GetKeyedAsync();
                await client.GetBasicAsync();
                await client.GetEitherAsync();
                return "ok";
            }
        }
        """;

    [Theory]
    [InlineData("guarded.yaml", OpenApi3)]
    [InlineData("guarded.json", Swagger2)]
    public async Task Each_operation_gets_the_credentials_its_security_asks_for(string fileName, string document)
    {
        using var fleet = new LoopbackFleet(1);
        var client = LoopbackFleet.Compile(fileName, document, Probe);

        Assert.Equal("ok", await LoopbackFleet.CallAsync(client, fleet.Origin(0)));

        Assert.Equal(
            new[]
            {
                "grant_type=client_credentials&scope=things.read",
                "grant_type=client_credentials&scope=things.write",
                "grant_type=client_credentials&scope=things.admin things.write",
                "grant_type=client_credentials&scope=things.read things.write",
            },
            fleet.TokenBodies());
        Assert.Equal(
            new[]
            {
                null,                   // getStatus: security: []
                "Bearer token-1",       // listThings: the document's things.read
                "Bearer token-2",       // createThing: things.write
                "Bearer token-1",       // listThings again: the things.read token is reused
                "Bearer token-3",       // deleteThings: things.write and things.admin
                "Bearer token-2",       // createThing again: its token is reused
                null,                   // getKeyed: an API key only
                null,                   // getBasic: HTTP Basic only
                "Bearer token-4",       // getEither: the OAuth alternative, with both its scopes
            },
            fleet.ApiAuthorization());
    }
}
