using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sei.Client.Authentication;

/// <summary>
/// The OAuth 2.0 grants for end users: authorization code with PKCE (S256) and its refresh, which
/// SEI's client apps and native apps use, and the password grant, for SEI's internal apps only.
/// The access tokens it returns go into a client through <see cref="SeiClientOptions.AccessTokenSource"/>.
/// </summary>
public sealed class SeiAuthorizationCodeFlow
{
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly SeiResolvedEndpoint? _authorization;
    private readonly SeiResolvedEndpoint _token;
    private readonly SeiResolvedEndpoint _refresh;
    private readonly SeiResolvedEndpoint _passwordToken;

    /// <summary>Initializes a new instance of the <see cref="SeiAuthorizationCodeFlow"/> class with endpoints the application gives.</summary>
    /// <param name="http">Sends the token requests.</param>
    /// <param name="authorizationUrl">The authorization endpoint the user's browser goes to.</param>
    /// <param name="tokenUrl">The token endpoint (for codes, refresh tokens and passwords alike).</param>
    /// <param name="clientId">The application's key.</param>
    /// <param name="clientSecret">The application's secret, for confidential clients; <see langword="null"/> for native and single-page apps.</param>
    public SeiAuthorizationCodeFlow(HttpClient http, Uri authorizationUrl, Uri tokenUrl, string clientId, string? clientSecret = null)
        : this(
            http,
            new SeiResolvedEndpoint(authorizationUrl ?? throw new ArgumentNullException(nameof(authorizationUrl)), SeiEndpointSource.Configured),
            new SeiResolvedEndpoint(tokenUrl ?? throw new ArgumentNullException(nameof(tokenUrl)), SeiEndpointSource.Configured),
            null,
            null,
            clientId,
            clientSecret,
            null)
    {
    }

    private SeiAuthorizationCodeFlow(HttpClient http, SeiResolvedEndpoint? authorization, SeiResolvedEndpoint token, SeiResolvedEndpoint? refresh, SeiResolvedEndpoint? passwordToken, string clientId, string? clientSecret, ILogger? logger)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _authorization = authorization;
        _token = token;
        _refresh = refresh ?? token;
        _passwordToken = passwordToken ?? token;
        ClientId = string.IsNullOrEmpty(clientId) ? throw new ArgumentException("The client ID (app key) is empty.", nameof(clientId)) : clientId;
        ClientSecret = clientSecret;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the authorization endpoint, or <see langword="null"/> when the document declares only the password flow.</summary>
    public Uri? AuthorizationUrl => _authorization?.Url;

    /// <summary>Gets the token endpoint for authorization codes.</summary>
    public Uri TokenUrl => _token.Url;

    /// <summary>Gets the endpoint refresh tokens go to (the document's <c>refreshUrl</c>, else the token endpoint).</summary>
    public Uri RefreshUrl => _refresh.Url;

    /// <summary>Gets the token endpoint of the password grant (the document's password flow, else the token endpoint).</summary>
    public Uri PasswordTokenUrl => _passwordToken.Url;

    /// <summary>Gets the application's key.</summary>
    public string ClientId { get; }

    private string? ClientSecret { get; }

    /// <summary>
    /// Creates the flow from the API document's OAuth 2.0 flows for the environment the options select:
    /// the authorization-code flow's authorization, token and refresh URLs, and the password flow's
    /// token URL, each placed by the rule of <see cref="SeiApiDescription"/> (on an origin the document
    /// does not list, its paths are kept on that origin). URLs given here win over the document's.
    /// </summary>
    /// <param name="api">The generated client's <c>Api</c>.</param>
    /// <param name="options">The client's options (environment, base address, server variables).</param>
    /// <param name="http">Sends the token requests; its base address counts as a configured one when the options name none.</param>
    /// <param name="clientId">The application's key.</param>
    /// <param name="clientSecret">The application's secret, for confidential clients; <see langword="null"/> for native and single-page apps.</param>
    /// <param name="logger">Where token requests are logged (never a secret, a code or a password).</param>
    /// <param name="authorizationUrl">An authorization endpoint that replaces the document's.</param>
    /// <param name="tokenUrl">A token endpoint that replaces the document's, for every grant.</param>
    /// <param name="schemeName">The security scheme to take the flows from, or <see langword="null"/> for the first that has them.</param>
    /// <returns>The flow.</returns>
    /// <exception cref="InvalidOperationException">The document declares neither flow and no token URL is given.</exception>
    public static SeiAuthorizationCodeFlow Create(
        SeiApiDescription api,
        SeiClientOptions options,
        HttpClient http,
        string clientId,
        string? clientSecret = null,
        ILogger? logger = null,
        Uri? authorizationUrl = null,
        Uri? tokenUrl = null,
        string? schemeName = null)
    {
        if (api is null)
        {
            throw new ArgumentNullException(nameof(api));
        }

        if (http is null)
        {
            throw new ArgumentNullException(nameof(http));
        }

        var server = api.ResolveServer(options, http.BaseAddress);
        var code = api.ResolveFlow(server, SeiOAuthFlowKind.AuthorizationCode, schemeName);
        var password = api.ResolveFlow(server, SeiOAuthFlowKind.Password, schemeName);
        var configuredToken = tokenUrl is null ? null : new SeiResolvedEndpoint(tokenUrl, SeiEndpointSource.Configured);
        var token = configuredToken ?? code?.TokenEndpoint ?? password?.TokenEndpoint
            ?? throw new InvalidOperationException(
                "The API document declares no OAuth 2.0 authorization-code or password flow" + (schemeName is null ? string.Empty : " in the scheme '" + schemeName + "'")
                + ", so no token URL is known. Pass tokenUrl (and authorizationUrl).");
        var authorization = authorizationUrl is null ? code?.AuthorizationEndpoint : new SeiResolvedEndpoint(authorizationUrl, SeiEndpointSource.Configured);
        return new SeiAuthorizationCodeFlow(
            http,
            authorization,
            token,
            configuredToken ?? code?.RefreshEndpoint,
            configuredToken ?? password?.TokenEndpoint,
            clientId,
            clientSecret,
            logger);
    }

