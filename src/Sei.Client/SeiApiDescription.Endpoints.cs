namespace Sei.Client;

/// <summary>An OAuth 2.0 flow of the document with its endpoints resolved for the server in use.</summary>
public sealed class SeiResolvedFlow
{
    internal SeiResolvedFlow(SeiSecurityScheme scheme, SeiOAuthFlowKind kind, SeiResolvedEndpoint? tokenEndpoint, SeiResolvedEndpoint? authorizationEndpoint, SeiResolvedEndpoint? refreshEndpoint)
    {
        Scheme = scheme;
        Kind = kind;
        TokenEndpoint = tokenEndpoint;
        AuthorizationEndpoint = authorizationEndpoint;
        RefreshEndpoint = refreshEndpoint;
    }

    /// <summary>Gets the security scheme the flow belongs to.</summary>
    public SeiSecurityScheme Scheme { get; }

    /// <summary>Gets the flow.</summary>
    public SeiOAuthFlowKind Kind { get; }

    /// <summary>Gets the token endpoint, if the flow has one.</summary>
    public SeiResolvedEndpoint? TokenEndpoint { get; }

    /// <summary>Gets the authorization endpoint, if the flow has one.</summary>
    public SeiResolvedEndpoint? AuthorizationEndpoint { get; }

    /// <summary>Gets the refresh endpoint, if the document names one (else refresh tokens go to the token endpoint).</summary>
    public SeiResolvedEndpoint? RefreshEndpoint { get; }
}

/// <summary>
/// What a bearer-token handler needs to get a token for one request: the server in use, the scheme
/// the token is for and the scopes the operation requires.
/// </summary>
public sealed class SeiTokenDemand
{
    internal SeiTokenDemand(SeiResolvedServer server, SeiSecurityScheme? scheme, IReadOnlyList<string> scopes, Http.SeiRequestContext? request)
    {
        Server = server;
        Scheme = scheme;
        Scopes = scopes;
        Request = request;
    }

    /// <summary>Gets the server the request goes to.</summary>
    public SeiResolvedServer Server { get; }

    /// <summary>Gets the OAuth 2.0 (or other bearer) scheme the token is for; <see langword="null"/> when the document says nothing of the operation's security.</summary>
    public SeiSecurityScheme? Scheme { get; }

    /// <summary>Gets the scopes the operation requires, sorted; empty when it names none.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Gets the request's context, when a generated client sent it.</summary>
    public Http.SeiRequestContext? Request { get; }
}

