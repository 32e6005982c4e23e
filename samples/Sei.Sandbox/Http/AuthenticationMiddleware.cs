using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Sei.Sandbox.Http;

/// <summary>
/// SEI's gateway in miniature: the OAuth 2.0 token endpoint (client credentials, key and secret as
/// Base64 HTTP Basic credentials), bearer-token checks on API calls, and a per-application quota
/// answered with 429 and Retry-After.
/// </summary>
internal sealed class AuthenticationMiddleware
{

    private readonly SandboxOptions _options;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly object _quotaGate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.UtcNow;
    private int _callsInWindow;
    private int _tokenRequests;

    public AuthenticationMiddleware(SandboxOptions options)
    {
        _options = options;
    }

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Makes every issued token expire, as if time had passed.</summary>
    public void ExpireTokens() => _tokens.Clear();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // The documents put the token endpoint at /oauth/v1/token or /oauth/v2/token; both are served.
        var path = context.Request.Path.Value ?? string.Empty;
        if (path.StartsWith("/oauth/", StringComparison.Ordinal) && path.EndsWith("/token", StringComparison.Ordinal) && HttpMethods.IsPost(context.Request.Method))
        {
            await IssueTokenAsync(context).ConfigureAwait(false);
            return;
        }

        if (_options.RequireAuthentication && !HasValidToken(context))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Envelope.WriteAsync(context, StatusCodes.Status401Unauthorized, "gateway.authentication.failure", "Gateway Authentication Failed, Please validate Credentials").ConfigureAwait(false);
            return;
        }

        if (QuotaExceeded(out var retryAfter))
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await Envelope.WriteAsync(context, StatusCodes.Status429TooManyRequests, "gateway.quota.exceeded", "The application's quota for this period is used up.", transient: true).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private bool HasValidToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        return _tokens.TryGetValue(header.Substring("Bearer ".Length), out var expires) && expires > DateTimeOffset.UtcNow;
    }

    private bool QuotaExceeded(out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        if (_options.QuotaLimit is not { } limit)
        {
            return false;
        }

        lock (_quotaGate)
        {
            var now = DateTimeOffset.UtcNow;
            if (now - _windowStart >= _options.QuotaWindow)
            {
                _windowStart = now;
                _callsInWindow = 0;
            }

            if (++_callsInWindow <= limit)
            {
                return false;
            }

            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((_windowStart + _options.QuotaWindow - now).TotalSeconds));
            return true;
        }
    }

    private async Task IssueTokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.AppKey + ":" + _options.AppSecret));
        if (!string.Equals(form["grant_type"], "client_credentials", StringComparison.Ordinal))
        {
            await OAuthErrorAsync(context, StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only client_credentials is supported here.").ConfigureAwait(false);
            return;
        }

        if (!string.Equals(context.Request.Headers.Authorization.ToString(), expected, StringComparison.Ordinal))
        {
            await OAuthErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed.").ConfigureAwait(false);
            return;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        _tokens[token] = DateTimeOffset.UtcNow + _options.TokenLifetime;
        var body = new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)_options.TokenLifetime.TotalSeconds,
        };
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    private static Task OAuthErrorAsync(HttpContext context, int status, string error, string description)
        => JsonResponses.WriteAsync(context, status, new JsonObject { ["error"] = error, ["error_description"] = description });
}
