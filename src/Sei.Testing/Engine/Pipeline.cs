using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Sei.Testing.Engine;

/// <summary>
/// Everything the server does with a request, in SEI's order: a tracking ID on the response, the
/// gateway's 2048-character limit, the operation the method and path name (404 and 405 as envelopes),
/// the checks against the document, and the answer. Every request is recorded, secrets masked.
/// </summary>
internal sealed class Pipeline
{
    /// <summary>The longest URL SEI accepts (scheme, host, path and query, percent-encoded).</summary>
    public const int MaxUrlLength = 2048;

    private readonly ServerDocument _document;
    private readonly RequestChecks _checks;
    private readonly Responder _responder;
    private readonly Quota _quota;

    public Pipeline(ServerDocument document, SeiTestServerOptions options)
    {
        _document = document;
        _quota = new Quota(options.QuotaLimit, options.QuotaWindow);
        _checks = new RequestChecks(document);
        _responder = new Responder(document, options, Overrides);
    }

    /// <summary>Gets the document served.</summary>
    public ServerDocument Document => _document;

    /// <summary>Gets what the test put in place of the server's own answers.</summary>
    public Overrides Overrides { get; } = new();

    /// <summary>Gets every request received, in order.</summary>
    public ConcurrentQueue<SeiRecordedRequest> Recorded { get; } = new();

    public async Task InvokeAsync(HttpContext context)
    {
        TrackingIds.Assign(context);
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        string? operation = null;
        try
        {
            operation = await AnswerAsync(context, body).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout, a cancelled test): the request is aborted rather than
            // answered, so the client sees what a real server's silence gives it, never a late answer.
            context.Abort();
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            // A server must answer every request: a fault of the test server becomes a 500 envelope a test can read.
            await Envelope.WriteAsync(context, StatusCodes.Status500InternalServerError, "test_server.internal.error", "The SEI test server failed to answer: " + exception.Message, transient: true).ConfigureAwait(false);
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => Sei.Client.Http.SeiRedaction.IsCredentialHeader(h.Key) ? "***" : h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Recorded.Enqueue(new SeiRecordedRequest(request.Method, request.GetEncodedPathAndQuery(), headers, body, operation, context.Response.StatusCode));
    }

    /// <summary>Answers the request; returns the name of the operation it matched.</summary>
    private async Task<string?> AnswerAsync(HttpContext context, string body)
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
                errors: new[] { new FieldError("url", "query", $"{length} characters; at most {MaxUrlLength}") }).ConfigureAwait(false);
            return null;
        }

        if (_quota.Refuses(out var retryAfter))
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await Envelope.WriteAsync(context, StatusCodes.Status429TooManyRequests, "gateway.quota.exceeded", "The application's quota for this period is used up; retry after the time Retry-After gives.", transient: true).ConfigureAwait(false);
            return null;
        }

        var path = request.PathBase.Add(request.Path).ToUriComponent();
        if (_document.Match(request.Method, path, out var allowed) is not var (route, values))
        {
            if (allowed.Count > 0)
            {
                context.Response.Headers.Allow = string.Join(", ", allowed.Distinct(StringComparer.Ordinal));
                await Envelope.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "gateway.method.not_allowed", request.Method + " is not an operation of " + path + "; the document allows " + string.Join(", ", allowed) + ".").ConfigureAwait(false);
            }
            else
            {
                await Envelope.WriteAsync(context, StatusCodes.Status404NotFound, "gateway.resource.not_found", "No operation of the document matches " + request.Method + " " + path + ".").ConfigureAwait(false);
            }

            return null;
        }

        if (Overrides.TakeFault(route.Name) is { } fault && await FaultAsync(context, fault).ConfigureAwait(false))
        {
            return route.Name;
        }

        var errors = _checks.Check(context, route.Operation, values, body);
        if (errors.Count > 0)
        {
            await Envelope.WriteAsync(context, StatusCodes.Status400BadRequest, "request.validation.failed", "The request does not match the document's " + route.Name + ": " + string.Join("; ", errors.Select(e => e.Location + " " + e.Field + " " + e.Reason)) + ".", errors: errors).ConfigureAwait(false);
            return route.Name;
        }

        if (Overrides.HandlerFor(route.Name) is { } handler)
        {
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.Ordinal);
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var answer = handler(new SeiTestRequest(route.Name, request.Method, request.GetEncodedPathAndQuery(), values, query, headers, body));
            context.Response.StatusCode = answer.Status;
            if (answer.Json is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(answer.Json).ConfigureAwait(false);
            }

            return route.Name;
        }

        await _responder.RespondAsync(context, route, values).ConfigureAwait(false);
        return route.Name;
    }

    /// <summary>Answers with a fault; returns <see langword="false"/> for the faults that let the normal answer follow.</summary>
    private static async Task<bool> FaultAsync(HttpContext context, SeiFault fault)
    {
        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        switch (fault.Kind)
        {
            case SeiFaultKind.Envelope:
                await Envelope.WriteAsync(context, fault.Status, fault.Code, fault.Message, fault.Transient, transientAsBoolean: fault.TransientAsBoolean).ConfigureAwait(false);
                return true;
            case SeiFaultKind.Empty:
                context.Response.StatusCode = fault.Status;
                return true;
            case SeiFaultKind.Html:
                context.Response.StatusCode = fault.Status;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><head><title>" + fault.Status.ToString(CultureInfo.InvariantCulture) + "</title></head><body><h1>Bad gateway</h1><p>The proxy could not reach the service.</p></body></html>").ConfigureAwait(false);
                return true;
            case SeiFaultKind.Delay:
                await Task.Delay(fault.Duration, context.RequestAborted).ConfigureAwait(false);
                return false;
            case SeiFaultKind.DroppedTrackingId:
                context.Response.Headers.Remove(TrackingIds.Header);
                return false;
            default:
                context.Items[Responder.RepeatCursorKey] = true;
                return false;
        }
    }
}
