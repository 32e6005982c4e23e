using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Sei.Sandbox.Accounts;
using Sei.Sandbox.Payments;
using Sei.Testing;

namespace Sei.Sandbox;

/// <summary>
/// An in-process stand-in for SEI's Accounts API (v1 and v2) and Payments API (v1), for samples
/// and tests that must run without network access or credentials. It listens on a free port of
/// 127.0.0.1 and behaves as SEI's conventions describe: a <c>RequestTrackingId</c> header on every
/// response, the error envelope on every error, cursor paging, <c>href</c> and <c>links</c>, and
/// the 2048-character URL limit. Its data is seeded the same way on every start (137 accounts,
/// ACC-00000001 to ACC-00000137, and 64 payments), and changes live in memory until it is disposed.
/// </summary>
/// <remarks>
/// The sandbox is one use of <c>Sei.Testing</c>: an <see cref="SeiTestServer"/> over loopback that answers
/// with the hand-written endpoints of the three APIs (their state lives in stores of their own), behind
/// the test server's SEI gateway (tracking IDs, the envelope, the 2048-character limit, OAuth and quotas).
/// By default the sandbox accepts any request; <see cref="SandboxOptions"/> turns on SEI's OAuth 2.0
/// checks and a quota answered with 429 and Retry-After. Its token endpoint, <c>POST /oauth/v1/token</c>
/// (or <c>/oauth/v2/token</c>), issues tokens to the configured key and secret for the client-credentials,
/// authorization-code (with PKCE), refresh-token and password grants; its authorize endpoint,
/// <c>GET /oauth/v1/authorize</c>, signs the configured user in at once and redirects with a code.
/// </remarks>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly SeiTestServer _server;

    private SandboxServer(SeiTestServer server, SandboxCertificates? certificates)
    {
        _server = server;
        Certificates = certificates;
    }

    /// <summary>Gets the sandbox's certificate authority, when it serves two-way TLS; otherwise <see langword="null"/>.</summary>
    public SandboxCertificates? Certificates { get; }

    /// <summary>Gets how many token requests the sandbox has answered.</summary>
    public int TokenRequests => _server.TokenRequests;

    /// <summary>
    /// Gets every access token, refresh token and authorization code the sandbox has issued, so that
    /// tests can check that none of them turns up where it must not (in logs, in messages).
    /// </summary>
    public IReadOnlyCollection<string> IssuedCredentials => _server.IssuedCredentials;

    /// <summary>Makes every access token issued so far expire, so the next call with one gets 401; refresh tokens stay valid.</summary>
    public void ExpireTokens() => _server.ExpireTokens();

    /// <summary>Gets the root URL to send requests to, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Starts a sandbox on a free port of 127.0.0.1.</summary>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>The running sandbox; dispose it to stop it.</returns>
    public static Task<SandboxServer> StartAsync(CancellationToken cancellationToken = default) => StartAsync(new SandboxOptions(), cancellationToken);

    /// <summary>Starts a sandbox on a free port of 127.0.0.1 with the given strictness.</summary>
    /// <param name="options">Authentication and quota settings.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>The running sandbox; dispose it to stop it.</returns>
    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var certificates = options.RequireClientCertificate ? new SandboxCertificates() : null;
        var serverOptions = new SeiTestServerOptions
        {
            Transport = SeiTestTransport.Loopback,
            RequireAuthentication = options.RequireAuthentication,
            AppKey = options.AppKey,
            AppSecret = options.AppSecret,
            UserName = options.UserName,
            UserPassword = options.UserPassword,
            TokenLifetime = options.TokenLifetime,
            QuotaLimit = options.QuotaLimit,
            QuotaWindow = options.QuotaWindow,
            ConfigureHttps = certificates is null ? null : https =>
            {
                https.ServerCertificate = certificates.Server;
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = (certificate, _, _) => certificates.IssuedHere(certificate);
            },
        };

        var accounts = new AccountsStore();
        var payments = new PaymentsStore(accounts);
        try
        {
            var server = await SeiTestServer.StartAsync(
                routes =>
                {
                    AccountsV1Api.Map(routes, accounts);
                    AccountsV2Api.Map(routes, accounts);
                    PaymentsV1Api.Map(routes, payments);
                },
                serverOptions,
                cancellationToken).ConfigureAwait(false);
            return new SandboxServer(server, certificates);
        }
        catch
        {
            certificates?.Dispose();
            throw;
        }
    }

    /// <summary>Stops the sandbox and releases its port.</summary>
    /// <returns>A task that completes when the sandbox has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        Certificates?.Dispose();
    }
}
