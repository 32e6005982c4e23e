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
/// <param name="Id">The catalog ID.</param>
/// <param name="FilePath">The document it points into.</param>
/// <param name="Span">Where in the document.</param>
/// <param name="MessageArguments">The arguments of the descriptor's message.</param>
/// <param name="Kind">
/// What sort of finding this is, in words, when an ID covers several sorts (SEI1007 covers every
/// rule of the specification a document can break); null when the ID alone says it. Repeated
/// findings of one kind in one document are summarised (see <c>DiagnosticSummary</c>).
/// </param>
internal sealed record DiagnosticInfo(string Id, string FilePath, SourceSpan Span, EquatableArray<string> MessageArguments, string? Kind = null);
