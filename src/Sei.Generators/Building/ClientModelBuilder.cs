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
        "DefaultServerUrl", "LongestServerUrl", "EnvironmentUrls", "TokenUrl", "ServerVariables", "Api", "ApiDescription", "Create", "FollowAsync", "FollowLinkAsync", "FollowHrefAsync", "FindLink", "ResolveLink", "LinkRoutes",
    };

    public static ClientModel Build(SpecInput input, SpecDocument spec, ProblemCollector problems, CancellationToken cancellationToken)
    {
        var document = spec.Document;
        var productName = NamingResolver.ProductName(document, input.Path);
        var clientName = NamingResolver.ClientName(input, productName);
        var ns = NamingResolver.Namespace(input, document, productName);
        var registrationName = NamingResolver.RegistrationName(clientName, NamingResolver.VersionSegmentName(document));

        // "Serialization" is the namespace of the converters; a type of that name would hide it.
        var mapper = new SchemaMapper(problems, spec.Version == OpenApiSpecVersion.OpenApi2_0, new[] { clientName, "Serialization", ClientModel.RegistrationClassNameOf(clientName) });
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        mapper.ReserveComponentNames(components.Keys);
        foreach (var pair in components)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A Boolean schema (3.1: "true" allows any value) reaches us as null: it is an empty schema.
            mapper.MapComponent(pair.Key, pair.Value ?? new OpenApiSchema());
        }

        var servers = ServerBuilder.Build(document, problems);
        var defaultServer = ServerBuilder.DefaultUrl(servers);
        var longestServer = ServerBuilder.LongestUrl(servers);
        var operations = new OperationMapper(mapper, problems, ReservedMemberNames.Concat(new[] { clientName }), longestServer, spec.Raw).MapAll(document, cancellationToken);
        mapper.LinkDerivedTypes();

        return new ClientModel(
            input.Path,
            NamingResolver.HintName(input),
            ns,
            clientName,
            registrationName,
            document.Info?.Title ?? productName,
            document.Info?.Version ?? string.Empty,
            Text.Clean(document.Info?.Description),
            defaultServer,
            longestServer,
            servers.ToEquatableArray(),
            ServerBuilder.VariableOptions(servers).ToEquatableArray(),
            mapper.Declarations.ToEquatableArray(),
            operations.ToEquatableArray(),
            SecurityBuilder.Build(spec, problems));
    }
}
