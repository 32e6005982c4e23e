using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Sei.Generators.Tests.Infrastructure;

/// <summary>Checks that a diagnostic on a document lies within the document, in offsets and in lines and columns alike.</summary>
internal static class DiagnosticSpans
{
    /// <summary>
    /// What is wrong with where <paramref name="diagnostic"/> points in <paramref name="text"/>, or null
    /// when it is fine: it must be a location in the file, its text span must lie within the text
    /// (start and end), and its line span must be the one the compiler computes for that text span.
    /// </summary>
    public static string? Problem(Diagnostic diagnostic, string path, string text)
    {
        var location = diagnostic.Location;
        var lineSpan = location.GetLineSpan();
        if (location.Kind != LocationKind.ExternalFile || lineSpan.Path != path)
        {
            return "not located in the document: " + diagnostic;
        }

        var span = location.SourceSpan;
        if (span.Start < 0 || span.End > text.Length)
        {
            return $"its span {span.Start}..{span.End} passes the text's {text.Length} characters: {diagnostic}";
        }

        var expected = SourceText.From(text).Lines.GetLinePositionSpan(span);
        if (expected != lineSpan.Span)
        {
            return $"its lines and columns {lineSpan.Span} are not those of its span {span.Start}..{span.End}, {expected}: {diagnostic}";
        }

        return null;
    }
}
