using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Sei.Sandbox.Http;

/// <summary>
/// What SEI's gateway does in front of every API: it refuses URLs over 2048 characters, and it
/// makes sure that every error, including those no handler wrote (an unknown route, a wrong
/// method, a crash), reaches the caller as the error envelope.
/// </summary>
internal static class GatewayMiddleware
{
    /// <summary>The longest URL SEI accepts (scheme, host, path and query, percent-encoded).</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Runs the gateway's checks around the rest of the pipeline.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var url = context.Request.GetEncodedUrl();
        if (url.Length > MaxUrlLength)
        {
            var length = url.Length.ToString(CultureInfo.InvariantCulture);
            await Envelope.WriteAsync(
                context,
                StatusCodes.Status414UriTooLong,
                "gateway.request.uri_too_long",
                $"The URL is {length} characters long; SEI accepts at most {MaxUrlLength}. Shorten the filters, split them over several requests, or use the POST search operation where the API offers one.",
                errors: [new FieldError("url", "query", $"{length} characters; at most {MaxUrlLength}")]).ConfigureAwait(false);
            return;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (ApiProblemException problem) when (!context.Response.HasStarted)
        {
            await Envelope.WriteAsync(context, problem).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // A server must answer every request: a crash becomes a 500 envelope instead of a dropped connection.
            await Envelope.WriteAsync(
                context,
                StatusCodes.Status500InternalServerError,
                "sandbox.internal.error",
                "An unexpected error occurred in the sandbox: " + exception.Message,
                transient: true).ConfigureAwait(false);
            return;
        }

        // Routing answers an unknown path with 404 and a wrong method with 405, both without a body; SEI always sends the envelope.
        if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentType is null)
        {
            var (code, message) = context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => ("gateway.resource.not_found", $"No API operation answers {context.Request.Method} {context.Request.Path}."),
                StatusCodes.Status405MethodNotAllowed => ("gateway.method.not_allowed", $"{context.Request.Path} does not accept {context.Request.Method}."),
                _ => ("gateway.request.failed", "The request failed."),
            };
            await Envelope.WriteAsync(context, context.Response.StatusCode, code, message).ConfigureAwait(false);
        }
    }
}
