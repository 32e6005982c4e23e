using Microsoft.AspNetCore.Http;

namespace Sei.Sandbox.Http;

/// <summary>Reads path parameters for handlers that take the raw <see cref="HttpContext"/>.</summary>
internal static class RouteValues
{
    /// <summary>Returns a path parameter's value.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="name">The parameter's name in the route template.</param>
    /// <returns>The value, or an empty string when the route has no such parameter.</returns>
    public static string Get(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? string.Empty;
}
