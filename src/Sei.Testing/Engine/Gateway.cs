using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;

namespace Sei.Testing.Engine;

/// <summary>
/// What SEI's gateway does in front of every API, whatever answers behind it (the document's made-up
/// data or the test's own endpoints), in SEI's order: a tracking ID on every response, the
/// 2048-character URL limit, the OAuth 2.0 endpoints, bearer tokens checked when the server asks for
/// them, the per-application quota, and the error envelope for every error, including those nothing
/// behind it wrote (an unknown route, a wrong method, a crash). Every request is recorded, secrets masked.
/// </summary>
internal sealed class Gateway
{
    /// <summary>The longest URL SEI accepts (scheme, host, path and query, percent-encoded).</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>The key under which <see cref="HttpContext.Items"/> holds the name of the operation a request matched.</summary>
    public static readonly object MatchedOperationKey = new();

    private readonly SeiTestServerOptions _options;
    private readonly Quota _quota;
    private readonly ConcurrentQueue<(long Arrival, SeiRecordedRequest Request)> _recorded = new();
    private long _arrivals;

    public Gateway(SeiTestServerOptions options, OAuthServer oauth)
    {
        _options = options;
        _quota = new Quota(options.QuotaLimit, options.QuotaWindow);
        OAuth = oauth;
    }

    /// <summary>Gets the token and authorize endpoints, which hold the credentials they issued.</summary>
    public OAuthServer OAuth { get; }

    /// <summary>Gets every request received, in the order the requests arrived.</summary>
    public IReadOnlyList<SeiRecordedRequest> Recorded => _recorded.OrderBy(entry => entry.Arrival).Select(entry => entry.Request).ToArray();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var arrival = Interlocked.Increment(ref _arrivals);
        TrackingIds.Assign(context);
        var request = context.Request;

        // The body is kept for the record and rewound for whatever answers, which may read it as a form or a stream.
        request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        request.Body.Position = 0;

        // The request is recorded as its answer starts, before the client can see a byte of it: a test
        // that asserts on Requests right after a call, or a client that sends its retry as soon as the
        // first answer arrives, never finds the record missing or out of order.
        var recorded = 0;
        void Record()
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                var headers = request.Headers.ToDictionary(h => h.Key, h => Sei.Client.Http.SeiRedaction.IsCredentialHeader(h.Key) ? "***" : h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                _recorded.Enqueue((arrival, new SeiRecordedRequest(request.Method, request.GetEncodedPathAndQuery(), headers, body, OperationOf(context), context.Response.StatusCode)));
            }
        }

        context.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });
        try
        {
            await AdmitAsync(context, next).ConfigureAwait(false);
        }
        catch (SeiProblemException problem) when (!context.Response.HasStarted)
        {
            await Envelope.WriteAsync(context, problem).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout, a cancelled test): the request is aborted rather than
            // answered, so the client sees what a real server's silence gives it, never a late answer.
            context.Abort();
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            // A server must answer every request: a crash becomes a 500 envelope a test can read.
            await Envelope.WriteAsync(context, StatusCodes.Status500InternalServerError, "test_server.internal.error", "The SEI test server failed to answer: " + exception.Message, transient: true).ConfigureAwait(false);
        }

        // Routing answers an unknown path with 404 and a wrong method with 405, both without a body; SEI always
        // sends the envelope. A document's operation that answered without a body did so on purpose (SeiFault.Empty).
        if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentType is null
            && context.Items[MatchedOperationKey] is null && !context.RequestAborted.IsCancellationRequested)
        {
            var (code, message) = context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => ("gateway.resource.not_found", "No API operation answers " + request.Method + " " + request.Path + "."),
                StatusCodes.Status405MethodNotAllowed => ("gateway.method.not_allowed", request.Path + " does not accept " + request.Method + "."),
                _ => ("gateway.request.failed", "The request failed."),
            };
            await Envelope.WriteAsync(context, context.Response.StatusCode, code, message).ConfigureAwait(false);
        }

        // An aborted request never starts an answer; it is recorded all the same.
        Record();
    }

    /// <summary>Lets the request through to what answers it, unless the gateway answers it itself.</summary>
    private async Task AdmitAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var url = request.GetEncodedUrl();
        if (url.Length > MaxUrlLength)
        {
            var length = url.Length.ToString(CultureInfo.InvariantCulture);
            await Envelope.WriteAsync(
                context,
                StatusCodes.Status414UriTooLong,
                "gateway.request.uri_too_long",
                $"The URL is {length} characters long; SEI accepts at most {MaxUrlLength}. Shorten the filters, split them over several requests, or use the POST search operation where the API offers one.",
                errors: new[] { new SeiFieldError("url", "query", $"{length} characters; at most {MaxUrlLength}") }).ConfigureAwait(false);
            return;
        }

        var path = request.Path.Value ?? string.Empty;
        if (OAuth.IsTokenPath(path) && HttpMethods.IsPost(request.Method))
        {
            await OAuth.IssueAsync(context).ConfigureAwait(false);
            return;
        }

        if (OAuth.IsAuthorizePath(path) && HttpMethods.IsGet(request.Method))
        {
            await OAuth.AuthorizeAsync(context).ConfigureAwait(false);
            return;
        }

        if (_options.RequireAuthentication && !OAuth.IsAuthenticated(request))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Envelope.WriteAsync(context, StatusCodes.Status401Unauthorized, "gateway.authentication.failure", "Gateway Authentication Failed, Please validate Credentials").ConfigureAwait(false);
            return;
        }

        if (_quota.Refuses(out var retryAfter))
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await Envelope.WriteAsync(context, StatusCodes.Status429TooManyRequests, "gateway.quota.exceeded", "The application's quota for this period is used up; retry after the time Retry-After gives.", transient: true).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>The operation a request reached: the document's name for it, else the endpoint's name or route.</summary>
    private static string? OperationOf(HttpContext context)
    {
        if (context.Items[MatchedOperationKey] is string operation)
        {
            return operation;
        }

        var endpoint = context.GetEndpoint();
        return endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? (endpoint as RouteEndpoint)?.RoutePattern.RawText;
    }
}
