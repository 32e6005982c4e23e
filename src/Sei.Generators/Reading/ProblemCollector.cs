using System;
using System.Collections.Generic;
using System.Linq;
using Sei.Generators.Model;

namespace Sei.Generators.Reading;

/// <summary>
/// Collects the problems found while reading and building one document. Problems found in the
/// OpenAPI object model only know a JSON pointer; their positions are resolved in one pass over
/// the source at the end, and only when there is something to report.
/// </summary>
internal sealed class ProblemCollector
{
    private readonly List<(string Id, string? Pointer, SourceSpan? Span, string[] Arguments)> _problems = new();
    private readonly HashSet<string> _seen = new();

    public ProblemCollector(string filePath)
    {
        FilePath = filePath;
    }

    public string FilePath { get; }

    public int Count => _problems.Count;

    public bool HasErrors { get; private set; }

    /// <summary>Gets or sets how pointers are located; set by the reader as soon as the text has parsed.</summary>
    public SourceMap? Map { get; set; }

    /// <summary>Adds a problem located by a JSON pointer (with or without the leading '#').</summary>
    public void Add(string id, string? pointer, params string[] arguments)
    {
        // The same problem reached twice (a shared component reached from two places) is reported once.
        if (_seen.Add(id + "|" + pointer + "|" + string.Join("|", arguments)))
        {
            _problems.Add((id, NormalizePointer(pointer), null, arguments));
        }
    }

    /// <summary>Adds a problem at a known position (syntax errors, found before any pointer exists).</summary>
    public void AddAt(string id, SourceSpan span, params string[] arguments)
    {
        _problems.Add((id, null, span, arguments));
    }

    public void MarkFatal() => HasErrors = true;

    public EquatableArray<DiagnosticInfo> Resolve()
    {
        var map = Map;
        var pointers = _problems.Where(p => p.Span is null && p.Pointer is not null).Select(p => p.Pointer!).Distinct().ToList();
        var located = map is null || pointers.Count == 0 ? new Dictionary<string, SourceSpan>() : LocateOrNot(map, pointers);
        return _problems
            .Select(p => new DiagnosticInfo(
                p.Id,
                FilePath,
                p.Span ?? (p.Pointer is not null && located.TryGetValue(p.Pointer, out var span) ? span : SourceSpan.Origin),
                p.Arguments.ToEquatableArray()))
            .ToEquatableArray();
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

    private static string? NormalizePointer(string? pointer)
    {
        if (pointer is null)
        {
            return null;
        }

        return pointer.StartsWith("#", System.StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
    }
}
