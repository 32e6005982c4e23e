using System.Globalization;
using Sei.Generators.Building;
using Sei.Generators.Model;

namespace Sei.Testing.Engine;

/// <summary>
/// The server's one rule for text on the wire: which media types are JSON, and which text is a value
/// of a scalar kind as the generated client writes it. Request checks judge parameters with it, and
/// examples their strings, so the two cannot disagree.
/// </summary>
internal static class WireText
{
    /// <summary>The media type of a Content-Type value, without its parameters (<c>charset</c>, <c>boundary</c>).</summary>
    public static string MediaType(string contentType) => contentType.Split(';')[0].Trim();

    /// <summary>Whether a media type is JSON, by the rule the generator reads bodies with, so the server and the clients it tests agree.</summary>
    public static bool IsJson(string contentType) => MediaTypes.IsJsonBody(contentType);

    /// <summary>Whether text is a value of a scalar kind; kinds without a rule here (strings, enumerations) accept any text.</summary>
    public static bool Parses(TypeKind kind, string text) => kind switch
    {
        TypeKind.Int32 => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        TypeKind.Int64 => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        TypeKind.Single or TypeKind.Double or TypeKind.Decimal => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        TypeKind.Boolean => text is "true" or "false",
        TypeKind.Guid => Guid.TryParse(text, out _),
        TypeKind.Date => DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        TypeKind.DateTime => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };
}
