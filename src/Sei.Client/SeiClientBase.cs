using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sei.Client.Authentication;
using Sei.Client.Http;

namespace Sei.Client;

/// <summary>
/// The request pipeline that every generated SEI client stands on: it resolves the server URL,
/// guards the GET URL length, sends, captures and logs the tracking ID, turns non-success
/// responses into <see cref="SeiApiException"/>, and reads bodies through generated code.
/// </summary>
public abstract partial class SeiClientBase : ISeiClient
{
    /// <summary>The port on which SEI serves calls authenticated with a client certificate (mutual TLS).</summary>
    public const int MutualTlsPort = SeiApiDescription.MutualTlsPort;

    /// <summary>Initializes a new instance of the <see cref="SeiClientBase"/> class.</summary>
    /// <param name="httpClient">The HTTP client to send with; its handlers (authentication, retries) apply.</param>
    /// <param name="options">The client's settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Where requests and their tracking IDs are logged, or <see langword="null"/> to log nothing.</param>
    /// <param name="defaultServerUrl">The server URL used when neither the options nor the HTTP client name one.</param>
    protected SeiClientBase(HttpClient httpClient, SeiClientOptions? options, ILogger? logger, string defaultServerUrl)
        : this(httpClient, options, logger, defaultServerUrl, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SeiClientBase"/> class with the server URL of each environment.</summary>
    /// <param name="httpClient">The HTTP client to send with; its handlers (authentication, retries) apply.</param>
    /// <param name="options">The client's settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Where requests and their tracking IDs are logged, or <see langword="null"/> to log nothing.</param>
    /// <param name="defaultServerUrl">The server URL used when neither the options nor the HTTP client name one.</param>
    /// <param name="environmentUrls">The server URL of each environment the API document lists.</param>
    protected SeiClientBase(HttpClient httpClient, SeiClientOptions? options, ILogger? logger, string defaultServerUrl, IReadOnlyDictionary<SeiEnvironment, string>? environmentUrls)
        : this(httpClient, options, logger, new SeiApiDescription(defaultServerUrl, environmentUrls, null))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SeiClientBase"/> class from what the API document says of its servers and tokens.</summary>
    /// <param name="httpClient">The HTTP client to send with; its handlers (authentication, retries) apply.</param>
    /// <param name="options">The client's settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Where requests and their tracking IDs are logged, or <see langword="null"/> to log nothing.</param>
    /// <param name="api">The servers and token URL the API document lists.</param>
    protected SeiClientBase(HttpClient httpClient, SeiClientOptions? options, ILogger? logger, SeiApiDescription api)
    {
        ApiDescription = api ?? throw new ArgumentNullException(nameof(api));
        HttpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        Options = options ?? new SeiClientOptions();
        Logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Gets what the API document says of its servers and tokens.</summary>
    protected SeiApiDescription ApiDescription { get; }

    /// <summary>Gets the HTTP client requests are sent with.</summary>
    protected HttpClient HttpClient { get; }

    /// <summary>Gets the client's settings.</summary>
    protected SeiClientOptions Options { get; }

    /// <summary>Gets the logger requests are logged to.</summary>
    protected ILogger Logger { get; }

    /// <summary>Gets the server URL requests go to.</summary>
    public Uri ServerUrl => ApiDescription.ResolveServerUrl(Options, HttpClient.BaseAddress);

    /// <summary>
    /// Sends a request and returns its successful response, following redirects under the client's own
    /// rules (see <see cref="SeiClientOptions.MaxRedirects"/>); a <c>304 Not Modified</c> is returned too
    /// when the operation declares it. Any other status becomes a <see cref="SeiApiException"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response, which the caller disposes.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected async Task<HttpResponseMessage> SendAsync(SeiRequestBuilder request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var started = Stopwatch.GetTimestamp();
        Uri? serverUrl = null;
        int? status = null;
        Exception? failure = null;
        try
        {
            // Resolved once per call: the handlers behind read the same server and the operation's security from the request.
            var server = ApiDescription.ResolveServer(Options, HttpClient.BaseAddress);
            serverUrl = server.Url;
            var response = await SendResolvedAsync(request, server, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            return response;
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            SeiMetrics.Operation(request, serverUrl, started, status, failure);
        }
    }

    private async Task<HttpResponseMessage> SendResolvedAsync(SeiRequestBuilder request, SeiResolvedServer server, CancellationToken cancellationToken)
    {
        var uri = request.BuildUri(server.Url);
        if (request.Method == HttpMethod.Get && uri.AbsoluteUri.Length > Options.MaxUrlLength)
        {
            throw new SeiUrlTooLongException(request.OperationName, uri.AbsoluteUri.Length, Options.MaxUrlLength, request.SearchAlternative);
        }

        // Every hop of a redirect chain carries the same context, so the authentication handlers judge
        // each against the call's server: a hop to another origin gets no token.
        var context = new SeiRequestContext(request.OperationName, server, ApiDescription.SecurityOf(request.Method.Method, request.PathTemplate));
        var first = request.ToHttpRequestMessage(server.Url);
        context.AttachTo(first);

        // Every message of the chain is kept until the end: a 307 or 308 sends the same body again, and
        // disposing a message disposes its body.
        var messages = new List<HttpRequestMessage> { first };
        using var activity = SeiTelemetry.StartRequest(request);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                var message = messages[messages.Count - 1];
                var response = await SendOnceAsync(request, message, context, activity, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode || (response.StatusCode == HttpStatusCode.NotModified && request.NotModifiedIsResult))
                {
                    return response;
                }

                if (SeiRedirect.IsRedirect(response.StatusCode) && SeiRedirect.Target(response, message.RequestUri!) is { } target)
                {
                    using (response)
                    {
                        var hop = NextHop(request, message, response, target, redirects, server.Url);
                        context.AttachTo(hop);
                        messages.Add(hop);
                    }

                    continue;
                }

                using (response)
                {
                    var body = response.Content is null ? Array.Empty<byte>() : await ReadBodyAsync(request.OperationName, response, content => content.ReadAsByteArrayAsync()).ConfigureAwait(false);

                    throw SeiApiException.FromResponse(request.OperationName, response.StatusCode, body, GetTrackingId(response), response.Headers);
                }
            }
        }
        finally
        {
            foreach (var message in messages)
            {
                message.Dispose();
            }
        }
    }

