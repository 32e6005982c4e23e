using Microsoft.OpenApi;

namespace Sei.Generators.Building;

/// <summary>
/// Which response of an operation is its success: the lowest explicit 2xx, then a 2XX range, then
/// "default" when nothing else says success. The response type and the link helpers read the same one.
/// </summary>
internal static class SuccessResponse
{
    public static KeyValuePair<string, IOpenApiResponse>? Choose(OpenApiResponses? responses)
    {
        if (responses is null || responses.Count == 0)
        {
            return null;
        }

        return responses
            .Where(pair => pair.Key.Length == 3 && pair.Key[0] == '2')
            .OrderBy(pair => pair.Key.Any(c => c is 'X' or 'x') ? 1 : 0)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (KeyValuePair<string, IOpenApiResponse>?)pair)
            .FirstOrDefault()
            ?? (responses.TryGetValue("default", out var fallback) ? new KeyValuePair<string, IOpenApiResponse>("default", fallback) : null);
    }

    /// <summary>The first redirect the operation declares (301, 302, 303, 307 or 308), which the client follows.</summary>
    public static KeyValuePair<string, IOpenApiResponse>? Redirect(OpenApiResponses? responses)
        => responses?
            .Where(pair => pair.Key is "301" or "302" or "303" or "307" or "308")
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (KeyValuePair<string, IOpenApiResponse>?)pair)
            .FirstOrDefault();
}
