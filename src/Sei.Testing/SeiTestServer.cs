using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sei.Client;
using Sei.Client.Resilience;
using Sei.Testing.Engine;

namespace Sei.Testing;

/// <summary>
/// An SEI server for tests, made from the same OpenAPI document as the client under test. It answers
/// every operation of the document as SEI does: a <c>RequestTrackingId</c> on every response, the
/// error envelope on every error, cursor paging with real cursors, the 2048-character URL limit, and
/// requests checked against the document (parameters, media types, required members), refused with a
/// 400 envelope that names the field and where it travelled. Bodies are made up from the schemas,
/// the same for the same <see cref="SeiTestServerOptions.Seed"/>. Every request is recorded.
/// </summary>
/// <example>
/// <code>
/// await using var server = await SeiTestServer.StartAsync("specs/accounts.v1.yaml");
/// IAccountsClient accounts = server.CreateClient((http, options) => new AccountsClient(http, options, logger));
/// </code>
/// </example>
public sealed class SeiTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Pipeline _pipeline;
    private readonly Func<HttpMessageHandler>? _inMemory;
    private readonly RecordingLoggerFactory _loggers = new();

    private SeiTestServer(WebApplication app, Pipeline pipeline, Uri baseAddress, Func<HttpMessageHandler>? inMemory)
    {
        _app = app;
        _pipeline = pipeline;
        BaseAddress = baseAddress;
        _inMemory = inMemory;
    }

    /// <summary>Gets the root URL requests go to: <c>http://sei.test/</c> in memory, <c>http://127.0.0.1:port/</c> over loopback.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets every request the server received, in order, with secrets masked.</summary>
    public IReadOnlyList<SeiRecordedRequest> Requests => _pipeline.Recorded.ToArray();

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
    public static async Task<SeiTestServer> StartAsync(string documentName, string documentText, SeiTestServerOptions? options, CancellationToken cancellationToken = default)
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
        var pipeline = new Pipeline(ServerDocument.Load(documentName, documentText), options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>(), ApplicationName = typeof(SeiTestServer).Assembly.GetName().Name });

        // The host's own log lines would drown the test's; and Ctrl+C belongs to the test runner, not to this host.
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
                kestrel.Listen(IPAddress.Loopback, 0);
                kestrel.AddServerHeader = false;

                // Kestrel would refuse long request lines with a bodiless 414 of its own; the gateway answers with the envelope instead.
                kestrel.Limits.MaxRequestLineSize = 64 * 1024;
                kestrel.Limits.MaxRequestHeadersTotalSize = 96 * 1024;
            });
        }

        var app = builder.Build();
        app.Run(pipeline.InvokeAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            if (inMemory)
            {
                var server = app.GetTestServer();
                server.BaseAddress = new Uri("http://sei.test/");
                return new SeiTestServer(app, pipeline, server.BaseAddress, server.CreateHandler);
            }

            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new SeiTestServer(app, pipeline, new Uri(address + "/"), null);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Gets the operations the server answers, by the names <see cref="Fail"/>, <see cref="Handle"/> and <see cref="Seed"/> take: operation IDs, else the generated methods' names.</summary>
    public IReadOnlyList<string> Operations => _pipeline.Document.Routes.Select(r => r.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>Answers the next requests for an operation (or for any) with a fault instead of the normal answer, or on top of it.</summary>
    /// <param name="operation">The operation (its operation ID, else the generated method's name), or <see langword="null"/> for any operation.</param>
    /// <param name="fault">The fault, such as <c>SeiFault.Envelope(503, "accounts.unavailable", transient: true) with { RetryAfter = TimeSpan.Zero }</c>.</param>
    /// <param name="times">How many requests it answers; 1 unless said.</param>
    /// <exception cref="ArgumentException">The document has no such operation.</exception>
    public void Fail(string? operation, SeiFault fault, int times = 1)
    {
        if (fault is null)
        {
            throw new ArgumentNullException(nameof(fault));
        }

        if (times < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(times), times, "A fault answers at least one request.");
        }

        _pipeline.Overrides.AddFault(operation is null ? null : Known(operation), fault, times);
    }

    /// <summary>Answers an operation with a handler of the test's instead of made-up data; requests are still checked against the document first.</summary>
    /// <param name="operation">The operation (its operation ID, else the generated method's name).</param>
    /// <param name="handler">Makes the answer, such as <c>request =&gt; SeiTestResponse.Of(new Account { AccountId = request.PathValues["accountId"], ... })</c>.</param>
    /// <exception cref="ArgumentException">The document has no such operation.</exception>
    public void Handle(string operation, Func<SeiTestRequest, SeiTestResponse> handler)
        => _pipeline.Overrides.SetHandler(Known(operation), handler ?? throw new ArgumentNullException(nameof(handler)));

    /// <summary>Makes a paged list hold these items, in this order, instead of made-up ones; its pages and cursors follow from them.</summary>
    /// <param name="operation">The paged operation (its operation ID, else the generated method's name).</param>
    /// <param name="items">The items, generated model instances (written with their own JSON contracts).</param>
    /// <exception cref="ArgumentException">The document has no such operation, or it is not a cursor-paged list.</exception>
    public void Seed(string operation, System.Collections.IEnumerable items)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        var name = Known(operation);
        if (_pipeline.Document.Routes.All(r => r.Name != name || r.Operation.Paging is null))
        {
            throw new ArgumentException("'" + operation + "' is not a cursor-paged list; seed one of: " + string.Join(", ", _pipeline.Document.Routes.Where(r => r.Operation.Paging is not null).Select(r => r.Name).Distinct()) + ".", nameof(operation));
        }

        var nodes = new List<System.Text.Json.Nodes.JsonNode?>();
        foreach (var item in items)
        {
            nodes.Add(item is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(item, item.GetType()));
        }

        _pipeline.Overrides.Seed(name, nodes);
    }

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
    /// Creates a generated client pointed at this server, with the handlers a registered client has in
    /// production: SEI's retry rules (<see cref="SeiClientOptions.Retry"/>) and the call timeout
    /// (<see cref="SeiClientOptions.Timeout"/>), in front of this server's transport.
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

    /// <summary>Stops the server (and releases its port, over loopback).</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private string Known(string operation)
    {
        if (operation is null)
        {
            throw new ArgumentNullException(nameof(operation));
        }

        return _pipeline.Document.Routes.Any(r => r.Name == operation)
            ? operation
            : throw new ArgumentException("The document has no operation '" + operation + "'; it has " + string.Join(", ", Operations) + ".", nameof(operation));
    }

    /// <summary>A host lifetime that neither waits for nor listens to the console, for a host embedded in a test.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
