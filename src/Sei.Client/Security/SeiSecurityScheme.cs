namespace Sei.Client;

/// <summary>The kinds of security scheme OpenAPI defines.</summary>
public enum SeiSecuritySchemeKind
{
    /// <summary>OAuth 2.0, with one or more flows; the generated client's handlers send its bearer tokens.</summary>
    OAuth2 = 0,

    /// <summary>OpenID Connect discovery; its tokens are bearer tokens from the application's own source.</summary>
    OpenIdConnect = 1,

    /// <summary>An API key in a header, query parameter or cookie; the client adds none (see the README).</summary>
    ApiKey = 2,

    /// <summary>HTTP Basic authentication; the client adds none.</summary>
    HttpBasic = 3,

    /// <summary>HTTP Bearer authentication; the client's bearer token is sent.</summary>
    HttpBearer = 4,

    /// <summary>Another HTTP authentication scheme (Digest and the like); the client adds none.</summary>
    Http = 5,

    /// <summary>Mutual TLS; the client certificate of <see cref="SeiClientOptions.ClientCertificate"/> answers it.</summary>
    MutualTls = 6,
}

/// <summary>The OAuth 2.0 flows OpenAPI names (Swagger 2.0's <c>application</c>, <c>accessCode</c>, <c>password</c> and <c>implicit</c> among them).</summary>
public enum SeiOAuthFlowKind
{
    /// <summary><c>grant_type=client_credentials</c> (2.0: <c>application</c>): an application's key and secret.</summary>
    ClientCredentials = 0,

    /// <summary><c>grant_type=authorization_code</c> (2.0: <c>accessCode</c>), with PKCE for native apps.</summary>
    AuthorizationCode = 1,

    /// <summary><c>grant_type=password</c>: a user's name and password (SEI's internal apps only).</summary>
    Password = 2,

    /// <summary>The implicit grant of single-page apps: the token comes back from the authorization URL.</summary>
    Implicit = 3,

    /// <summary>The device authorization grant (RFC 8628).</summary>
    DeviceAuthorization = 4,
}

/// <summary>Where an API key travels.</summary>
public enum SeiApiKeyLocation
{
    /// <summary>In a request header.</summary>
    Header = 0,

    /// <summary>In a query parameter.</summary>
    Query = 1,

    /// <summary>In a cookie.</summary>
    Cookie = 2,
}

/// <summary>One OAuth 2.0 flow of a security scheme, with its URLs as the document writes them (possibly relative, possibly templates of the server's variables).</summary>
public sealed class SeiOAuthFlow
{
    /// <summary>Initializes a new instance of the <see cref="SeiOAuthFlow"/> class.</summary>
    /// <param name="kind">The flow.</param>
    /// <param name="tokenUrl">The token endpoint, if the flow has one.</param>
    /// <param name="authorizationUrl">The authorization endpoint (device authorization endpoint for that flow), if the flow has one.</param>
    /// <param name="refreshUrl">The endpoint for refresh tokens, if the document names one.</param>
    public SeiOAuthFlow(SeiOAuthFlowKind kind, string? tokenUrl = null, string? authorizationUrl = null, string? refreshUrl = null)
    {
        Kind = kind;
        TokenUrl = tokenUrl;
        AuthorizationUrl = authorizationUrl;
        RefreshUrl = refreshUrl;
    }

    /// <summary>Gets the flow.</summary>
    public SeiOAuthFlowKind Kind { get; }

    /// <summary>Gets the token endpoint as the document writes it.</summary>
    public string? TokenUrl { get; }

    /// <summary>Gets the authorization endpoint as the document writes it.</summary>
    public string? AuthorizationUrl { get; }

    /// <summary>Gets the refresh endpoint as the document writes it.</summary>
    public string? RefreshUrl { get; }
}

/// <summary>A security scheme of the document (<c>components.securitySchemes</c>, or 2.0's <c>securityDefinitions</c>).</summary>
public sealed class SeiSecurityScheme
{
    /// <summary>Initializes a new instance of the <see cref="SeiSecurityScheme"/> class.</summary>
    /// <param name="name">The scheme's name, which security requirements refer to.</param>
    /// <param name="kind">The kind of scheme.</param>
    /// <param name="flows">The OAuth 2.0 flows, for an OAuth 2.0 scheme.</param>
    public SeiSecurityScheme(string name, SeiSecuritySchemeKind kind, params SeiOAuthFlow[] flows)
    {
        Name = string.IsNullOrEmpty(name) ? throw new ArgumentException("A security scheme needs a name.", nameof(name)) : name;
        Kind = kind;
        Flows = flows ?? Array.Empty<SeiOAuthFlow>();
    }

    /// <summary>Gets the scheme's name.</summary>
    public string Name { get; }

    /// <summary>Gets the kind of scheme.</summary>
    public SeiSecuritySchemeKind Kind { get; }

    /// <summary>Gets the OAuth 2.0 flows.</summary>
    public IReadOnlyList<SeiOAuthFlow> Flows { get; }

    /// <summary>Gets, for an API key, the header, query parameter or cookie name.</summary>
    public string? ParameterName { get; init; }

    /// <summary>Gets, for an API key, where it travels.</summary>
    public SeiApiKeyLocation ParameterLocation { get; init; }

    /// <summary>Gets a value indicating whether a bearer token answers this scheme (OAuth 2.0, OpenID Connect, HTTP Bearer).</summary>
    public bool TakesBearerToken => Kind is SeiSecuritySchemeKind.OAuth2 or SeiSecuritySchemeKind.OpenIdConnect or SeiSecuritySchemeKind.HttpBearer;

    /// <summary>Returns the flow of the given kind, if the scheme has it.</summary>
    /// <param name="kind">The flow.</param>
    /// <returns>The flow, or <see langword="null"/>.</returns>
    public SeiOAuthFlow? Flow(SeiOAuthFlowKind kind) => Flows.FirstOrDefault(f => f.Kind == kind);

    /// <inheritdoc/>
    public override string ToString() => Name + " (" + Kind + ")";
}
