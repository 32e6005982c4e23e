namespace Sei.Generators.Model;

/// <summary>The kinds of OpenAPI security scheme.</summary>
internal enum SecuritySchemeKind
{
    OAuth2,
    OpenIdConnect,
    ApiKey,
    HttpBasic,
    HttpBearer,
    Http,
    MutualTls,
}

/// <summary>The OAuth 2.0 flows (Swagger 2.0's application, accessCode, password and implicit map onto the first four).</summary>
internal enum OAuthFlowKind
{
    ClientCredentials,
    AuthorizationCode,
    Password,
    Implicit,
    DeviceAuthorization,
}

/// <summary>Where an API key travels.</summary>
internal enum ApiKeyLocation
{
    Header,
    Query,
    Cookie,
}

/// <summary>One OAuth 2.0 flow, its URLs as the document writes them, and the scopes it offers.</summary>
internal sealed record OAuthFlowModel(OAuthFlowKind Kind, string? TokenUrl, string? AuthorizationUrl, string? RefreshUrl, EquatableArray<string> Scopes);

/// <summary>A security scheme of the document; <see cref="ParameterName"/> and <see cref="ParameterLocation"/> are an API key's.</summary>
internal sealed record SecuritySchemeModel(string Name, SecuritySchemeKind Kind, EquatableArray<OAuthFlowModel> Flows, string? ParameterName, ApiKeyLocation ParameterLocation, string? Description);

/// <summary>One scheme of a security requirement, with the scopes it needs.</summary>
internal sealed record SchemeRequirementModel(string Scheme, EquatableArray<string> Scopes);

/// <summary>One Security Requirement Object: schemes that apply together; none means credentials are optional.</summary>
internal sealed record SecurityRequirementModel(EquatableArray<SchemeRequirementModel> Schemes);

/// <summary>Security as OpenAPI writes it: alternatives, any one of which will do; none (<c>security: []</c>) means anonymous.</summary>
internal sealed record SecurityModel(EquatableArray<SecurityRequirementModel> Alternatives);

/// <summary>An operation whose own security differs from the document's.</summary>
internal sealed record OperationSecurityModel(string HttpMethod, string Path, SecurityModel Security);
