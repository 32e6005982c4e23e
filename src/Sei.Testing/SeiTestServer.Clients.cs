using System.Net.Http;
using Microsoft.Extensions.Logging;
using Sei.Client;
using Sei.Client.Http;
using Sei.Client.Resilience;

namespace Sei.Testing;

/// <summary>The clients a test points at the server, and what they logged.</summary>
public sealed partial class SeiTestServer
{
    private readonly RecordingLoggerFactory _loggers = new();

    /// <summary>Creates an HTTP client whose requests reach this server (in memory, or over loopback).</summary>
    /// <returns>The client, with <see cref="BaseAddress"/> as its base address.</returns>
    public HttpClient CreateHttpClient() => new(Transport()) { BaseAddress = BaseAddress };

    /// <summary>The handler that reaches this server; redirects are the client's to follow, as with SEI's own primary handler.</summary>
    private HttpMessageHandler Transport() => _inMemory is null ? new SocketsHttpHandler { AllowAutoRedirect = false } : _inMemory();

    /// <summary>Gets every entry the loggers of <see cref="LoggerFactory"/> wrote, in order: what the clients this server made logged.</summary>
    public IReadOnlyList<SeiRecordedLog> Logs => _loggers.Entries.ToArray();

    /// <summary>Gets loggers whose entries <see cref="Logs"/> keeps, to hand to the clients and services under test.</summary>
    public ILoggerFactory LoggerFactory => _loggers;

    /// <summary>
    /// Creates a generated client pointed at this server, as <see cref="CreateClient{TClient}(Func{HttpClient, SeiClientOptions, TClient}, Action{SeiClientOptions})"/>
    /// does, and hands it loggers whose entries <see cref="Logs"/> keeps, so a test can assert that tracking IDs were logged.
    /// </summary>
    /// <typeparam name="TClient">The generated client (or its interface).</typeparam>
    /// <param name="create">Creates the client, such as <c>(http, options, loggers) =&gt; new AccountsClient(http, options, loggers.CreateLogger&lt;AccountsClient&gt;())</c>.</param>
    /// <param name="configure">Changes the client's options, or <see langword="null"/> for SEI's defaults.</param>
    /// <returns>The client.</returns>
    public TClient CreateClient<TClient>(Func<HttpClient, SeiClientOptions, ILoggerFactory, TClient> create, Action<SeiClientOptions>? configure = null)
    {
        if (create is null)
        {
            throw new ArgumentNullException(nameof(create));
        }

        return CreateClient((http, options) => create(http, options, _loggers), configure);
    }

    /// <summary>
    /// Creates a generated client pointed at this server with every handler a registered client has in
    /// production: SEI's retry rules, the call timeout, and OAuth 2.0 tokens requested from this server's
    /// token endpoint. When the server requires authentication and <paramref name="configure"/> sets no
    /// credentials, the client uses the server's own <see cref="SeiTestServerOptions.AppKey"/> and
    /// <see cref="SeiTestServerOptions.AppSecret"/> with the client-credentials grant. Its loggers are
    /// <see cref="LoggerFactory"/>'s, so <see cref="Logs"/> shows what it logged.
    /// </summary>
    /// <typeparam name="TClient">The generated client (or its interface).</typeparam>
    /// <param name="api">The generated client's <c>Api</c>: which calls carry a token and where tokens come from.</param>
    /// <param name="create">Creates the client, such as <c>(http, options, loggers) =&gt; new AccountsClient(http, options, loggers.CreateLogger&lt;AccountsClient&gt;())</c>.</param>
    /// <param name="configure">Changes the client's options, such as other credentials, or <see langword="null"/> for SEI's defaults.</param>
    /// <returns>The client.</returns>
    public TClient CreateClient<TClient>(SeiApiDescription api, Func<HttpClient, SeiClientOptions, ILoggerFactory, TClient> create, Action<SeiClientOptions>? configure = null)
    {
        if (api is null)
        {
            throw new ArgumentNullException(nameof(api));
        }

        if (create is null)
        {
            throw new ArgumentNullException(nameof(create));
        }

        var options = new SeiClientOptions { BaseAddress = BaseAddress };
        configure?.Invoke(options);
        if (_options.RequireAuthentication && options.ClientCredentials is null && options.AccessTokenSource is null)
        {
            options.UseClientCredentials(_options.AppKey, _options.AppSecret);
        }

        var http = SeiHttpClientFactory.Create(api, options, _loggers, Transport());
        http.BaseAddress = options.BaseAddress ?? BaseAddress;
        return create(http, options, _loggers);
    }

    /// <summary>
    /// Creates a generated client pointed at this server, with SEI's retry rules (<see cref="SeiClientOptions.Retry"/>)
    /// and the call timeout (<see cref="SeiClientOptions.Timeout"/>) in front of this server's transport,
    /// and no tokens: for a server that requires authentication, use the overload that takes the client's <c>Api</c>.
    /// </summary>
    /// <typeparam name="TClient">The generated client (or its interface).</typeparam>
    /// <param name="create">Creates the client, such as <c>(http, options) =&gt; new AccountsClient(http, options, logger)</c>.</param>
    /// <param name="configure">Changes the client's options, or <see langword="null"/> for SEI's defaults.</param>
    /// <returns>The client.</returns>
    public TClient CreateClient<TClient>(Func<HttpClient, SeiClientOptions, TClient> create, Action<SeiClientOptions>? configure = null)
    {
        if (create is null)
        {
            throw new ArgumentNullException(nameof(create));
        }

        var options = new SeiClientOptions { BaseAddress = BaseAddress };
        configure?.Invoke(options);
        var transport = Transport();
        HttpMessageHandler handler = options.Retry.Enabled
            ? new SeiRetryHandler(options.Retry, null, options.Timeout) { InnerHandler = transport }
            : transport;
        return create(new HttpClient(handler) { BaseAddress = options.BaseAddress ?? BaseAddress, Timeout = options.Timeout }, options);
    }
}