public sealed partial class SeiApiDescription
{
    /// <summary>
    /// Where client-credentials token requests go for the server in use: <see cref="SeiClientCredentials.TokenUrl"/>
    /// when set, else the client-credentials flow of <paramref name="scheme"/> (or of the first scheme that
    /// has one), placed by the rule in the class remarks.
    /// </summary>
    /// <param name="server">The server in use.</param>
    /// <param name="options">The client's options.</param>
    /// <param name="scheme">The scheme the token is for, or <see langword="null"/> for the document's first client-credentials flow.</param>
    /// <returns>The endpoint, or <see langword="null"/> when neither the options nor the document name one.</returns>
    public SeiResolvedEndpoint? ResolveTokenEndpoint(SeiResolvedServer server, SeiClientOptions options, SeiSecurityScheme? scheme = null)
    {
        if (server is null)
        {
            throw new ArgumentNullException(nameof(server));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (options.ClientCredentials?.TokenUrl is { } configured)
        {
            return new SeiResolvedEndpoint(configured, SeiEndpointSource.Configured);
        }

        var flow = scheme?.Flow(SeiOAuthFlowKind.ClientCredentials)
            ?? _schemes.Select(s => s.Flow(SeiOAuthFlowKind.ClientCredentials)).FirstOrDefault(f => f?.TokenUrl is not null);
        return flow?.TokenUrl is { } documented ? ResolveDocumentUrl(documented, server) : null;
    }

    /// <summary>Returns a flow of the document with its endpoints placed for the server in use, by the rule in the class remarks.</summary>
    /// <param name="server">The server in use.</param>
    /// <param name="kind">The flow.</param>
    /// <param name="schemeName">The scheme to take it from, or <see langword="null"/> for the first scheme that has it.</param>
    /// <returns>The flow, or <see langword="null"/> when the document declares no such flow.</returns>
    public SeiResolvedFlow? ResolveFlow(SeiResolvedServer server, SeiOAuthFlowKind kind, string? schemeName = null)
    {
        if (server is null)
        {
            throw new ArgumentNullException(nameof(server));
        }

        foreach (var scheme in _schemes)
        {
            if (schemeName is not null && !string.Equals(scheme.Name, schemeName, StringComparison.Ordinal))
            {
                continue;
            }

            if (scheme.Flow(kind) is { } flow)
            {
                SeiResolvedEndpoint? Place(string? url) => url is null ? null : ResolveDocumentUrl(url, server);
                return new SeiResolvedFlow(scheme, kind, Place(flow.TokenUrl), Place(flow.AuthorizationUrl), Place(flow.RefreshUrl));
            }
        }

        return null;
    }

    /// <summary>
    /// Places a URL the document gives (a token, authorization or refresh URL) for the server in use.
    /// A relative URL is resolved against the server. On a server of the document, a template of the
    /// server's variables expands with the values in use, a URL on one of the document's servers'
    /// origins moves to the server in use, and any other host is used as the document gives it. On an
    /// origin the document does not list, the document's path is kept on that origin.
    /// </summary>
    /// <param name="documented">The URL as the document writes it.</param>
    /// <param name="server">The server in use.</param>
    /// <returns>The absolute endpoint and why it is there.</returns>
    public SeiResolvedEndpoint ResolveDocumentUrl(string documented, SeiResolvedServer server)
    {
        if (documented is null)
        {
            throw new ArgumentNullException(nameof(documented));
        }

        if (server is null)
        {
            throw new ArgumentNullException(nameof(server));
        }

        var templated = SeiServer.IsTemplate(documented);
        if (templated)
        {
            // Values the server in use took first, then the defaults of any server that names the variable.
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var variable in _servers.SelectMany(s => s.Variables))
            {
                values[variable.Name] = variable.Default;
            }

            if (server.IsDocumentServer)
            {
                foreach (var pair in server.Variables)
                {
                    values[pair.Key] = pair.Value;
                }
            }

            documented = SeiServer.Expand(documented, values);
        }

        if (!Uri.TryCreate(documented, UriKind.RelativeOrAbsolute, out var url))
        {
            throw new InvalidOperationException($"The API document's OAuth URL '{documented}' is not a URL. Configure the endpoint explicitly.");
        }

        if (!url.IsAbsoluteUri)
        {
            return new SeiResolvedEndpoint(new Uri(server.Url, url), SeiEndpointSource.DocumentRelative);
        }

        if (SameOrigin(url, server.Url))
        {
            return new SeiResolvedEndpoint(url, templated ? SeiEndpointSource.DocumentTemplate : SeiEndpointSource.Document);
        }

        if (!server.IsDocumentServer)
        {
            // The application chose an origin the document does not know: credentials go nowhere else.
            return new SeiResolvedEndpoint(new Uri(new Uri(server.Origin), url.PathAndQuery), SeiEndpointSource.DocumentPathOnConfiguredOrigin);
        }

        if (templated)
        {
            return new SeiResolvedEndpoint(url, SeiEndpointSource.DocumentTemplate);
        }

        if (_servers.Any(s => s.TryMatchOrigin(url, out _)))
        {
            var moved = new UriBuilder(url) { Scheme = server.Url.Scheme, Host = server.Url.Host, Port = server.Url.Port }.Uri;
            return new SeiResolvedEndpoint(moved, SeiEndpointSource.DocumentMovedToEnvironment);
        }

        return new SeiResolvedEndpoint(url, SeiEndpointSource.Document);
    }

    /// <summary>
    /// Decides what a bearer-token handler sends for an operation's security: nothing for an anonymous
    /// operation or one that asks only for schemes a bearer token does not answer (API key, HTTP Basic);
    /// otherwise a token for the first alternative a bearer token answers (one with a client-credentials
    /// flow first, when <paramref name="clientCredentials"/>), with the scopes its schemes list.
    /// </summary>
    /// <param name="server">The server in use.</param>
    /// <param name="security">The operation's security, or <see langword="null"/> when the document says nothing.</param>
    /// <param name="clientCredentials">Whether the token comes from client credentials, which prefer a scheme with that flow.</param>
    /// <param name="request">The request's context, if a generated client sent it.</param>
    /// <returns>What to get a token for, or <see langword="null"/> to send none.</returns>
    internal SeiTokenDemand? TokenDemand(SeiResolvedServer server, SeiSecurity? security, bool clientCredentials, Http.SeiRequestContext? request)
    {
        if (security is null)
        {
            // The document says nothing of security: the credentials the application configured are sent.
            return new SeiTokenDemand(server, null, Array.Empty<string>(), request);
        }

        (SeiSecurityRequirement Requirement, SeiSecurityScheme Scheme)? chosen = null;
        foreach (var alternative in security.Alternatives)
        {
            var schemes = alternative.Schemes.Select(s => FindScheme(s.Key)).Where(s => s is { TakesBearerToken: true }).Select(s => s!).ToList();
            if (schemes.Count == 0)
            {
                continue;
            }

            var withFlow = schemes.FirstOrDefault(s => s.Flow(SeiOAuthFlowKind.ClientCredentials) is not null);
            if (clientCredentials && withFlow is not null)
            {
                chosen = (alternative, withFlow);
                break;
            }

            chosen ??= (alternative, schemes.FirstOrDefault(s => s.Kind == SeiSecuritySchemeKind.OAuth2) ?? schemes[0]);
        }

        if (chosen is not { } found)
        {
            return null;
        }

        var scopes = found.Requirement.Schemes
            .Where(s => FindScheme(s.Key) is { TakesBearerToken: true })
            .SelectMany(s => s.Value)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
        return new SeiTokenDemand(server, found.Scheme, scopes, request);
    }

    private static bool SameOrigin(Uri a, Uri b) => Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
