using System.IO;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Sei.Generators.Building;

/// <summary>Decides a document's namespace, API version segment and client class name.</summary>
internal static class NamingResolver
{
    private static readonly Regex VersionSegment = new(@"^[vV](\d+)$", RegexOptions.CultureInvariant);

    /// <summary>The product's name from the title: "SEI Accounts API" → "Accounts".</summary>
    public static string ProductName(OpenApiDocument document, string path)
    {
        var title = document.Info?.Title ?? string.Empty;
        var words = title.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && string.Equals(words[0], "SEI", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
        }

        if (words.Count > 1 && (string.Equals(words[words.Count - 1], "API", StringComparison.OrdinalIgnoreCase) || string.Equals(words[words.Count - 1], "APIs", StringComparison.OrdinalIgnoreCase)))
        {
            words.RemoveAt(words.Count - 1);
        }

        var fileName = Path.GetFileName(path);
        var fallback = Identifiers.ToPascalCase(fileName.Split('.')[0], "Api");
        if (!words.Any(word => word.Any(char.IsLetterOrDigit)))
        {
            // A title of punctuation alone ("---") names nothing: spelling its symbols out would
            // make "MinusMinusMinus" of a placeholder, so the file name names the product instead.
            return fallback;
        }

        var name = Identifiers.ToPascalCase(string.Join(" ", words), fallback);
        return name.TrimStart('_').Length == 0 ? fallback : name;
    }

    /// <summary>The version namespace segment: from the URI (<c>/v1/...</c>) when the paths or servers carry one, else the major of <c>info.version</c>.</summary>
    public static string VersionSegmentName(OpenApiDocument document)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        if (document.Paths is { } paths)
        {
            foreach (var path in paths.Keys)
            {
                total++;
                var first = path.TrimStart('/').Split('/')[0];
                var match = VersionSegment.Match(first);
                if (match.Success)
                {
                    counts[match.Groups[1].Value] = counts.TryGetValue(match.Groups[1].Value, out var c) ? c + 1 : 1;
                }
            }
        }

        if (counts.Count > 0)
        {
            var best = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First();
            if (best.Value * 2 > total)
            {
                return "V" + TrimZeros(best.Key);
            }
        }

        foreach (var server in document.Servers ?? new List<OpenApiServer>())
        {
            var segments = (server.Url ?? string.Empty).TrimEnd('/').Split('/');
            var match = VersionSegment.Match(segments[segments.Length - 1]);
            if (match.Success)
            {
                return "V" + TrimZeros(match.Groups[1].Value);
            }
        }

        var version = document.Info?.Version ?? string.Empty;
        var digits = new string(version.TrimStart('v', 'V').TakeWhile(char.IsDigit).ToArray());
        return digits.Length == 0 ? "V1" : "V" + TrimZeros(digits);
    }

    public static string Namespace(SpecInput input, OpenApiDocument document, string productName)
    {
        var root = !string.IsNullOrWhiteSpace(input.NamespaceOverride)
            ? input.NamespaceOverride!.Trim()
            : (string.IsNullOrWhiteSpace(input.RootNamespace) ? productName : input.RootNamespace + "." + productName);
        var parts = root.Split('.').Select(part => Identifiers.ToPascalCase(part, "Api")).ToList();
        var version = VersionSegmentName(document);
        if (!string.Equals(parts[parts.Count - 1], version, StringComparison.OrdinalIgnoreCase))
        {
            parts.Add(version);
        }

        return string.Join(".", parts);
    }

    public static string ClientName(SpecInput input, string productName)
        => !string.IsNullOrWhiteSpace(input.ClientNameOverride)
            ? Identifiers.ToPascalCase(input.ClientNameOverride!, productName + "Client")
            : productName + "Client";

    /// <summary>
    /// The dependency-injection registration: "Add", the client's name and the version segment
    /// (<c>AddAccountsClientV1</c>). The version keeps two versions of one product apart when a file
    /// imports both namespaces; a client name that already ends in the version is not repeated.
    /// </summary>
    public static string RegistrationName(string clientName, string versionSegment)
        => "Add" + clientName + (clientName.EndsWith(versionSegment, StringComparison.Ordinal) ? string.Empty : versionSegment);

    /// <summary>A hint name that is deterministic and unique per document path: the path relative to the project, made safe.</summary>
    public static string HintName(SpecInput input)
    {
        var path = input.Path.Replace('\\', '/');
        var projectDirectory = input.ProjectDirectory?.Replace('\\', '/');
        if (!string.IsNullOrEmpty(projectDirectory) && path.StartsWith(projectDirectory!, StringComparison.OrdinalIgnoreCase))
        {
            path = path.Substring(projectDirectory!.Length);
        }
        else
        {
            path = Path.GetFileName(path) + "_" + StableHash(path);
        }

        var safe = new string(path.TrimStart('/').Select(c => char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-' ? c : '_').ToArray());
        return safe.Length == 0 ? "Spec" : safe;
    }

    /// <summary>FNV-1a: stable across processes, unlike string.GetHashCode.</summary>
    public static string StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    private static string TrimZeros(string digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }
}
