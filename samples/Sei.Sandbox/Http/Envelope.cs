using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Sei.Sandbox.Http;

/// <summary>One entry of the error envelope's <c>errors</c> array.</summary>
/// <param name="Field">The name of the field that was wrong, as the API document spells it.</param>
/// <param name="Location">Where the field travelled: <c>query</c>, <c>path</c>, <c>header</c>, <c>cookie</c> or <c>body</c>.</param>
/// <param name="Reason">Why the field was rejected, in words a caller can act on.</param>
internal sealed record FieldError(string Field, string Location, string Reason);

/// <summary>
/// An error answer that a handler raises instead of returning. The gateway middleware turns it into
/// the SEI error envelope, so that every handler can stay a straight line from input to output.
/// </summary>
internal sealed class ApiProblemException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ApiProblemException"/> class.</summary>
    /// <param name="statusCode">The HTTP status code to answer with.</param>
    /// <param name="code">The semantic, dotted error code.</param>
    /// <param name="message">The human-readable reason.</param>
    /// <param name="errors">The per-field errors, if any.</param>
    public ApiProblemException(int statusCode, string code, string message, IReadOnlyList<FieldError>? errors = null)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        Errors = errors ?? Array.Empty<FieldError>();
    }

    /// <summary>Gets the HTTP status code to answer with.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the semantic, dotted error code.</summary>
    public string Code { get; }

    /// <summary>Gets the per-field errors.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Creates a 404 for a resource that does not exist.</summary>
    /// <param name="product">The product's code prefix, such as <c>accounts</c>.</param>
    /// <param name="resource">The resource's kind, such as <c>account</c>.</param>
    /// <param name="id">The identifier the caller asked for.</param>
    /// <returns>The problem, for the caller to throw.</returns>
    public static ApiProblemException NotFound(string product, string resource, string id) =>
        new(StatusCodes.Status404NotFound, $"{product}.{resource}.not_found", $"No {resource.Replace('_', ' ')} with the identifier '{id}' exists.");

    /// <summary>Creates a 400 that lists the fields which failed validation.</summary>
    /// <param name="product">The product's code prefix, such as <c>accounts</c>.</param>
    /// <param name="errors">The per-field errors.</param>
    /// <returns>The problem, for the caller to throw.</returns>
    public static ApiProblemException Validation(string product, IReadOnlyList<FieldError> errors) =>
        new(StatusCodes.Status400BadRequest, $"{product}.request.validation", "One or more fields are invalid.", errors);
}

/// <summary>Writes the error envelope that every SEI API returns on an error.</summary>
internal static class Envelope
{
    /// <summary>Writes an error envelope as the whole response.</summary>
    /// <param name="context">The request's context; its response must not have started.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="code">The semantic, dotted error code.</param>
    /// <param name="message">The human-readable reason.</param>
    /// <param name="transient">Whether the same request may be retried without modification.</param>
    /// <param name="errors">The per-field errors, if any.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public static Task WriteAsync(HttpContext context, int statusCode, string code, string message, bool transient = false, IReadOnlyList<FieldError>? errors = null)
    {
        context.Response.StatusCode = statusCode;

        // Errors of a HEAD request have no body (checkPaymentExists documents that), so the status and headers must say it all.
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        var details = new JsonArray();
        foreach (var error in errors ?? Array.Empty<FieldError>())
        {
            details.Add((JsonNode)new JsonObject { ["field"] = error.Field, ["location"] = error.Location, ["reason"] = error.Reason });
        }

        // The published envelope sends "transient" as a string, not a JSON Boolean; the specs' Error schema says the same.
        var body = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["trackingId"] = TrackingIdMiddleware.Get(context),
            ["transient"] = transient ? "true" : "false",
            ["errors"] = details,
        };
        return JsonResponses.WriteAsync(context, statusCode, body);
    }

    /// <summary>Writes the envelope for a problem a handler raised.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="problem">The problem.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public static Task WriteAsync(HttpContext context, ApiProblemException problem) =>
        WriteAsync(context, problem.StatusCode, problem.Code, problem.Message, transient: false, problem.Errors);
}
