using System.IO;
using System.Net;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sei.Testing.Engine;

namespace Sei.Testing;

/// <summary>
/// An SEI server for tests. Made from the same OpenAPI document as the client under test, it answers
/// every operation of the document as SEI does: a <c>RequestTrackingId</c> on every response, the
/// error envelope on every error, cursor paging with real cursors, the 2048-character URL limit, OAuth
/// 2.0 tokens, quotas, and requests checked against the document (parameters, media types, required
/// members), refused with a 400 envelope that names the field and where it travelled. Bodies are made
/// up from the schemas, the same for the same <see cref="SeiTestServerOptions.Seed"/>. Started with
/// the test's own endpoints instead, it puts the same gateway in front of them. Every request is recorded.
/// </summary>
/// <example>
/// <code>
/// await using var server = await SeiTestServer.StartAsync("specs/accounts.v1.yaml");
/// IAccountsClient accounts = server.CreateClient((http, options) => new AccountsClient(http, options, logger));
/// </code>
/// </example>
public sealed partial class SeiTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Gateway _gateway;
    private readonly Dispatcher? _dispatcher;
    private readonly SeiTestServerOptions _options;
    private readonly Func<HttpMessageHandler>? _inMemory;

    private SeiTestServer(WebApplication app, Gateway gateway, Dispatcher? dispatcher, SeiTestServerOptions options, Uri baseAddress, Func<HttpMessageHandler>? inMemory)
    {
        _app = app;
        _gateway = gateway;
        _dispatcher = dispatcher;
        _options = options;
        BaseAddress = baseAddress;
        _inMemory = inMemory;
    }

    /// <summary>Gets the root URL requests go to: <c>http://sei.test/</c> in memory, <c>http://127.0.0.1:port/</c> (or <c>https://</c>) over loopback.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets every request the server received, in the order they arrived, with secrets masked.</summary>
    public IReadOnlyList<SeiRecordedRequest> Requests => _gateway.Recorded;

    /// <summary>Gets how many token requests the server has answered, granted or not.</summary>
    public int TokenRequests => _gateway.OAuth.TokenRequests;

    /// <summary>
    /// Gets every access token, refresh token and authorization code the server has issued, so that a
    /// test can check that none of them turns up where it must not (in logs, in messages).
    /// </summary>
    public IReadOnlyCollection<string> IssuedCredentials => _gateway.OAuth.Issued;

    /// <summary>Makes every access token issued so far expire, so the next call with one gets 401; refresh tokens stay valid.</summary>
    public void ExpireTokens() => _gateway.OAuth.ExpireAccessTokens();

    /// <summary>Starts a server for a document file.</summary>
    /// <param name="documentPath">The document, YAML or JSON, OpenAPI 3.x or Swagger 2.0 (copy it to the test's output, or give a path relative to the working directory).</param>
    /// <param name="options">Its behaviour, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="SeiTestServerException">The document cannot be found or read.</exception>
    public static Task<SeiTestServer> StartAsync(string documentPath, SeiTestServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (documentPath is null)
        {
            throw new ArgumentNullException(nameof(documentPath));
        }

        if (!File.Exists(documentPath))
        {
            throw new SeiTestServerException("The SEI test server found no document at '" + Path.GetFullPath(documentPath) + "'. Copy it to the test's output (<None Include=\"...\" CopyToOutputDirectory=\"PreserveNewest\" />) or give its full path.");
        }

        return StartAsync(Path.GetFileName(documentPath), File.ReadAllText(documentPath), options, cancellationToken);
    }

    /// <summary>Starts a server for a document's text.</summary>
    /// <param name="documentName">The document's file name; its extension (.yaml, .yml or .json) says how to read it.</param>
    /// <param name="documentText">The document.</param>
    /// <param name="options">Its behaviour, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="SeiTestServerException">The document cannot be read.</exception>
    public static Task<SeiTestServer> StartAsync(string documentName, string documentText, SeiTestServerOptions? options, CancellationToken cancellationToken = default)
    {
        if (documentName is null)
        {
            throw new ArgumentNullException(nameof(documentName));
        }

        if (documentText is null)
        {
            throw new ArgumentNullException(nameof(documentText));
        }

        options ??= new SeiTestServerOptions();
        var document = ServerDocument.Load(documentName, documentText);
        var dispatcher = new Dispatcher(document, options);
        var flows = document.Model.Security.Schemes.SelectMany(scheme => scheme.Flows).ToList();
        var oauth = new OAuthServer(
            options,
            OAuthServer.PathsOf(flows.SelectMany(flow => new[] { flow.TokenUrl, flow.RefreshUrl })),
            OAuthServer.PathsOf(flows.Select(flow => flow.AuthorizationUrl)));
        return StartAsync(options, oauth, dispatcher, app => app.Run(dispatcher.InvokeAsync), cancellationToken);
    }

    /// <summary>
    /// Starts a server that answers with the test's own endpoints (a hand-written fake with state of
    /// its own), behind the same gateway as a server made from a document: tracking IDs, the
    /// 2048-character limit, OAuth 2.0, quotas, and the error envelope for every error, including a
    /// <see cref="SeiProblemException"/> an endpoint throws and the 404 or 405 of a route it lacks.
    /// </summary>
    /// <param name="endpoints">Maps the endpoints, such as <c>routes =&gt; routes.MapGet("/accounts/v1/accounts/{id}", ...)</c>.</param>
    /// <param name="options">Its behaviour, or <see langword="null"/> for the defaults; the settings of made-up data do not apply.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public static Task<SeiTestServer> StartAsync(Action<IEndpointRouteBuilder> endpoints, SeiTestServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (endpoints is null)
        {
            throw new ArgumentNullException(nameof(endpoints));
        }

        options ??= new SeiTestServerOptions();
        return StartAsync(
            options,
            new OAuthServer(options, Array.Empty<string>(), Array.Empty<string>()),
            null,
            app =>
            {
                app.UseRouting();
                endpoints(app);
            },
            cancellationToken);
    }

    /// <summary>Stops the server (and releases its port, over loopback).</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Hosts the gateway and what answers behind it, in memory or on a free loopback port.</summary>
    private static async Task<SeiTestServer> StartAsync(SeiTestServerOptions options, OAuthServer oauth, Dispatcher? dispatcher, Action<WebApplication> answer, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = Array.Empty<string>(),
            ApplicationName = typeof(SeiTestServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The host's own log lines would drown the test's; and Ctrl+C belongs to the test runner (or the program the server lives in), not to this host.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        var inMemory = options.Transport == SeiTestTransport.InMemory;
        if (inMemory)
        {
            builder.WebHost.UseTestServer();
        }
        else
        {
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, 0, listen =>
                {
                    if (options.ConfigureHttps is { } https)
                    {
                        listen.UseHttps(https);
                    }
                });
                kestrel.AddServerHeader = false;

                // Kestrel would refuse long request lines with a bodiless 414 of its own; the gateway answers with the envelope instead.
                kestrel.Limits.MaxRequestLineSize = 64 * 1024;
                kestrel.Limits.MaxRequestHeadersTotalSize = 96 * 1024;
            });
        }

        var app = builder.Build();
        var gateway = new Gateway(options, oauth);
        app.Use(gateway.InvokeAsync);
        answer(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            if (inMemory)
            {
                var server = app.GetTestServer();
                server.BaseAddress = new Uri("http://sei.test/");
                return new SeiTestServer(app, gateway, dispatcher, options, server.BaseAddress, server.CreateHandler);
            }

            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new SeiTestServer(app, gateway, dispatcher, options, new Uri(address + "/"), null);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A host lifetime that neither waits for nor listens to the console, for a host embedded in a test.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
