using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sei.Client.Authentication;

/// <summary>
/// Obtains and caches client-credentials tokens, per token endpoint and per scope set: one token
/// request at a time however many calls wait for it; a cached token is reused for any call whose
/// scopes it was granted, until shortly before it expires, and replaced at once when a call is
/// refused with 401. Shared by every handler of one client registration, so handler rotation in
/// <c>IHttpClientFactory</c> does not cost a new token.
/// </summary>
public sealed class SeiTokenProvider : IDisposable
{
    private readonly SeiClientCredentials _credentials;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly object _cacheLock = new();
    private readonly List<CachedToken> _cache = new();
    private int _tokenRequests;

    /// <summary>Initializes a new instance of the <see cref="SeiTokenProvider"/> class.</summary>
    /// <param name="credentials">The application's key and secret.</param>
    /// <param name="logger">Where token requests are logged (never the token or the secret).</param>
    public SeiTokenProvider(SeiClientCredentials credentials, ILogger? logger = null)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Gets how many tokens were requested so far.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>
    /// Returns a valid token granted the given scopes, requesting one when none is cached, it is about
    /// to expire, or <paramref name="rejected"/> is the cached one. <see cref="SeiClientCredentials.Scope"/>,
    /// when set, replaces <paramref name="scopes"/> on every request.
    /// </summary>
    /// <param name="endpoint">The token endpoint, and why it is there (logged).</param>
    /// <param name="scopes">The scopes the call requires; empty for none in particular.</param>
    /// <param name="send">Sends the token request (through the rest of the handler chain, so client certificates apply).</param>
    /// <param name="rejected">A token the API just refused with 401, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting and the request.</param>
    /// <returns>The access token.</returns>
    public async Task<string> GetTokenAsync(
        SeiResolvedEndpoint endpoint,
        IReadOnlyCollection<string> scopes,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
        string? rejected,
        CancellationToken cancellationToken)
    {
        if (endpoint is null)
        {
            throw new ArgumentNullException(nameof(endpoint));
        }

        if (send is null)
        {
            throw new ArgumentNullException(nameof(send));
        }

        var wanted = string.IsNullOrWhiteSpace(_credentials.Scope)
            ? (scopes ?? Array.Empty<string>()).Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToArray()
            : SplitScopes(_credentials.Scope);
        Forget(rejected);
        if (Find(endpoint.Url, wanted) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever held the gate before may have fetched a fitting token already.
            if (Find(endpoint.Url, wanted) is { } fresh)
            {
                return fresh;
            }

            return await RequestAsync(endpoint, wanted, send, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private static string[] SplitScopes(string? scope)
        => (scope ?? string.Empty).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToArray();

    private void Forget(string? rejected)
    {
        if (rejected is null)
        {
            return;
        }

        lock (_cacheLock)
        {
            _cache.RemoveAll(entry => entry.AccessToken == rejected);
        }
    }

    /// <summary>
    /// A token from the same endpoint, not about to expire, that was asked for with exactly these
    /// scopes or was granted every one of them. (A server that grants fewer scopes than asked is not
    /// asked again on every call: its answer to this scope set stands until the token expires.)
    /// </summary>
    private string? Find(Uri tokenUrl, string[] wanted)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_cacheLock)
        {
            _cache.RemoveAll(entry => entry.UseUntil <= now);
            return _cache.FirstOrDefault(entry => entry.TokenUrl == tokenUrl && (entry.Requested.SequenceEqual(wanted, StringComparer.Ordinal) || wanted.All(entry.Granted.Contains)))?.AccessToken;
        }
    }

    private async Task<string> RequestAsync(SeiResolvedEndpoint endpoint, string[] scopes, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (scopes.Length > 0)
        {
            fields.Add(new KeyValuePair<string, string>("scope", string.Join(" ", scopes)));
        }

        Interlocked.Increment(ref _tokenRequests);
        var tokens = await SeiTokenEndpoint.RequestAsync(send, endpoint, fields, _credentials.ToBasicCredentials(), _logger, cancellationToken).ConfigureAwait(false);
        var lifetime = tokens.ExpiresAt - DateTimeOffset.UtcNow;
        var margin = lifetime > _credentials.RefreshBeforeExpiry + _credentials.RefreshBeforeExpiry ? _credentials.RefreshBeforeExpiry : TimeSpan.FromTicks(lifetime.Ticks / 2);

        // RFC 6749 §5.1: a response without "scope" granted what was asked for.
        var granted = tokens.Scope is null ? scopes : SplitScopes(tokens.Scope);
        lock (_cacheLock)
        {
            _cache.Add(new CachedToken(endpoint.Url, scopes, tokens.AccessToken, new HashSet<string>(granted, StringComparer.Ordinal), tokens.ExpiresAt - margin));
        }

        SeiTokenLog.Acquired(_logger, endpoint.Display, Math.Round(lifetime.TotalSeconds));
        return tokens.AccessToken;
    }

    private sealed record CachedToken(Uri TokenUrl, string[] Requested, string AccessToken, HashSet<string> Granted, DateTimeOffset UseUntil)
    {
        /// <summary>Names the endpoint and the expiry only: a record's generated ToString would print the token, and nothing may (a debugger display, a log line).</summary>
        public override string ToString() => "token of " + TokenUrl + " until " + UseUntil.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The token requests' log messages; they name the endpoint and the scopes, never a token, a secret or a password.</summary>
internal static class SeiTokenLog
{
    private static readonly Action<ILogger, string, string, string, string, Exception?> RequestingMessage =
        LoggerMessage.Define<string, string, string, string>(
            LogLevel.Information,
            new EventId(21, "SeiTokenRequest"),
            "Requesting an OAuth token (grant {GrantType}, scopes {Scopes}) from {TokenUrl}: {EndpointSource}");

    private static readonly Action<ILogger, string, double, Exception?> AcquiredMessage =
        LoggerMessage.Define<string, double>(LogLevel.Information, new EventId(20, "SeiTokenAcquired"), "Obtained an OAuth token from {TokenUrl}, valid for {LifetimeSeconds} s");

    // Endpoints are written through SeiResolvedEndpoint.Display: no user information, no query values.
    public static void Requesting(ILogger logger, string grantType, string scopes, SeiResolvedEndpoint endpoint)
        => RequestingMessage(logger, grantType, scopes.Length == 0 ? "(none named)" : scopes, endpoint.Display, SeiResolvedEndpoint.Describe(endpoint.Source), null);

    public static void Acquired(ILogger logger, string tokenEndpoint, double lifetimeSeconds) => AcquiredMessage(logger, tokenEndpoint, lifetimeSeconds, null);
}
