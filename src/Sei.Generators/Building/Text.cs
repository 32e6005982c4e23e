namespace Sei.Generators.Building;

/// <summary>Normalizes description text from documents for use in XML documentation.</summary>
internal static class Text
{
    /// <summary>Trims, folds line breaks into spaces and drops empty text; the emitter escapes XML.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(text!.Length);
        var lastWasSpace = false;
        foreach (var c in text.Trim())
        {
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace)
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }

            lastWasSpace = isSpace;
        }

        // Very long descriptions (whole markdown pages) are cut so generated files stay readable.
        const int MaxLength = 1000;
        return builder.Length <= MaxLength ? builder.ToString() : builder.ToString(0, MaxLength) + "...";
    }
}
