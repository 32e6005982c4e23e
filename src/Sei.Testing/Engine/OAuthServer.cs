using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Sei.Testing.Engine;

/// <summary>
/// SEI's OAuth 2.0 authorization server in miniature, for every grant SEI uses: client credentials
/// (key and secret as Base64 HTTP Basic credentials), authorization code with PKCE (S256) and its
/// refresh, and the password grant. Its authorize endpoint signs the configured user in at once and
/// redirects with a code, so a test runs the authorization-code grant without a browser. Refusals
/// carry the OAuth fields (<c>error</c>, <c>error_description</c>) and, as SEI's gateway answers every
/// error, the SEI error envelope (<c>code</c>, <c>message</c>, <c>trackingId</c>, <c>transient</c>).
/// </summary>
internal sealed class OAuthServer
{
    private readonly SeiTestServerOptions _options;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _issued = new();
    private int _tokenRequests;

    private readonly HashSet<string> _tokenPaths;
    private readonly HashSet<string> _authorizePaths;

    /// <summary>Initializes the server.</summary>
    /// <param name="options">The credentials it accepts and the lifetime of its tokens.</param>
    /// <param name="tokenPaths">The paths of the token URLs the document gives, served beside SEI's own.</param>
    /// <param name="authorizePaths">The paths of the authorization URLs the document gives, served beside SEI's own.</param>
    public OAuthServer(SeiTestServerOptions options, IEnumerable<string> tokenPaths, IEnumerable<string> authorizePaths)
    {
        _options = options;
        _tokenPaths = new HashSet<string>(tokenPaths, StringComparer.Ordinal);
        _authorizePaths = new HashSet<string>(authorizePaths, StringComparer.Ordinal);
    }

    /// <summary>Gets how many token requests were answered, granted or not.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Gets every access token, refresh token and authorization code issued so far.</summary>
    public IReadOnlyCollection<string> Issued => _issued.ToArray();

    /// <summary>Tells whether a path is a token endpoint: SEI's (<c>/oauth/v1/token</c>, <c>/oauth/v2/token</c>) or one the document names.</summary>
    public bool IsTokenPath(string path) => IsSeiPath(path, "token") || _tokenPaths.Contains(path);

    /// <summary>Tells whether a path is an authorize endpoint: SEI's (<c>/oauth/v1/authorize</c>) or one the document names.</summary>
    public bool IsAuthorizePath(string path) => IsSeiPath(path, "authorize") || _authorizePaths.Contains(path);

    /// <summary>
    /// The paths of a document's OAuth URLs, as a client pointed at this server sends them: an absolute
    /// URL keeps its path on the server in use (the client moves it there), a relative one is taken
    /// from the root. A URL with server variables in it is left to SEI's own paths.
    /// </summary>
    public static IEnumerable<string> PathsOf(IEnumerable<string?> urls)
    {
        foreach (var url in urls)
        {
            if (string.IsNullOrEmpty(url) || url!.IndexOf('{') >= 0)
            {
                continue;
            }

            yield return Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : "/" + url.TrimStart('/');
        }
    }

    private static bool IsSeiPath(string path, string name) =>
        path.StartsWith("/oauth/", StringComparison.Ordinal) && path.EndsWith("/" + name, StringComparison.Ordinal);

    /// <summary>Makes every access token issued so far expire; refresh tokens stay valid.</summary>
    public void ExpireAccessTokens() => _accessTokens.Clear();

    /// <summary>Tells whether the request carries a bearer token issued here that has not expired.</summary>
    public bool IsAuthenticated(HttpRequest request)
    {
        const string Scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.Ordinal)
            && _accessTokens.TryGetValue(header.Substring(Scheme.Length), out var expires)
            && expires > DateTimeOffset.UtcNow;
    }

    /// <summary>
    /// The authorize endpoint (GET): checks the client, the redirect URI and the PKCE challenge, then
    /// redirects to the redirect URI with a single-use code and the caller's <c>state</c>.
    /// </summary>
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
    public async Task IssueAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        if (!context.Request.HasFormContentType)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The token request must be a form (application/x-www-form-urlencoded).").ConfigureAwait(false);
            return;
        }

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
            _ => new("unsupported_grant_type", "This server supports client_credentials, authorization_code, refresh_token and password."),
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

        await WriteJsonAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
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

        using var sha256 = SHA256.Create();
        var challenge = Base64Url(sha256.ComputeHash(Encoding.ASCII.GetBytes(verifier)));
        return string.Equals(challenge, pending.Challenge, StringComparison.Ordinal) ? null : new("invalid_grant", "The code_verifier does not match the code_challenge.");
    }

    /// <summary>Issues a random credential, and keeps it so a test can check that it never turns up where it must not.</summary>
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
        return WriteJsonAsync(context, status, new JsonObject
        {
            ["error"] = error,
            ["error_description"] = description,
            ["code"] = code,
            ["message"] = description,
            ["trackingId"] = TrackingIds.Of(context),
            ["transient"] = "false",
        });
    }

    private static Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";

        // A token answer must never be cached by anything between the client and the server (RFC 6749, section 5.1).
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private sealed record PendingCode(string RedirectUri, string Challenge);

    private sealed record Refusal(string Error, string Description);
}
