namespace Sei.Generators.Model;

/// <summary>A place in a document: zero-based line and column and a character span, as plain data.</summary>
internal sealed record SourceSpan(int StartLine, int StartColumn, int EndLine, int EndColumn, int Start, int Length)
{
    public static SourceSpan Origin { get; } = new(0, 0, 0, 0, 0, 0);
}

/// <summary>
/// A diagnostic as plain, equatable data: the catalog ID, the message arguments and where it
/// points. It becomes a Roslyn <c>Diagnostic</c> only at the pipeline's edge.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string FilePath, SourceSpan Span, EquatableArray<string> MessageArguments);