    /// <summary>
    /// The request that follows a redirect. It keeps the call's header and cookie parameters only when the
    /// target has the API's origin; the bearer-token handler, which every hop passes through again, adds a
    /// token only for that origin too. HTTPS is never given up for HTTP, and the chain is bounded.
    /// </summary>
    private HttpRequestMessage NextHop(SeiRequestBuilder request, HttpRequestMessage message, HttpResponseMessage response, Uri target, int redirects, Uri server)
    {
        var status = response.StatusCode;
        var trackingId = GetTrackingId(response);
        var shown = SeiRedirect.Describe(target);
        if (redirects >= Options.MaxRedirects)
        {
            throw new SeiRedirectException(
                request.OperationName,
                status,
                shown,
                Options.MaxRedirects == 0
                    ? $"{request.OperationName} was redirected ({(int)status}) to {shown}, and following redirects is switched off (SeiClientOptions.MaxRedirects is 0)."
                    : $"{request.OperationName} was redirected more than {Options.MaxRedirects} times, last ({(int)status}) to {shown}; the redirects may loop. Raise SeiClientOptions.MaxRedirects if so long a chain is expected.",
                trackingId);
        }

        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
        {
            throw new SeiRedirectException(request.OperationName, status, shown, $"{request.OperationName} was redirected ({(int)status}) to {shown}, which is not an HTTP URL; it was not followed.", trackingId);
        }

        if (message.RequestUri!.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
        {
            throw new SeiRedirectException(
                request.OperationName,
                status,
                shown,
                $"{request.OperationName} was redirected ({(int)status}) from HTTPS to plain HTTP ({shown}); it was not followed, so that the request never travels unencrypted.",
                trackingId);
        }

        var method = SeiRedirect.MethodAfter(status, message.Method);
        SeiLog.Redirected(Logger, request, (int)status, target, method.Method);
        return request.CreateRedirectMessage(method, target, method == message.Method ? message.Content : null, SeiRedirect.SameOrigin(target, server));
    }

    /// <summary>Sends one message of a call, logging and tracing its answer and turning transport failures into SEI exceptions.</summary>
    private async Task<HttpResponseMessage> SendOnceAsync(SeiRequestBuilder request, HttpRequestMessage message, SeiRequestContext context, Activity? activity, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The caller did not cancel, so HttpClient.Timeout elapsed (SeiClientOptions.Timeout, unless the
            // application changed the HTTP client's after); while waiting for a token, the token endpoint's fault.
            SeiLog.Failed(Logger, request, exception);
            activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            throw context.PendingTokenEndpoint is { } tokenEndpoint
                ? new SeiTimeoutException(SeiTokenEndpoint.TokenRequestName + " of " + request.OperationName, tokenEndpoint, HttpClient.Timeout, exception)
                : new SeiTimeoutException(request.OperationName, context.Server.Url, HttpClient.Timeout, exception);
        }
        catch (HttpRequestException exception)
        {
            SeiLog.Failed(Logger, request, exception);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            var failed = context.PendingTokenEndpoint ?? context.Server.Url;
            var what = context.PendingTokenEndpoint is null ? request.OperationName : SeiTokenEndpoint.TokenRequestName + " of " + request.OperationName;
            throw new SeiTransportException(
                request.OperationName,
                failed,
                $"{what} could not reach {SeiRedaction.Url(failed)}: {exception.Message} Check the environment's URL, the network path and, for mutual TLS, the client certificate.",
                exception);
        }

        var elapsed = TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency);
        var trackingId = GetTrackingId(response);
        SeiTelemetry.Completed(activity, (int)response.StatusCode, trackingId);
        using (Logger.BeginScope(new SeiLogScope(request.OperationName, trackingId)))
        {
            SeiLog.Response(Logger, request, (int)response.StatusCode, elapsed, trackingId);
        }

        return response;
    }
}