    /// <summary>Builds the URL to send the user's browser to, with the PKCE challenge of <paramref name="codeVerifier"/>.</summary>
    /// <param name="redirectUri">Where the authorization server sends the user back with the code.</param>
    /// <param name="state">An unguessable value to check on return (against cross-site request forgery).</param>
    /// <param name="codeVerifier">The verifier from <see cref="SeiPkce.CreateVerifier"/>; keep it for <see cref="ExchangeCodeAsync"/>.</param>
    /// <param name="scope">The scopes to ask for, or <see langword="null"/>.</param>
    /// <returns>The authorization URL.</returns>
    public Uri BuildAuthorizationUrl(Uri redirectUri, string state, string codeVerifier, string? scope = null)
    {
        if (redirectUri is null)
        {
            throw new ArgumentNullException(nameof(redirectUri));
        }

        var authorizationUrl = AuthorizationUrl
            ?? throw new InvalidOperationException("No authorization URL is known: the API document declares no authorization-code flow. Create the flow with an authorizationUrl.");
        var query = new StringBuilder(authorizationUrl.Query.Length > 1 ? authorizationUrl.Query.Substring(1) + "&" : string.Empty);
        void Add(string name, string value) => query.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        Add("response_type", "code");
        Add("client_id", ClientId);
        Add("redirect_uri", redirectUri.AbsoluteUri);
        Add("state", state ?? throw new ArgumentNullException(nameof(state)));
        Add("code_challenge", SeiPkce.CreateChallenge(codeVerifier));
        Add("code_challenge_method", SeiPkce.Method);
        if (!string.IsNullOrWhiteSpace(scope))
        {
            Add("scope", scope!);
        }

        return new UriBuilder(authorizationUrl) { Query = query.ToString().TrimEnd('&') }.Uri;
    }

    /// <summary>Exchanges the authorization code for tokens, proving possession of the PKCE verifier.</summary>
    /// <param name="code">The code the user came back with.</param>
    /// <param name="redirectUri">The same redirect URI the authorization URL named.</param>
    /// <param name="codeVerifier">The verifier whose challenge the authorization URL carried.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tokens, with a refresh token when the server grants one.</returns>
    public Task<SeiTokenSet> ExchangeCodeAsync(string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken = default)
        => RequestAsync(
            new List<KeyValuePair<string, string>>
            {
                new("grant_type", "authorization_code"),
                new("code", code ?? throw new ArgumentNullException(nameof(code))),
                new("redirect_uri", (redirectUri ?? throw new ArgumentNullException(nameof(redirectUri))).AbsoluteUri),
                new("code_verifier", codeVerifier ?? throw new ArgumentNullException(nameof(codeVerifier))),
            },
            _token,
            cancellationToken);

    /// <summary>Replaces expired tokens with a refresh token.</summary>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>New tokens; use the new refresh token if one is returned.</returns>
    public Task<SeiTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
        => RequestAsync(
            new List<KeyValuePair<string, string>> { new("grant_type", "refresh_token"), new("refresh_token", refreshToken ?? throw new ArgumentNullException(nameof(refreshToken))) },
            _refresh,
            cancellationToken);

    /// <summary>Obtains tokens with a user's name and password (the password grant), which SEI allows for its internal apps only.</summary>
    /// <param name="username">The user's name.</param>
    /// <param name="password">The user's password; it is sent to the token endpoint only and never logged.</param>
    /// <param name="scope">The scopes to ask for, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tokens.</returns>
    public Task<SeiTokenSet> RequestWithPasswordAsync(string username, string password, string? scope = null, CancellationToken cancellationToken = default)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "password"),
            new("username", username ?? throw new ArgumentNullException(nameof(username))),
            new("password", password ?? throw new ArgumentNullException(nameof(password))),
        };
        if (!string.IsNullOrWhiteSpace(scope))
        {
            fields.Add(new KeyValuePair<string, string>("scope", scope!));
        }

        return RequestAsync(fields, _passwordToken, cancellationToken);
    }

    private async Task<SeiTokenSet> RequestAsync(List<KeyValuePair<string, string>> fields, SeiResolvedEndpoint endpoint, CancellationToken cancellationToken)
    {
        string? basic = null;
        if (ClientSecret is null)
        {
            // A public client (native or single-page app) identifies itself in the form, with no secret.
            fields.Add(new KeyValuePair<string, string>("client_id", ClientId));
        }
        else
        {
            basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + ClientSecret));
        }

        try
        {
            return await SeiTokenEndpoint.RequestAsync(_http.SendAsync, endpoint, fields, basic, _logger, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The caller did not cancel, so the HTTP client's timeout elapsed, waiting on the token endpoint.
            throw new SeiTimeoutException(SeiTokenEndpoint.TokenRequestName, endpoint.Url, _http.Timeout, exception);
        }
    }
}
