namespace Sei.Client;

/// <summary>A GET operation's path template and the type of its response, for reading a followed link as the operation it leads to.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SeiRoute
{
    private readonly string[] _segments;

    /// <summary>Initializes a new instance of the <see cref="SeiRoute"/> class.</summary>
    /// <param name="pathTemplate">The path template, such as <c>/v1/accounts/{accountId}</c>.</param>
    /// <param name="responseType">The type its success response reads into.</param>
    public SeiRoute(string pathTemplate, Type responseType)
    {
        PathTemplate = pathTemplate ?? throw new ArgumentNullException(nameof(pathTemplate));
        ResponseType = responseType ?? throw new ArgumentNullException(nameof(responseType));
        _segments = pathTemplate.Trim('/').Split('/');
    }

    /// <summary>Gets the path template.</summary>
    public string PathTemplate { get; }

    /// <summary>Gets the type the response reads into.</summary>
    public Type ResponseType { get; }

    /// <summary>Finds the route whose template matches the end of a path (so a server path prefix does not matter); literal segments beat parameters.</summary>
    /// <param name="path">The link's path, percent-encoded.</param>
    /// <param name="routes">The routes to try.</param>
    /// <returns>The best match, or <see langword="null"/>.</returns>
    public static SeiRoute? Match(string path, IEnumerable<SeiRoute> routes)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (routes is null)
        {
            throw new ArgumentNullException(nameof(routes));
        }

        var segments = path.Trim('/').Split('/');
        SeiRoute? best = null;
        var bestLiterals = -1;
        foreach (var route in routes)
        {
            var literals = route.Score(segments);
            if (literals > bestLiterals)
            {
                best = route;
                bestLiterals = literals;
            }
        }

        return best;
    }

    private int Score(string[] segments)
    {
        if (segments.Length < _segments.Length)
        {
            return -1;
        }

        var offset = segments.Length - _segments.Length;
        var literals = 0;
        for (var i = 0; i < _segments.Length; i++)
        {
            var template = _segments[i];
            var actual = Uri.UnescapeDataString(segments[offset + i]);
            if (template.StartsWith("{", StringComparison.Ordinal) && template.EndsWith("}", StringComparison.Ordinal))
            {
                if (actual.Length == 0)
                {
                    return -1;
                }

                continue;
            }

            if (!string.Equals(template, actual, StringComparison.Ordinal))
            {
                return -1;
            }

            literals++;
        }

        return literals;
    }
}
