using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Sei.Sandbox.Http;

/// <summary>
/// Gives every request a new tracking ID and returns it in the <c>RequestTrackingId</c> response
/// header, as SEI does for every response, successful or not.
/// </summary>
internal static class TrackingIdMiddleware
{
    /// <summary>The response header that carries the tracking ID.</summary>
    public const string HeaderName = "RequestTrackingId";

    // A private object as the key keeps other code from reading or overwriting the value by accident.
    private static readonly object ItemKey = new();

    /// <summary>Assigns the tracking ID and arranges for the header to be sent.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <returns>A task that completes when the rest of the pipeline has run.</returns>
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var trackingId = Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
        context.Items[ItemKey] = trackingId;

        // Set just before the headers go out, so that a handler or error path that clears the response cannot lose it.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = trackingId;
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>Returns the tracking ID of the current request.</summary>
    /// <param name="context">The request's context.</param>
    /// <returns>The tracking ID (a GUID).</returns>
    public static string Get(HttpContext context) =>
        context.Items[ItemKey] as string
        ?? throw new InvalidOperationException("The tracking ID middleware must run before anything that reads the tracking ID.");
}
