using System.Net.Http;
using Microsoft.OpenApi;
using Sei.Generators.Reading;

namespace Sei.Generators.Building;

/// <summary>
/// The operations of a document that a project generates, chosen by the <c>SeiInclude</c> and
/// <c>SeiExclude</c> metadata of its <c>AdditionalFiles</c> item. Each holds entries separated by
/// <c>;</c> or line breaks, each entry an <see cref="OperationPattern"/>. Without <c>SeiInclude</c>
/// every operation is included; an operation that an exclude pattern matches is left out even when
/// an include pattern matches it too. <c>schema:</c> patterns name component schemas instead: to
/// generate besides what the operations reach, or not to generate for error responses alone. Building consults the selection before it maps anything, so
/// what is left out costs nothing and is reported on by nothing.
/// </summary>
internal sealed class OperationSelection
{
    /// <summary>The metadata that chooses operations to generate.</summary>
    public const string IncludeMetadata = "SeiInclude";

    /// <summary>The metadata that chooses operations to leave out.</summary>
    public const string ExcludeMetadata = "SeiExclude";

    /// <summary>How a value starts that MSBuild could not escape for the compiler (see build/Sei.Generators.props).</summary>
    private const string UnexpandedEscape = "$([System.Uri]::EscapeDataString(";

    private static readonly char[] Separators = { ';', '\r', '\n' };

    /// <summary>The included operations as (path template, upper-case method); null when every operation is.</summary>
    private readonly HashSet<(string Path, string Method)>? _included;

    /// <summary>The <c>schema:</c> patterns of <c>SeiInclude</c> and of <c>SeiExclude</c>.</summary>
    private readonly List<OperationPattern> _schemaIncludes;
    private readonly List<OperationPattern> _schemaExcludes;

    private OperationSelection(HashSet<(string Path, string Method)>? included, List<OperationPattern> schemaIncludes, List<OperationPattern> schemaExcludes)
    {
        _included = included;
        _schemaIncludes = schemaIncludes;
        _schemaExcludes = schemaExcludes;
    }

    /// <summary>Gets the selection of every operation: the document whole, built exactly as without any metadata.</summary>
    public static OperationSelection Everything { get; } = new(null, new List<OperationPattern>(), new List<OperationPattern>());

    /// <summary>Gets a value indicating whether every operation is included.</summary>
    public bool IsEverything => _included is null;

    /// <summary>Whether the operation at <paramref name="path"/> and <paramref name="method"/> is generated.</summary>
    public bool Contains(string path, HttpMethod method) => _included is null || _included.Contains((path, method.Method.ToUpperInvariant()));

    /// <summary>Whether a <c>schema:</c> pattern of <c>SeiInclude</c> names the component schema <paramref name="id"/>, and none of <c>SeiExclude</c> does.</summary>
    /// <param name="id">The schema's name in the document.</param>
    /// <returns>Whether it is generated though no operation may reach it.</returns>
    public bool IncludesSchema(string id) => _schemaIncludes.Any(p => p.MatchesSchema(id)) && !ExcludesSchema(id);

    /// <summary>Whether a <c>schema:</c> pattern of <c>SeiExclude</c> names the component schema <paramref name="id"/>.</summary>
    /// <param name="id">The schema's name in the document.</param>
    /// <returns>Whether it is generated only when an operation's signature reaches it.</returns>
    public bool ExcludesSchema(string id) => _schemaExcludes.Any(p => p.MatchesSchema(id));

