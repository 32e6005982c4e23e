using System.Net.Http;
using Microsoft.OpenApi;
using Sei.Generators.Reading;

namespace Sei.Generators.Building;

/// <summary>
/// Building, for security: every security scheme with every OAuth 2.0 flow (the reader maps Swagger
/// 2.0's <c>application</c>, <c>accessCode</c>, <c>password</c> and <c>implicit</c> onto OpenAPI 3's
/// flows), the document's top-level security, and each operation whose own security differs from it.
/// </summary>
internal static class SecurityBuilder
{
    /// <summary>The document's security schemes and security, and the own security of each operation <paramref name="selection"/> holds.</summary>
    /// <param name="spec">The document.</param>
    /// <param name="selection">The operations generated.</param>
    /// <param name="problems">Where problems go.</param>
    /// <returns>The model.</returns>
    public static ApiSecurityModel Build(SpecDocument spec, OperationSelection selection, ProblemCollector problems)
    {
        var document = spec.Document;
        var isSwagger2 = spec.Version == OpenApiSpecVersion.OpenApi2_0;
        var schemes = new List<SecuritySchemeModel>();
        foreach (var pair in document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>())
        {
            if (pair.Value?.Type is { } type)
            {
                var pointer = (isSwagger2 ? "/securityDefinitions/" : "/components/securitySchemes/") + SourceMap.EscapeSegment(pair.Key);
                if (type == SecuritySchemeType.ApiKey && pair.Value.In == Microsoft.OpenApi.ParameterLocation.Path)
                {
                    // The reader takes any parameter location here; an API key has three of them, and a path is not one.
                    problems.AddOfKind(
                        DiagnosticIds.SpecificationViolation,
                        "/components/securitySchemes/" + SourceMap.EscapeSegment(pair.Key) + "/in",
                        "an API key in a path",
                        "An apiKey security scheme is sent in a query parameter, a header or a cookie, and 'path' is none of them, so the key is sent in a header.");
                }

                schemes.Add(Scheme(pair.Key, type, pair.Value, (flow, key, url) => spec.UrlTemplates.TryGetValue(pointer + (isSwagger2 ? string.Empty : "/flows/" + flow) + "/" + key, out var template) ? template : url));
            }
        }

        var declared = new HashSet<string>(schemes.Select(s => s.Name), StringComparer.Ordinal);
        var topLevel = document.Security is null ? null : Security(document.Security, "/security", declared, problems);
        var operations = new List<OperationSecurityModel>();
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            foreach (var operation in path.Value?.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
            {
                if (operation.Value?.Security is not { } own || !selection.Contains(path.Key, operation.Key))
                {
                    continue;
                }

                var method = operation.Key.Method.ToUpperInvariant();
                var pointer = "/paths/" + SourceMap.EscapeSegment(path.Key) + "/" + operation.Key.Method.ToLowerInvariant() + "/security";
                var security = Security(own, pointer, declared, problems);
                if (!security.Equals(topLevel))
                {
                    operations.Add(new OperationSecurityModel(method, path.Key, security));
                }
            }
        }

        return new ApiSecurityModel(schemes.ToEquatableArray(), topLevel, operations.ToEquatableArray());
    }

