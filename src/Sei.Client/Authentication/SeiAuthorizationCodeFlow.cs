using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Sei.Client.Authentication;

/// <summary>
/// The OAuth 2.0 grants for end users: authorization code with PKCE (S256) and its refresh, which
/// SEI's client apps and native apps use, and the password grant, for SEI's internal apps only.
/// The access tokens it returns go into a client through <see cref="SeiClientOptions.AccessTokenSource"/>.
/// </summary>
public sealed class SeiAuthorizationCodeFlow
{
    private readonly HttpClient _http;

    /// <summary>Initializes a new instance of the <see cref="SeiAuthorizationCodeFlow"/> class.</summary>
    /// <param name="http">Sends the token requests.</param>
    /// <param name="authorizationUrl">The authorization endpoint the user's browser goes to.</param>
    /// <param name="tokenUrl">The token endpoint.</param>
    /// <param name="clientId">The application's key.</param>
    /// <param name="clientSecret">The application's secret, for confidential clients; <see langword="null"/> for native and single-page apps.</param>
    public SeiAuthorizationCodeFlow(HttpClient http, Uri authorizationUrl, Uri tokenUrl, string clientId, string? clientSecret = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        AuthorizationUrl = authorizationUrl ?? throw new ArgumentNullException(nameof(authorizationUrl));
        TokenUrl = tokenUrl ?? throw new ArgumentNullException(nameof(tokenUrl));
        ClientId = string.IsNullOrEmpty(clientId) ? throw new ArgumentException("The client ID (app key) is empty.", nameof(clientId)) : clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>Gets the authorization endpoint.</summary>
    public Uri AuthorizationUrl { get; }

    /// <summary>Gets the token endpoint.</summary>
    public Uri TokenUrl { get; }

    /// <summary>Gets the application's key.</summary>
    public string ClientId { get; }

    private string? ClientSecret { get; }

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

        var query = new StringBuilder(AuthorizationUrl.Query.Length > 1 ? AuthorizationUrl.Query.Substring(1) + "&" : string.Empty);
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

        return new UriBuilder(AuthorizationUrl) { Query = query.ToString().TrimEnd('&') }.Uri;
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
            cancellationToken);

    /// <summary>Replaces expired tokens with a refresh token.</summary>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>New tokens; use the new refresh token if one is returned.</returns>
    public Task<SeiTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
        => RequestAsync(
            new List<KeyValuePair<string, string>> { new("grant_type", "refresh_token"), new("refresh_token", refreshToken ?? throw new ArgumentNullException(nameof(refreshToken))) },
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

        return RequestAsync(fields, cancellationToken);
    }

    private Task<SeiTokenSet> RequestAsync(List<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
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

        return SeiTokenEndpoint.RequestAsync(_http.SendAsync, TokenUrl, fields, basic, cancellationToken);
    }
}
