using System;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Sei.Sandbox.Http;

/// <summary>Writes JSON answers and builds the absolute URLs that go into <c>href</c> attributes.</summary>
internal static class JsonResponses
{
    // Responses are built as JSON nodes with the wire names spelled out, so names such as "@type",
    // "3dsVersion" or "Reference" next to "reference" come out exactly as the documents define them.
    // The relaxed encoder keeps "+" and "/" in base64 cursors readable; the output is never embedded in HTML.
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>Writes a JSON body as the whole response.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="body">The body.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public static Task WriteAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(Options), context.RequestAborted);
    }

    /// <summary>Writes a 201 with the new resource and its URL in the <c>Location</c> header.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="location">The new resource's URL.</param>
    /// <param name="body">The new resource.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public static Task WriteCreatedAsync(HttpContext context, string location, JsonNode body)
    {
        context.Response.Headers.Location = location;
        return WriteAsync(context, StatusCodes.Status201Created, body);
    }

    /// <summary>Returns the server's root URL as the caller reached it, such as <c>http://127.0.0.1:5123</c>.</summary>
    /// <param name="context">The request's context.</param>
    /// <returns>The root URL, without a trailing slash.</returns>
    public static string BaseUrl(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    /// <summary>Formats a <c>format: date-time</c> value as RFC 3339 in UTC, such as <c>2019-06-03T14:02:11Z</c>.</summary>
    /// <param name="value">The moment.</param>
    /// <returns>The text.</returns>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Formats a <c>format: date</c> value, such as <c>2019-06-03</c>.</summary>
    /// <param name="value">The day.</param>
    /// <returns>The text.</returns>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Sets a property only when it has a value. The documents mark few properties nullable, and a
    /// property that is optional but not nullable must be left out rather than sent as <c>null</c>.
    /// </summary>
    /// <param name="json">The object.</param>
    /// <param name="name">The property's wire name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave the property out.</param>
    public static void AddOptional(this JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    /// <summary>Builds a <c>{rel, href}</c> link object.</summary>
    /// <param name="rel">The relationship's name.</param>
    /// <param name="href">The URL that returns the related data.</param>
    /// <returns>The link.</returns>
    public static JsonObject Link(string rel, string href) => new() { ["rel"] = rel, ["href"] = href };
}
