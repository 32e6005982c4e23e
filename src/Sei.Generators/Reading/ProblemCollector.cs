namespace Sei.Generators.Reading;

/// <summary>
/// Collects the problems found while reading and building one document. Problems found in the
/// OpenAPI object model only know a JSON pointer; their positions are resolved in one pass over
/// the source at the end, and only when there is something to report.
/// </summary>
/// <remarks>
/// Two shapes of pointer arrive here. Building (and the reader's validation rules) speak of the
/// OpenAPI 3.x object model, which for a Swagger 2.0 document is not the shape of its text; those
/// go through <see cref="Add(string, string?, string[])"/> and are translated by <see cref="Translator"/>. Reading speaks of
/// the text itself and uses <see cref="AddInSource"/>. One finding is one diagnostic: two reports
/// of the same ID at the same node (the reader and the builder both meeting one broken
/// <c>$ref</c>, a shared component reached from two places) become one.
/// </remarks>
internal sealed class ProblemCollector
{
    private readonly List<Problem> _problems = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public ProblemCollector(string filePath)
    {
        FilePath = filePath;
    }

    public string FilePath { get; }

    public int Count => _problems.Count;

    public bool HasErrors { get; private set; }

    /// <summary>Gets or sets how pointers are located; set by the reader as soon as the text has parsed.</summary>
    public SourceMap? Map { get; set; }

    /// <summary>Gets or sets how pointers into the object model become pointers into a Swagger 2.0 text; null for OpenAPI 3.x, whose model and text have one shape.</summary>
    public Swagger2Pointers? Translator { get; set; }

    /// <summary>Adds a problem located by a pointer into the OpenAPI object model (with or without the leading '#'); the document itself when null.</summary>
    public void Add(string id, string? pointer, params string[] arguments) => Add(id, pointer, isModelPointer: true, kind: null, arguments);

    /// <summary>Adds a problem located by a pointer into the OpenAPI object model, and the kind of finding it is, if finer than its ID (see <see cref="DiagnosticInfo.Kind"/>).</summary>
    public void AddOfKind(string id, string? pointer, string? kind, params string[] arguments) => Add(id, pointer, isModelPointer: true, kind, arguments);

    /// <summary>Adds a problem located by a pointer into the document's text, and the kind of finding it is, if finer than its ID (see <see cref="DiagnosticInfo.Kind"/>).</summary>
    public void AddInSource(string id, string? pointer, string? kind, params string[] arguments) => Add(id, pointer, isModelPointer: false, kind, arguments);

    /// <summary>
    /// Adds a problem located at the first occurrence of <paramref name="text"/> within the node a
    /// model pointer names (a placeholder within a path template), or at the node when it is not there.
    /// </summary>
    public void AddWithin(string id, string pointer, string text, params string[] arguments) => Add(id, pointer, isModelPointer: true, kind: null, arguments, text);

    /// <summary>Adds a problem at a known position (syntax errors, found before any pointer exists).</summary>
    public void AddAt(string id, SourceSpan span, params string[] arguments)
    {
        _problems.Add(new Problem(id, null, false, span, null, arguments, null));
    }

    public void MarkFatal() => HasErrors = true;

    public EquatableArray<DiagnosticInfo> Resolve()
    {
        var pointers = new string[_problems.Count];
        for (var i = 0; i < _problems.Count; i++)
        {
            var problem = _problems[i];
            if (problem.Span is null)
            {
                var pointer = problem.Pointer ?? string.Empty;
                pointers[i] = problem.IsModelPointer && Translator is not null ? Translator.ToSource(pointer) : pointer;
            }
        }

        var map = Map;
        var wanted = pointers.Where(p => p is not null).Distinct(StringComparer.Ordinal).ToList();
        var located = map is null || wanted.Count == 0 ? new Dictionary<string, SourceSpan>() : LocateOrNot(map, wanted);
        var results = new List<DiagnosticInfo>(_problems.Count);
        var identities = new HashSet<(string, SourceSpan, string)>();
        for (var i = 0; i < _problems.Count; i++)
        {
            var problem = _problems[i];
            var span = problem.Span ?? (located.TryGetValue(pointers[i], out var found) ? found : SourceSpan.Origin);
            if (problem.Within is not null && map is not null)
            {
                span = map.Lines.Within(span, problem.Within);
            }

            // A broken reference is one finding however many paths lead to it, and the reader and the
            // builder word its target differently (#/definitions/X, #/components/schemas/X): the node decides.
            var arguments = problem.Id == DiagnosticIds.UnresolvedReference ? string.Empty : string.Join("\u001F", problem.Arguments);
            if (identities.Add((problem.Id, span, arguments)))
            {
                results.Add(new DiagnosticInfo(problem.Id, FilePath, span, problem.Arguments.ToEquatableArray(), problem.Kind));
            }
        }

        return results.ToEquatableArray();
    }

    /// <summary>
    /// Positions are a courtesy: if the source map fails on some text it was not written for, the
    /// problems are still reported, at the start of the document, rather than lost with an exception.
    /// </summary>
    private static Dictionary<string, SourceSpan> LocateOrNot(SourceMap map, List<string> pointers)
    {
        try
        {
            return map.Locate(pointers);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            return new Dictionary<string, SourceSpan>();
        }
    }

    /// <summary>Where each kind of finding points: an unresolved reference at the <c>$ref</c> itself, not at the object holding it.</summary>
    private static string? NormalizePointer(string id, string? pointer)
    {
        if (pointer is null)
        {
            return null;
        }

        var trimmed = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        if (id == DiagnosticIds.UnresolvedReference && !trimmed.EndsWith("/$ref", StringComparison.Ordinal))
        {
            trimmed += "/$ref";
        }

        return trimmed;
    }

    private void Add(string id, string? pointer, bool isModelPointer, string? kind, string[] arguments, string? within = null)
    {
        var normalized = NormalizePointer(id, pointer);

        // The same problem reached twice (a shared component reached from two places) is reported once.
        if (_seen.Add(id + "|" + isModelPointer + "|" + normalized + "|" + within + "|" + string.Join("|", arguments)))
        {
            _problems.Add(new Problem(id, normalized, isModelPointer, null, kind, arguments, within));
        }
    }

    private sealed record Problem(string Id, string? Pointer, bool IsModelPointer, SourceSpan? Span, string? Kind, string[] Arguments, string? Within);
}
