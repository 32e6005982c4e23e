using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Sei.Testing.Engine;

/// <summary>SEI's error envelope (conventions, section 2), with the response's own tracking ID repeated in it.</summary>
internal static class Envelope
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message, bool transient = false, IReadOnlyList<SeiFieldError>? errors = null, bool transientAsBoolean = false)
    {
        context.Response.StatusCode = status;

        // An error of a HEAD request has no body (HTTP forbids one), so its status and headers say it all.
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        var list = new JsonArray();
        foreach (var error in errors ?? Array.Empty<SeiFieldError>())
        {
            list.Add((JsonNode)new JsonObject { ["field"] = error.Field, ["location"] = error.Location, ["reason"] = error.Reason });
        }

        // SEI's published example writes transient as a string; some services write a Boolean. Clients must read both.
        var body = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["trackingId"] = TrackingIds.Of(context),
            ["transient"] = transientAsBoolean ? JsonValue.Create(transient) : JsonValue.Create(transient ? "true" : "false"),
            ["errors"] = list,
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>Writes the envelope of a problem an endpoint raised.</summary>
    public static Task WriteAsync(HttpContext context, SeiProblemException problem)
        => WriteAsync(context, problem.Status, problem.Code, problem.Message, problem.Transient, problem.Errors);
}

/// <summary>The RequestTrackingId every response carries (conventions, section 1).</summary>
internal static class TrackingIds
{
    /// <summary>The header SEI sends it in.</summary>
    public const string Header = "RequestTrackingId";

    /// <summary>The tracking ID given to this request.</summary>
    public static string Of(HttpContext context) => (string)context.Items[Header]!;

    /// <summary>Gives the request its tracking ID, and puts it on the response before anything is written.</summary>
    public static void Assign(HttpContext context)
    {
        var id = Guid.NewGuid().ToString();
        context.Items[Header] = id;
        context.Response.Headers[Header] = id;
    }
}
