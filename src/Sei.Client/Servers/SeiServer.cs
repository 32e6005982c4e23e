using System.Text.RegularExpressions;

namespace Sei.Client;

/// <summary>
/// A server the API document lists: its URL, possibly a template with variables
/// (<c>https://{environment}.api.example.com:{port}</c>), and the SEI environments it serves.
/// </summary>
public sealed class SeiServer
{
    private static readonly Regex Placeholder = new(@"\{([^{}]+)\}", RegexOptions.CultureInvariant);
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private readonly SeiEnvironment[] _environments;
    private Regex? _originPattern;

    /// <summary>Initializes a new instance of the <see cref="SeiServer"/> class.</summary>
    /// <param name="url">The URL or URL template, absolute or relative to wherever the document is served.</param>
    /// <param name="description">The document's description of the server (its first line), for messages.</param>
    /// <param name="environments">The environments the server serves as it stands, without a variable to choose them.</param>
    /// <param name="variables">The template's variables.</param>
    public SeiServer(string url, string? description = null, IEnumerable<SeiEnvironment>? environments = null, params SeiServerVariable[] variables)
    {
        Url = url ?? throw new ArgumentNullException(nameof(url));
        Description = description;
        Variables = variables ?? Array.Empty<SeiServerVariable>();
        var environmentVariable = Variables.FirstOrDefault(v => v.Role == SeiServerVariableRole.Environment);
        _environments = (environments ?? Enumerable.Empty<SeiEnvironment>())
            .Concat(environmentVariable?.EnvironmentValues.Keys ?? Enumerable.Empty<SeiEnvironment>())
            .Distinct()
            .ToArray();
    }

    /// <summary>Gets the URL or URL template.</summary>
    public string Url { get; }

    /// <summary>Gets the document's description of the server, if it has one.</summary>
    public string? Description { get; }

    /// <summary>Gets the template's variables.</summary>
    public IReadOnlyList<SeiServerVariable> Variables { get; }

    /// <summary>Gets the SEI environments this server serves.</summary>
    public IReadOnlyList<SeiEnvironment> Environments => _environments;

    /// <summary>Gets a value indicating whether the URL is absolute; a relative one is relative to where the document is served.</summary>
    public bool IsAbsolute => Url.IndexOf("://", StringComparison.Ordinal) > 0;

    /// <summary>Gets the variable of the given role, if the template has one.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The variable, or <see langword="null"/>.</returns>
    public SeiServerVariable? VariableFor(SeiServerVariableRole role) => Variables.FirstOrDefault(v => v.Role == role);

    /// <inheritdoc/>
    public override string ToString() => Description is null ? Url : Url + " (" + Description + ")";

    /// <summary>Replaces every <c>{name}</c> in a template with its value.</summary>
    /// <param name="template">The template (a server URL, or a token URL written with the server's variables).</param>
    /// <param name="values">The values by variable name.</param>
    /// <returns>The expanded text.</returns>
    /// <exception cref="InvalidOperationException">A placeholder has no value.</exception>
    internal static string Expand(string template, IReadOnlyDictionary<string, string> values)
        => Placeholder.Replace(template, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException(
                $"The URL template '{template}' uses the variable {{{match.Groups[1].Value}}}, which the API document does not define. Set {nameof(SeiClientOptions)}.{nameof(SeiClientOptions.BaseAddress)} to the server to call."));

    /// <summary>Returns whether a template holds placeholders.</summary>
    /// <param name="template">The template.</param>
    /// <returns><see langword="true"/> when it has at least one <c>{name}</c>.</returns>
    internal static bool IsTemplate(string template) => Placeholder.IsMatch(template);

    /// <summary>
    /// Returns whether an absolute address has this server's origin (scheme, host and port) for some
    /// value of its variables; SEI's mutual-TLS port 444 on one of its hosts counts too. The values
    /// the origin's variables take are returned, with the defaults for the others.
    /// </summary>
    /// <param name="address">The address to test.</param>
    /// <param name="values">The variables' values when it matches.</param>
    /// <returns><see langword="true"/> when the address is on one of this server's origins.</returns>
    internal bool TryMatchOrigin(Uri address, out Dictionary<string, string> values)
    {
        values = Variables.ToDictionary(v => v.Name, v => v.Default, StringComparer.Ordinal);
        if (!IsAbsolute || !address.IsAbsoluteUri)
        {
            return false;
        }

        var pattern = _originPattern ??= OriginPattern();
        foreach (var candidate in OriginSpellings(address))
        {
            var match = pattern.Match(candidate);
            if (!match.Success)
            {
                continue;
            }

            for (var i = 0; i < Variables.Count; i++)
            {
                if (match.Groups["v" + i].Success)
                {
                    values[Variables[i].Name] = match.Groups["v" + i].Value;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>The ways the document may spell an origin: with or without its default port, and SEI's mutual-TLS port as the host's own.</summary>
    private static IEnumerable<string> OriginSpellings(Uri address)
    {
        var origin = address.Scheme + "://" + address.Host;
        yield return origin + ":" + address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (address.IsDefaultPort || address.Port == SeiApiDescription.MutualTlsPort)
        {
            yield return origin;
            var standard = string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase) ? 80 : 443;
            yield return origin + ":" + standard.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A pattern for the template's origin: literal text as it is, each variable as its allowed values (or any host or port text).</summary>
    private Regex OriginPattern()
    {
        var schemeEnd = Url.IndexOf("://", StringComparison.Ordinal) + 3;
        var pathStart = Url.IndexOf('/', schemeEnd);
        var origin = pathStart < 0 ? Url : Url.Substring(0, pathStart);
        var pattern = new StringBuilder("^");
        var last = 0;
        foreach (Match placeholder in Placeholder.Matches(origin))
        {
            pattern.Append(Regex.Escape(origin.Substring(last, placeholder.Index - last)));
            var index = Variables.Select((v, i) => (v, i)).FirstOrDefault(p => p.v.Name == placeholder.Groups[1].Value);
            var allowed = index.v is { Values.Count: > 0 } variable
                ? "(?:" + string.Join("|", variable.Values.Select(Regex.Escape)) + ")"
                : "[^/?#:@]+";
            pattern.Append(index.v is null ? allowed : "(?<v" + index.i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ">" + allowed + ")");
            last = placeholder.Index + placeholder.Length;
        }

        pattern.Append(Regex.Escape(origin.Substring(last).TrimEnd('/'))).Append('$');
        return new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
    }
}
