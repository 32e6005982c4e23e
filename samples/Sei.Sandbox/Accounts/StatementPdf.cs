using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Sei.Sandbox.Accounts;

/// <summary>
/// Writes a one-page PDF with a few lines of text: enough for a statement download to be a real
/// PDF that a viewer opens, without a PDF library in the sandbox.
/// </summary>
internal static class StatementPdf
{
    /// <summary>Builds the PDF.</summary>
    /// <param name="lines">The lines of text, in Helvetica, top to bottom.</param>
    /// <returns>The PDF file's bytes.</returns>
    public static byte[] Create(IReadOnlyList<string> lines)
    {
        var content = new StringBuilder("BT /F1 12 Tf 16 TL 72 720 Td");
        foreach (var line in lines)
        {
            // Parentheses and backslashes delimit PDF strings, so they are escaped; the text is ASCII by construction.
            var escaped = line.Replace("\\", "\\\\", System.StringComparison.Ordinal)
                .Replace("(", "\\(", System.StringComparison.Ordinal)
                .Replace(")", "\\)", System.StringComparison.Ordinal);
            content.Append(" (").Append(escaped).Append(") Tj T*");
        }

        content.Append(" ET");
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            string.Create(CultureInfo.InvariantCulture, $"<< /Length {content.Length} >>\nstream\n{content}\nendstream"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };

        // The cross-reference table gives each object's byte offset, so the file is built in one pass while counting.
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var index = 0; index < objects.Length; index++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{index + 1} 0 obj\n{objects[index]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
