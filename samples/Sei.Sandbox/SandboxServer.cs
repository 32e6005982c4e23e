using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sei.Sandbox.Accounts;
using Sei.Sandbox.Http;
using Sei.Sandbox.Payments;

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
/// By default the sandbox accepts any request; <see cref="SandboxOptions"/> turns on SEI's OAuth 2.0
/// checks and a quota answered with 429 and Retry-After. Its token endpoint, <c>POST /oauth/v1/token</c>
/// (or <c>/oauth/v2/token</c>), issues tokens to the configured key and secret for the client-credentials,
/// authorization-code (with PKCE), refresh-token and password grants; its authorize endpoint,
/// <c>GET /oauth/v1/authorize</c>, signs the configured user in at once and redirects with a code.
/// </remarks>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AuthenticationMiddleware _gateway;

    private SandboxServer(WebApplication app, Uri baseAddress, AuthenticationMiddleware gateway, SandboxCertificates? certificates)
    {
        _app = app;
        BaseAddress = baseAddress;
        _gateway = gateway;
        Certificates = certificates;
    }

    /// <summary>Gets the sandbox's certificate authority, when it serves two-way TLS; otherwise <see langword="null"/>.</summary>
    public SandboxCertificates? Certificates { get; }

    /// <summary>Gets how many token requests the sandbox has answered.</summary>
    public int TokenRequests => _gateway.OAuth.TokenRequests;

    /// <summary>
    /// Gets every access token, refresh token and authorization code the sandbox has issued, so that
    /// tests can check that none of them turns up where it must not (in logs, in messages).
    /// </summary>
    public IReadOnlyCollection<string> IssuedCredentials => _gateway.OAuth.Issued;

    /// <summary>Makes every access token issued so far expire, so the next call with one gets 401; refresh tokens stay valid.</summary>
    public void ExpireTokens() => _gateway.OAuth.ExpireAccessTokens();

    /// <summary>Gets the root URL to send requests to, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

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
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The host's own log lines (listening addresses, request traces) would drown out the consuming program's logs.
        builder.Logging.ClearProviders();

        // The sandbox lives inside someone else's program, so Ctrl+C must stay theirs rather than stop the embedded host.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        var certificates = options.RequireClientCertificate ? new SandboxCertificates() : null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (certificates is not null)
                {
                    listen.UseHttps(https =>
                    {
                        https.ServerCertificate = certificates.Server;
                        https.ClientCertificateMode = Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.RequireCertificate;
                        https.ClientCertificateValidation = (certificate, _, _) => certificates.IssuedHere(certificate);
                    });
                }
            });
            kestrel.AddServerHeader = false;

            // Kestrel would refuse long request lines with its own bodiless 414; raising its limit lets the gateway answer with the envelope.
            kestrel.Limits.MaxRequestLineSize = 64 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 96 * 1024;
        });

        var app = builder.Build();
        app.Use(TrackingIdMiddleware.InvokeAsync);
        app.Use(GatewayMiddleware.InvokeAsync);
        var gateway = new AuthenticationMiddleware(options);
        app.Use(gateway.InvokeAsync);
        app.UseRouting();

        var accounts = new AccountsStore();
        AccountsV1Api.Map(app, accounts);
        AccountsV2Api.Map(app, accounts);
        PaymentsV1Api.Map(app, new PaymentsStore(accounts));

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new SandboxServer(app, new Uri(addresses.First() + "/"), gateway, certificates);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the sandbox and releases its port.</summary>
    /// <returns>A task that completes when the sandbox has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Certificates?.Dispose();
    }

    /// <summary>A host lifetime that neither waits for nor listens to the console, for a host embedded in another program.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
