using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sei.Client.Authentication;

/// <summary>
/// Obtains and caches client-credentials tokens: one token request at a time however many calls
/// wait for it, reused until shortly before it expires, replaced at once when a call is refused
/// with 401. Shared by every handler of one client registration, so handler rotation in
/// <c>IHttpClientFactory</c> does not cost a new token.
/// </summary>
public sealed class SeiTokenProvider : IDisposable
{
    private readonly SeiClientCredentials _credentials;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expiresAt;

    /// <summary>Initializes a new instance of the <see cref="SeiTokenProvider"/> class.</summary>
    /// <param name="credentials">The application's key and secret.</param>
    /// <param name="logger">Where token requests are logged (never the token or the secret).</param>
    public SeiTokenProvider(SeiClientCredentials credentials, ILogger? logger = null)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Gets how many tokens were requested so far.</summary>
    public int TokenRequests { get; private set; }

    /// <summary>Returns a valid token, requesting one when there is none, it is about to expire, or <paramref name="rejected"/> is the cached one.</summary>
    /// <param name="tokenUrl">The token endpoint.</param>
    /// <param name="send">Sends the token request (through the rest of the handler chain, so client certificates apply).</param>
    /// <param name="rejected">A token the API just refused with 401, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting and the request.</param>
    /// <returns>The access token.</returns>
    public async Task<string> GetTokenAsync(Uri tokenUrl, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, string? rejected, CancellationToken cancellationToken)
    {
        if (tokenUrl is null)
        {
            throw new ArgumentNullException(nameof(tokenUrl));
        }

        if (send is null)
        {
            throw new ArgumentNullException(nameof(send));
        }

        if (Current(rejected) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever held the gate before may have fetched a token already.
            if (Current(rejected) is { } fresh)
            {
                return fresh;
            }

            return await RequestAsync(tokenUrl, send, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private string? Current(string? rejected)
    {
        var token = Volatile.Read(ref _token);
        return token is not null && token != rejected && DateTimeOffset.UtcNow < _expiresAt ? token : null;
    }

    private async Task<string> RequestAsync(Uri tokenUrl, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (!string.IsNullOrWhiteSpace(_credentials.Scope))
        {
            fields.Add(new KeyValuePair<string, string>("scope", _credentials.Scope!));
        }

        TokenRequests++;
        var tokens = await SeiTokenEndpoint.RequestAsync(send, tokenUrl, fields, _credentials.ToBasicCredentials(), cancellationToken).ConfigureAwait(false);
        var lifetime = tokens.ExpiresAt - DateTimeOffset.UtcNow;
        var margin = lifetime > _credentials.RefreshBeforeExpiry + _credentials.RefreshBeforeExpiry ? _credentials.RefreshBeforeExpiry : TimeSpan.FromTicks(lifetime.Ticks / 2);
        _expiresAt = tokens.ExpiresAt - margin;
        Volatile.Write(ref _token, tokens.AccessToken);
        SeiTokenLog.Acquired(_logger, tokenUrl, Math.Round(lifetime.TotalSeconds));
        return tokens.AccessToken;
    }
}

/// <summary>The token provider's log messages; they never include a token or a secret.</summary>
internal static class SeiTokenLog
{
    private static readonly Action<ILogger, string, double, Exception?> AcquiredMessage =
        LoggerMessage.Define<string, double>(LogLevel.Information, new EventId(20, "SeiTokenAcquired"), "Obtained an OAuth token from {TokenUrl}, valid for {LifetimeSeconds} s");

    // The URL is written without user information or query values, where a misconfigured token URL could carry a secret.
    public static void Acquired(ILogger logger, Uri tokenUrl, double lifetimeSeconds) => AcquiredMessage(logger, Http.SeiRedaction.Url(tokenUrl), lifetimeSeconds, null);
}