    /// <param name="name">The scheme's name.</param>
    /// <param name="type">Its type.</param>
    /// <param name="scheme">The scheme as read.</param>
    /// <param name="original">Gives a flow URL back as the document wrote it (a template the reader saw a stand-in for), from the flow's key, the URL's key and the URL read.</param>
    private static SecuritySchemeModel Scheme(string name, SecuritySchemeType type, IOpenApiSecurityScheme scheme, Func<string, string, string?, string?> original)
    {
        var kind = type switch
        {
            SecuritySchemeType.OAuth2 => SecuritySchemeKind.OAuth2,
            SecuritySchemeType.OpenIdConnect => SecuritySchemeKind.OpenIdConnect,
            SecuritySchemeType.ApiKey => SecuritySchemeKind.ApiKey,
            SecuritySchemeType.Http => (scheme.Scheme ?? string.Empty).ToLowerInvariant() switch
            {
                "basic" => SecuritySchemeKind.HttpBasic,
                "bearer" => SecuritySchemeKind.HttpBearer,
                _ => SecuritySchemeKind.Http,
            },
            SecuritySchemeType.MutualTLS => SecuritySchemeKind.MutualTls,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Every type Microsoft.OpenApi reads has a kind."),
        };
        var flows = new List<OAuthFlowModel>();
        void Add(OAuthFlowKind flowKind, string flowKey, OpenApiOAuthFlow? flow)
        {
            if (flow is not null)
            {
                var authorizationKey = flowKind == OAuthFlowKind.DeviceAuthorization ? "deviceAuthorizationUrl" : "authorizationUrl";
                flows.Add(new OAuthFlowModel(
                    flowKind,
                    original(flowKey, "tokenUrl", flow.TokenUrl?.OriginalString),
                    original(flowKey, authorizationKey, (flowKind == OAuthFlowKind.DeviceAuthorization ? flow.DeviceAuthorizationUrl : flow.AuthorizationUrl)?.OriginalString),
                    original(flowKey, "refreshUrl", flow.RefreshUrl?.OriginalString),
                    (flow.Scopes?.Keys ?? Enumerable.Empty<string>()).ToEquatableArray()));
            }
        }

        if (kind == SecuritySchemeKind.OAuth2 && scheme.Flows is { } declared)
        {
            Add(OAuthFlowKind.ClientCredentials, "clientCredentials", declared.ClientCredentials);
            Add(OAuthFlowKind.AuthorizationCode, "authorizationCode", declared.AuthorizationCode);
            Add(OAuthFlowKind.Password, "password", declared.Password);
            Add(OAuthFlowKind.Implicit, "implicit", declared.Implicit);
            Add(OAuthFlowKind.DeviceAuthorization, "deviceAuthorization", declared.DeviceAuthorization);
        }

        var location = scheme.In switch
        {
            Microsoft.OpenApi.ParameterLocation.Query => ApiKeyLocation.Query,
            Microsoft.OpenApi.ParameterLocation.Cookie => ApiKeyLocation.Cookie,

            // A header is the default: for schemes other than apiKey, which have no location, for an
            // apiKey whose location the reader could not read (SEI1004), and for a path (SEI1004 above).
            Microsoft.OpenApi.ParameterLocation.Header or Microsoft.OpenApi.ParameterLocation.Path or null => ApiKeyLocation.Header,
            _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme.In, "Every parameter location Microsoft.OpenApi reads has a place."),
        };
        return new SecuritySchemeModel(name, kind, flows.ToEquatableArray(), kind == SecuritySchemeKind.ApiKey ? scheme.Name : null, location, Text.Clean(scheme.Description));
    }

    private static SecurityModel Security(IList<OpenApiSecurityRequirement> requirements, string pointer, HashSet<string> declared, ProblemCollector problems)
    {
        var alternatives = new List<SecurityRequirementModel>();
        for (var i = 0; i < requirements.Count; i++)
        {
            var schemes = new List<SchemeRequirementModel>();
            foreach (var pair in requirements[i] ?? new OpenApiSecurityRequirement())
            {
                var name = pair.Key?.Reference?.Id ?? string.Empty;
                if (!declared.Contains(name))
                {
                    // Kept by name: no credentials of the client answer it, so nothing is sent for it.
                    problems.Add(DiagnosticIds.UndeclaredSecurityScheme, pointer + "/" + i.ToString(CultureInfo.InvariantCulture), name);
                }

                schemes.Add(new SchemeRequirementModel(name, (pair.Value ?? new List<string>()).ToEquatableArray()));
            }

            alternatives.Add(new SecurityRequirementModel(schemes.ToEquatableArray()));
        }

        return new SecurityModel(alternatives.ToEquatableArray());
    }
}
