using System.Globalization;
using System.IO;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Sei.Testing.Engine;

/// <summary>
/// The answers of a server made from a document, behind the <see cref="Gateway"/>: the operation the
/// method and path name (404 and 405 as envelopes), the test's faults, the checks against the
/// document, and the answer, the test's handler's or one made up from the schemas.
/// </summary>
internal sealed class Dispatcher
{
    private readonly ServerDocument _document;
    private readonly RequestChecks _checks;
    private readonly Responder _responder;

    public Dispatcher(ServerDocument document, SeiTestServerOptions options)
    {
        _document = document;
        _checks = new RequestChecks(document);
        _responder = new Responder(document, options, Overrides);
    }

    /// <summary>Gets the document served.</summary>
    public ServerDocument Document => _document;

    /// <summary>Gets what the test put in place of the server's own answers.</summary>
    public Overrides Overrides { get; } = new();

    /// <summary>Answers the request behind the gateway, noting in <see cref="HttpContext.Items"/> the operation it matched.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync().ConfigureAwait(false);
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

            return;
        }

        context.Items[Gateway.MatchedOperationKey] = route.Name;
        if (Overrides.TakeFault(route.Name) is { } fault && await FaultAsync(context, fault).ConfigureAwait(false))
        {
            return;
        }

        var errors = _checks.Check(context, route.Operation, values, body);
        if (errors.Count > 0)
        {
            await Envelope.WriteAsync(context, StatusCodes.Status400BadRequest, "request.validation.failed", "The request does not match the document's " + route.Name + ": " + string.Join("; ", errors.Select(e => e.Location + " " + e.Field + " " + e.Reason)) + ".", errors: errors).ConfigureAwait(false);
            return;
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

            return;
        }

        await _responder.RespondAsync(context, route, values).ConfigureAwait(false);
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
