using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Sei.Sandbox.Http;

/// <summary>
/// SEI's OAuth 2.0 authorization server in miniature, for every grant SEI uses: client credentials
/// (key and secret as Base64 HTTP Basic credentials), authorization code with PKCE (S256) and its
/// refresh, and the password grant. Its authorize endpoint signs the sandbox's one user in at once
/// and redirects with a code, so tests can run the authorization-code grant without a browser.
/// Refusals carry the OAuth fields (<c>error</c>, <c>error_description</c>) and, as SEI's gateway
/// answers every error, the SEI error envelope (<c>code</c>, <c>message</c>, <c>trackingId</c>, <c>transient</c>).
/// </summary>
internal sealed class OAuthEndpoint
{
    private readonly SandboxOptions _options;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _issued = new();
    private int _tokenRequests;

    public OAuthEndpoint(SandboxOptions options)
    {
        _options = options;
    }

    /// <summary>Gets how many token requests were answered, granted or not.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Gets every access token, refresh token and authorization code issued so far.</summary>
    public IReadOnlyCollection<string> Issued => _issued.ToArray();

    /// <summary>Tells whether a path is one of the endpoint's: <c>/oauth/v1/token</c>, <c>/oauth/v2/authorize</c>, and so on.</summary>
    /// <param name="path">The request path.</param>
    /// <param name="name">The endpoint's last segment, <c>token</c> or <c>authorize</c>.</param>
    /// <returns><see langword="true"/> when the path names that endpoint.</returns>
    public static bool Serves(string path, string name) =>
        path.StartsWith("/oauth/", StringComparison.Ordinal) && path.EndsWith("/" + name, StringComparison.Ordinal);

    /// <summary>Makes every access token issued so far expire; refresh tokens stay valid.</summary>
    public void ExpireAccessTokens() => _accessTokens.Clear();

    /// <summary>Tells whether a bearer token was issued here and has not expired.</summary>
    /// <param name="token">The access token.</param>
    /// <returns><see langword="true"/> when the token is valid.</returns>
    public bool IsValid(string token) => _accessTokens.TryGetValue(token, out var expires) && expires > DateTimeOffset.UtcNow;

    /// <summary>
    /// The authorize endpoint (GET): checks the client, the redirect URI and the PKCE challenge, then
    /// redirects to the redirect URI with a single-use code and the caller's <c>state</c>.
    /// </summary>
    /// <param name="context">The request's context.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public Task AuthorizeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (!string.Equals(query["client_id"], _options.AppKey, StringComparison.Ordinal))
        {
            return RefuseAsync(context, StatusCodes.Status400BadRequest, "unauthorized_client", "The client_id is not a registered application.");
        }

        if (!string.Equals(query["response_type"], "code", StringComparison.Ordinal) || !string.Equals(query["code_challenge_method"], "S256", StringComparison.Ordinal)
            || string.IsNullOrEmpty(query["code_challenge"]) || !Uri.TryCreate(query["redirect_uri"], UriKind.Absolute, out var redirect))
        {
            return RefuseAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The authorization request needs response_type=code, an absolute redirect_uri and an S256 code_challenge.");
        }

        var code = Issue(24);
        _codes[code] = new PendingCode(redirect.AbsoluteUri, query["code_challenge"].ToString());
        var target = QueryHelpers.AddQueryString(redirect.AbsoluteUri, new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"].ToString() });
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = target;
        return Task.CompletedTask;
    }

    /// <summary>The token endpoint (POST): authenticates the client, then answers the grant.</summary>
    /// <param name="context">The request's context.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public async Task IssueAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var grant = form["grant_type"].ToString();
        var authorization = context.Request.Headers.Authorization.ToString();
        var confidential = authorization.Length > 0;
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.AppKey + ":" + _options.AppSecret));
        if (confidential ? !string.Equals(authorization, expected, StringComparison.Ordinal) : !string.Equals(form["client_id"], _options.AppKey, StringComparison.Ordinal))
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed.").ConfigureAwait(false);
            return;
        }

        // Only the grants made for end users on their own devices may come from a public client, without the secret.
        Refusal? refusal = grant switch
        {
            "client_credentials" or "password" when !confidential => new("unauthorized_client", "This grant needs the app key and secret as HTTP Basic credentials."),
            "client_credentials" => null,
            "password" => string.Equals(form["username"], _options.UserName, StringComparison.Ordinal) && string.Equals(form["password"], _options.UserPassword, StringComparison.Ordinal)
                ? null
                : new("invalid_grant", "The user name or password is wrong."),
            "authorization_code" => RedeemCode(form["code"].ToString(), form["redirect_uri"].ToString(), form["code_verifier"].ToString()),
            "refresh_token" => _refreshTokens.TryRemove(form["refresh_token"].ToString(), out _) ? null : new("invalid_grant", "The refresh token is unknown or was already used."),
            _ => new("unsupported_grant_type", "The sandbox supports client_credentials, authorization_code, refresh_token and password."),
        };
        if (refusal is not null)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, refusal.Error, refusal.Description).ConfigureAwait(false);
            return;
        }

        var token = Issue(24);
        _accessTokens[token] = DateTimeOffset.UtcNow + _options.TokenLifetime;
        var body = new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)_options.TokenLifetime.TotalSeconds,
        };

        // End users' grants come with a refresh token, which is replaced each time it is used.
        if (grant != "client_credentials")
        {
            var refresh = Issue(32);
            _refreshTokens[refresh] = true;
            body["refresh_token"] = refresh;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    private Refusal? RedeemCode(string code, string redirectUri, string verifier)
    {
        if (!_codes.TryRemove(code, out var pending))
        {
            return new("invalid_grant", "The authorization code is unknown or was already used.");
        }

        if (!string.Equals(pending.RedirectUri, redirectUri, StringComparison.Ordinal))
        {
            return new("invalid_grant", "The redirect_uri differs from the one the code was issued for.");
        }

        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return string.Equals(challenge, pending.Challenge, StringComparison.Ordinal) ? null : new("invalid_grant", "The code_verifier does not match the code_challenge.");
    }

    private string Issue(int bytes)
    {
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
        _issued.Enqueue(value);
        return value;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Task RefuseAsync(HttpContext context, int status, string error, string description)
    {
        var code = error == "invalid_client" ? "gateway.authentication.failure" : "gateway.oauth." + error;
        return JsonResponses.WriteAsync(context, status, new JsonObject
        {
            ["error"] = error,
            ["error_description"] = description,
            ["code"] = code,
            ["message"] = description,
            ["trackingId"] = TrackingIdMiddleware.Get(context),
            ["transient"] = "false",
        });
    }

    private sealed record PendingCode(string RedirectUri, string Challenge);

    private sealed record Refusal(string Error, string Description);
}
