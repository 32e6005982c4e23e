using System.Text.RegularExpressions;

namespace Sei.Generators.Reading;

/// <summary>
/// OAuth 2.0 URLs written as templates of the server's variables
/// (<c>https://{environment}.auth.example.com/token</c>) make Microsoft.OpenApi's reader throw, since
/// it parses them as URIs. Before reading, each such URL is kept aside by its JSON pointer and given to
/// the reader with every <c>{name}</c> replaced by a plain word; Building takes the template back.
/// </summary>
internal static class FlowUrlTemplates
{
    private const string StandIn = "sei-server-variable";

    private static readonly Regex Placeholder = new(@"\{[^{}]*\}", RegexOptions.CultureInvariant);

    private static readonly string[] UrlKeys = { "tokenUrl", "authorizationUrl", "refreshUrl", "deviceAuthorizationUrl" };

    /// <summary>Replaces templated flow URLs with readable stand-ins and returns the templates by pointer.</summary>
    public static Dictionary<string, string> Extract(JsonObject root, bool isSwagger2)
    {
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        var schemes = isSwagger2
            ? (root["securityDefinitions"] as JsonObject, "/securityDefinitions")
            : ((root["components"] as JsonObject)?["securitySchemes"] as JsonObject, "/components/securitySchemes");
        if (schemes.Item1 is not { } map)
        {
            return templates;
        }

        foreach (var scheme in map.ToList())
        {
            if (scheme.Value is not JsonObject schemeObject)
            {
                continue;
            }

            var schemePointer = SourceMap.Append(schemes.Item2, scheme.Key);
            if (isSwagger2)
            {
                Replace(schemeObject, schemePointer, templates);
            }
            else if (schemeObject["flows"] is JsonObject flows)
            {
                foreach (var flow in flows.ToList())
                {
                    if (flow.Value is JsonObject flowObject)
                    {
                        Replace(flowObject, schemePointer + "/flows/" + SourceMap.EscapeSegment(flow.Key), templates);
                    }
                }
            }
        }

        return templates;
    }

    private static void Replace(JsonObject owner, string pointer, Dictionary<string, string> templates)
    {
        foreach (var key in UrlKeys)
        {
            if (owner[key] is JsonValue value && value.TryGetValue<string>(out var text) && Placeholder.IsMatch(text))
            {
                templates[pointer + "/" + key] = text;
                owner[key] = Placeholder.Replace(text, StandIn);
            }
        }
    }
}
