using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Sei.Testing.Engine;

/// <summary>One entry of the envelope's <c>errors</c>: the field, where it travelled, and why it was refused.</summary>
/// <param name="Field">The field's name (<c>accountId</c>, <c>owner.name</c>, <c>Content-Type</c>).</param>
/// <param name="Location">Where it travelled: <c>path</c>, <c>query</c>, <c>header</c>, <c>cookie</c> or <c>body</c>.</param>
/// <param name="Reason">Why it was refused.</param>
internal sealed record FieldError(string Field, string Location, string Reason);

/// <summary>SEI's error envelope (conventions, section 2), with the response's own tracking ID repeated in it.</summary>
internal static class Envelope
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message, bool transient = false, IReadOnlyList<FieldError>? errors = null, bool transientAsBoolean = false)
    {
        // SEI's published example writes transient as a string; some services write a Boolean. Clients must read both.
        var body = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["trackingId"] = TrackingIds.Of(context),
            ["transient"] = transientAsBoolean ? JsonValue.Create(transient) : JsonValue.Create(transient ? "true" : "false"),
        };
        if (errors is { Count: > 0 })
        {
            var list = new JsonArray();
            foreach (var error in errors)
            {
                list.Add(new JsonObject { ["field"] = error.Field, ["location"] = error.Location, ["reason"] = error.Reason });
            }

            body["errors"] = list;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }
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
        var id = System.Guid.NewGuid().ToString();
        context.Items[Header] = id;
        context.Response.Headers[Header] = id;
    }
}
