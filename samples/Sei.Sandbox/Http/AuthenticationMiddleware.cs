using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Sei.Sandbox.Http;

/// <summary>
/// SEI's gateway in miniature: the OAuth 2.0 endpoints (see <see cref="OAuthEndpoint"/>), bearer-token
/// checks on API calls, and a per-application quota answered with 429 and Retry-After.
/// </summary>
internal sealed class AuthenticationMiddleware
{
    private readonly SandboxOptions _options;
    private readonly object _quotaGate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.UtcNow;
    private int _callsInWindow;

    public AuthenticationMiddleware(SandboxOptions options)
    {
        _options = options;
        OAuth = new OAuthEndpoint(options);
    }

    /// <summary>Gets the token and authorize endpoints, which hold the tokens they issued.</summary>
    public OAuthEndpoint OAuth { get; }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // The documents put the OAuth endpoints under /oauth/v1/ or /oauth/v2/; both are served.
        var path = context.Request.Path.Value ?? string.Empty;
        if (OAuthEndpoint.Serves(path, "token") && HttpMethods.IsPost(context.Request.Method))
        {
            await OAuth.IssueAsync(context).ConfigureAwait(false);
            return;
        }

        if (OAuthEndpoint.Serves(path, "authorize") && HttpMethods.IsGet(context.Request.Method))
        {
            await OAuth.AuthorizeAsync(context).ConfigureAwait(false);
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

        return OAuth.IsValid(header.Substring("Bearer ".Length));
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
}
