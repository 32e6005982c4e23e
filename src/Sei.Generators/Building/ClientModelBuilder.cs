using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.OpenApi;
using Sei.Generators.Model;
using Sei.Generators.Reading;

namespace Sei.Generators.Building;

/// <summary>
/// Building: turns a read document into a <see cref="ClientModel"/>. It uses no Roslyn types;
/// problems are added to the collector with JSON pointers, located later.
/// </summary>
internal static class ClientModelBuilder
{
    /// <summary>Members of the client's base class and of <see cref="object"/>, which operation methods must not hide.</summary>
    private static readonly string[] ReservedMemberNames =
    {
        "ServerUrl", "HttpClient", "Options", "Logger", "SendAsync", "CreateResponse", "ReadJsonAsync", "ReadTextAsync",
        "ReadStreamAsync", "GetTrackingId", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
        "DefaultServerUrl", "LongestServerUrl", "EnvironmentUrls", "TokenUrl", "Api", "ApiDescription", "Create", "FollowAsync", "FollowLinkAsync", "FollowHrefAsync", "FindLink", "ResolveLink", "Readers", "Routes", "ReaderFor",
    };

    public static ClientModel Build(SpecInput input, SpecDocument spec, ProblemCollector problems, CancellationToken cancellationToken)
    {
        var document = spec.Document;
        var productName = NamingResolver.ProductName(document, input.Path);
        var clientName = NamingResolver.ClientName(input, productName);
        var ns = NamingResolver.Namespace(input, document, productName);

        // "Serialization" is the namespace of the converters; a type of that name would hide it.
        var mapper = new SchemaMapper(problems, spec.Version == OpenApiSpecVersion.OpenApi2_0, new[] { clientName, "Serialization", clientName + "ServiceCollectionExtensions" });
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        mapper.ReserveComponentNames(components.Keys);
        foreach (var pair in components)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A Boolean schema (3.1: "true" allows any value) reaches us as null: it is an empty schema.
            mapper.MapComponent(pair.Key, pair.Value ?? new OpenApiSchema());
        }

        var servers = Servers(document);
        var defaultServer = servers.Count > 0 ? servers[0].Url : "/";
        var longestServer = servers.Count > 0 ? servers.OrderByDescending(s => s.Url.Length).First().Url : defaultServer;
        var operations = new OperationMapper(mapper, problems, ReservedMemberNames.Concat(new[] { clientName }), longestServer, spec.Raw).MapAll(document, cancellationToken);
        mapper.LinkDerivedTypes();

        return new ClientModel(
            input.Path,
            NamingResolver.HintName(input),
            ns,
            clientName,
            document.Info?.Title ?? productName,
            document.Info?.Version ?? string.Empty,
            Text.Clean(document.Info?.Description),
            defaultServer,
            longestServer,
            TokenUrl(document),
            servers.ToEquatableArray(),
            mapper.Declarations.ToEquatableArray(),
            operations.ToEquatableArray());
    }

    /// <summary>The token URL of the first OAuth 2.0 client-credentials flow the document declares (Swagger 2.0's "application" flow too).</summary>
    private static string? TokenUrl(OpenApiDocument document)
    {
        foreach (var scheme in document.Components?.SecuritySchemes?.Values ?? Enumerable.Empty<IOpenApiSecurityScheme>())
        {
            if (scheme?.Type == SecuritySchemeType.OAuth2 && scheme.Flows?.ClientCredentials?.TokenUrl is { } tokenUrl)
            {
                return tokenUrl.OriginalString;
            }
        }

        return null;
    }

    /// <summary>Which SEI environment a server's description names: "Dev", "QA environment", "Production" and the like.</summary>
    private static string? EnvironmentOf(string? description)
    {
        var words = (description ?? string.Empty).ToLowerInvariant()
            .Split(new[] { ' ', '-', '_', '(', ')', ',', '.', ':', '/' }, StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            switch (word)
            {
                case "dev":
                case "development":
                    return "Dev";
                case "qa":
                case "test":
                case "testing":
                    return "Qa";
                case "pilot":
                case "uat":
                    return "Pilot";
                case "prod":
                case "production":
                    return "Prod";
            }
        }

        return null;
    }

    private static List<ServerModel> Servers(OpenApiDocument document)
    {
        var servers = new List<ServerModel>();
        foreach (var server in document.Servers ?? new List<OpenApiServer>())
        {
            if (string.IsNullOrWhiteSpace(server.Url))
            {
                continue;
            }

            var url = server.Url!;
            if (server.Variables is { } variables)
            {
                foreach (var variable in variables)
                {
                    url = url.Replace("{" + variable.Key + "}", variable.Value?.Default ?? string.Empty);
                }
            }

            var environment = EnvironmentOf(server.Description);
            if (environment is not null && servers.Any(s => s.Environment == environment))
            {
                // The first server of an environment is its URL; later ones stay listed but unnamed.
                environment = null;
            }

            servers.Add(new ServerModel(url.TrimEnd('/'), Text.Clean(server.Description), environment));
        }

        return servers;
    }
}