    /// <summary>The operations of <paramref name="document"/> this selection holds, in document order.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The operations.</returns>
    public IEnumerable<OpenApiOperation> OperationsOf(OpenApiDocument document)
    {
        foreach (var pathPair in document.Paths ?? new OpenApiPaths())
        {
            foreach (var operationPair in pathPair.Value?.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
            {
                if (operationPair.Value is not null && Contains(pathPair.Key, operationPair.Key))
                {
                    yield return operationPair.Value;
                }
            }
        }
    }

    /// <summary>
    /// Chooses the operations of <paramref name="document"/> that the patterns select. An entry that is
    /// not a pattern is SEI2010 and selects nothing (so an include of nothing but such entries includes
    /// nothing, rather than everything); a pattern that matches no operation (or, for <c>schema:</c>, no component schema) of the document is SEI2011.
    /// Both are reported at the node that stands for the whole document, since the project file, where
    /// the metadata is written, is out of the generator's sight; their messages name the metadata.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="include">The <c>SeiInclude</c> metadata, if any.</param>
    /// <param name="exclude">The <c>SeiExclude</c> metadata, if any.</param>
    /// <param name="fileName">The document's file name, for messages.</param>
    /// <param name="problems">Where problems go.</param>
    /// <returns>The selection.</returns>
    public static OperationSelection Select(OpenApiDocument document, string? include, string? exclude, string fileName, ProblemCollector problems)
    {
        var includeEntries = Entries(include);
        var includes = Parse(includeEntries, IncludeMetadata, fileName, problems);
        var excludes = Parse(Entries(exclude), ExcludeMetadata, fileName, problems);
        if (includeEntries.Count == 0 && excludes.Count == 0)
        {
            return Everything;
        }

        var includeMatched = new bool[includes.Count];
        var excludeMatched = new bool[excludes.Count];
        var included = new HashSet<(string Path, string Method)>();
        foreach (var pathPair in document.Paths ?? new OpenApiPaths())
        {
            foreach (var operationPair in pathPair.Value?.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
            {
                var method = operationPair.Key.Method.ToUpperInvariant();
                var operationId = operationPair.Value?.OperationId;
                var tags = TagsOf(operationPair.Value);

                // Every pattern is tried on every operation, so that each one that selects nothing can be named.
                // An include of schemas alone includes no operation: it generates models only.
                var isIncluded = Match(includes, includeMatched, pathPair.Key, method, operationId, tags) || includeEntries.Count == 0;
                var isExcluded = Match(excludes, excludeMatched, pathPair.Key, method, operationId, tags);
                if (isIncluded && !isExcluded)
                {
                    included.Add((pathPair.Key, method));
                }
            }
        }

        var schemaIds = document.Components?.Schemas?.Keys ?? (ICollection<string>)Array.Empty<string>();
        MatchSchemas(includes, includeMatched, schemaIds);
        MatchSchemas(excludes, excludeMatched, schemaIds);
        ReportUnmatched(includes, includeMatched, IncludeMetadata, fileName, problems);
        ReportUnmatched(excludes, excludeMatched, ExcludeMetadata, fileName, problems);
        return new OperationSelection(included, includes.Where(p => p.IsSchema).ToList(), excludes.Where(p => p.IsSchema).ToList());
    }

    private static void MatchSchemas(List<OperationPattern> patterns, bool[] matched, ICollection<string> schemaIds)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            matched[i] |= patterns[i].IsSchema && schemaIds.Any(patterns[i].MatchesSchema);
        }
    }

    /// <summary>The entries of a metadata value: separated by ';' or line breaks, trimmed, the empty ones dropped.</summary>
    private static List<string> Entries(string? value)
        => value is null ? new List<string>() : value.Split(Separators).Select(entry => entry.Trim()).Where(entry => entry.Length > 0).ToList();

    private static List<OperationPattern> Parse(List<string> entries, string metadata, string fileName, ProblemCollector problems)
    {
        var patterns = new List<OperationPattern>();
        if (entries.Count > 0 && entries[0].StartsWith(UnexpandedEscape, StringComparison.Ordinal))
        {
            // build/Sei.Generators.props quotes the value with backticks; one inside it leaves MSBuild's expression unexpanded.
            problems.Add(DiagnosticIds.MalformedOperationPattern, null, metadata, string.Join("; ", entries), fileName, "it holds a backtick (`), which MSBuild cannot pass on to the generator, so none of its entries is read");
            return patterns;
        }

        foreach (var entry in entries)
        {
            if (OperationPattern.TryParse(entry, out var pattern, out var reason))
            {
                patterns.Add(pattern!);
            }
            else
            {
                problems.Add(DiagnosticIds.MalformedOperationPattern, null, metadata, entry, fileName, reason!);
            }
        }

        return patterns;
    }

    private static bool Match(List<OperationPattern> patterns, bool[] matched, string path, string method, string? operationId, List<string> tags)
    {
        var any = false;
        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns[i].Matches(path, method, operationId, tags))
            {
                matched[i] = true;
                any = true;
            }
        }

        return any;
    }

    private static void ReportUnmatched(List<OperationPattern> patterns, bool[] matched, string metadata, string fileName, ProblemCollector problems)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (!matched[i])
            {
                problems.Add(DiagnosticIds.UnmatchedOperationPattern, null, metadata, patterns[i].Text, fileName, patterns[i].IsSchema ? "component schema" : "operation");
            }
        }
    }

    /// <summary>An operation's tag names; a tag the document does not declare at the top level still has the name it is written with.</summary>
    private static List<string> TagsOf(OpenApiOperation? operation)
    {
        var names = new List<string>();
        foreach (var tag in operation?.Tags ?? Enumerable.Empty<OpenApiTagReference>())
        {
            if ((tag?.Name ?? tag?.Reference?.Id) is { Length: > 0 } name)
            {
                names.Add(name);
            }
        }

        return names;
    }
}
