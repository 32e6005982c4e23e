namespace Sei.Generators.Building;

/// <summary>
/// The words that stand for symbols in names: <c>A+</c> is <c>APlus</c>, <c>&gt;=</c> is
/// <c>GreaterThanOrEqual</c>. Names that keep what a symbol means tell values apart that would
/// otherwise share a name (<c>A+</c>, <c>A</c>, <c>A-</c>), and depend on the value alone, so a
/// value the document adds never renames another.
/// </summary>
internal static class SymbolWords
{
    /// <summary>Symbols of two characters, read before their first character alone.</summary>
    private static readonly Dictionary<string, string> Pairs = new()
    {
        ["<="] = "LessThanOrEqual",
        [">="] = "GreaterThanOrEqual",
        ["!="] = "NotEqual",
        ["<>"] = "NotEqual",
        ["=="] = "Equal",
    };

    private static readonly Dictionary<char, string> Singles = new()
    {
        ['+'] = "Plus",
        ['-'] = "Minus",
        ['<'] = "LessThan",
        ['>'] = "GreaterThan",
        ['='] = "Equal",
        ['!'] = "Not",
        ['*'] = "Asterisk",
        ['/'] = "Slash",
        ['\\'] = "Backslash",
        ['%'] = "Percent",
        ['&'] = "And",
        ['@'] = "At",
        ['#'] = "Hash",
        ['.'] = "Dot",
        ['_'] = "Underscore",
        ['$'] = "Dollar",
        ['~'] = "Tilde",
        ['^'] = "Caret",
        ['|'] = "Pipe",
        ['?'] = "Question",
        [':'] = "Colon",
        [','] = "Comma",
        [';'] = "Semicolon",
        ['\''] = "Apostrophe",
        ['"'] = "Quote",
        ['`'] = "Backtick",
        ['('] = "OpenParenthesis",
        [')'] = "CloseParenthesis",
        ['['] = "OpenBracket",
        [']'] = "CloseBracket",
        ['{'] = "OpenBrace",
        ['}'] = "CloseBrace",
        [' '] = "Space",
        ['\t'] = "Tab",
        ['\n'] = "NewLine",
        ['\r'] = "CarriageReturn",
    };

    /// <summary>Symbols that carry meaning wherever they stand, so names spell them rather than drop them.</summary>
    private const string AlwaysMeaningful = "+<>=!*%&#";

    /// <summary>The word for the symbol at <paramref name="index"/>, and how many characters it spans.</summary>
    /// <param name="text">The text.</param>
    /// <param name="index">Where the symbol starts.</param>
    /// <param name="literal">Whether each character is spelled alone (<c>==</c> → <c>EqualEqual</c>), to tell apart what operators would read alike.</param>
    public static (string Word, int Length) Spell(string text, int index, bool literal)
    {
        if (!literal && index + 1 < text.Length && Pairs.TryGetValue(text.Substring(index, 2), out var pair))
        {
            return (pair, 2);
        }

        var c = text[index];
        if (!literal && c == '#' && index > 0 && char.IsLetter(text[index - 1]) && (index == text.Length - 1 || !char.IsLetterOrDigit(text[index + 1])))
        {
            // C#, F#: a sharp that ends a word is read as such; elsewhere (#general) it is a hash.
            return ("Sharp", 1);
        }

        if (Singles.TryGetValue(c, out var word))
        {
            return (word, 1);
        }

        // A symbol without a common name keeps its code point, which still tells it apart.
        var codePoint = char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(c, text[index + 1])
            : c;
        return ("U" + codePoint.ToString("X4", CultureInfo.InvariantCulture), codePoint > 0xFFFF ? 2 : 1);
    }

    /// <summary>
    /// Whether the symbol at <paramref name="index"/> means something in a name that also has words:
    /// operators, <c>+</c>, a <c>-</c> that ends the text or signs a leading number, and a leading
    /// <c>.</c> (<c>.NET</c>). Other symbols between words (<c>-</c>, <c>_</c>, <c>/</c>, <c>.</c>,
    /// spaces) only separate them, as in <c>account-type</c>.
    /// </summary>
    public static bool IsMeaningful(string text, int index, bool spellSigils)
    {
        var c = text[index];
        var next = index + 1 < text.Length ? text[index + 1] : '\0';
        switch (c)
        {
            case '-':
                // A sign before a number ("-1", "x -1"), or a trailing minus ("A-"); between words it is a hyphen.
                return index == text.Length - 1 || ((index == 0 || !char.IsLetterOrDigit(text[index - 1])) && (char.IsDigit(next) || next == '.'));
            case '.':
                return index == 0 && char.IsLetterOrDigit(next);
            case '@':
                // A leading @ is a sigil in member names (JSON-LD's @type), but a word in values (@me).
                return spellSigils || index > 0;
            case '$':
                return spellSigils;
            default:
                return AlwaysMeaningful.IndexOf(c) >= 0;
        }
    }
}
