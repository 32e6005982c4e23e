using Microsoft.CodeAnalysis.CSharp;

namespace Sei.Generators.Building;

/// <summary>How text from a document becomes the words of a C# name.</summary>
internal enum Spelling
{
    /// <summary>
    /// Names of members, parameters, schemas and operations: symbols that only separate words are
    /// dropped (<c>account-type</c> → <c>AccountType</c>), a leading <c>@</c> or <c>$</c> sigil too
    /// (<c>@type</c> → <c>Type</c>), and symbols that mean something are spelled (<c>+1</c> → <c>Plus1</c>).
    /// </summary>
    Name,

    /// <summary>
    /// Enumeration values: as <see cref="Name"/>, but <c>@</c> and <c>$</c> are spelled too; a value in
    /// one case is read as words (<c>PROOF_OF_ADDRESS</c> → <c>ProofOfAddress</c>); a leading <c>+</c>
    /// or <c>-</c> before a word is a sort direction (<c>-createdAt</c> → <c>CreatedAtDescending</c>).
    /// </summary>
    Value,

    /// <summary>Every symbol spelled, separators too: tells apart texts that differ only in punctuation (<c>a-b</c>, <c>a_b</c>).</summary>
    Symbols,

    /// <summary>As <see cref="Symbols"/>, with the letters in the case the document wrote them: tells apart texts that differ only in case.</summary>
    Exact,
}

/// <summary>Turns names from a document (any Unicode, keywords, digits first, punctuation) into valid C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>"account-type" → "AccountType", "3dsVersion" → "_3dsVersion", "@type" → "Type", "+1" → "Plus1".</summary>
    public static string ToPascalCase(string name, string fallback = "Value") => Spell(name, Spelling.Name, fallback);

    /// <summary>
    /// "Account-Type" → "accountType", "class" → "class": a parameter's name as the model holds it.
    /// A C# keyword is a valid name in the model; Emitting writes it as <c>@class</c> where C# needs it.
    /// </summary>
    public static string ToCamelCase(string name, string fallback = "value")
    {
        var pascal = ToPascalCase(name, fallback);
        if (pascal.StartsWith("_", System.StringComparison.Ordinal))
        {
            return pascal;
        }

        // Lower the leading run of capitals, keeping the last one of a run that starts a word ("URLPath" → "urlPath").
        var chars = pascal.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var next = i + 1 < chars.Length ? chars[i + 1] : '\0';
            if (i > 0 && char.IsUpper(chars[i]) && char.IsLower(next))
            {
                break;
            }

            if (!char.IsUpper(chars[i]))
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>
    /// The C# name for <paramref name="text"/>, spelled as <paramref name="spelling"/> says:
    /// "A+" → "APlus", "A-" → "AMinus", "&gt;=" → "GreaterThanOrEqual", "1.5" → "_1_5", "" → the fallback.
    /// </summary>
    public static string Spell(string? text, Spelling spelling, string fallback)
    {
        text ??= string.Empty;
        var suffix = string.Empty;
        if (spelling == Spelling.Value && text.Length > 1 && text[0] is '-' or '+' && char.IsLetter(text[1]))
        {
            // Sort keys: "-createdAt" sorts by createdAt, descending.
            suffix = text[0] == '-' ? "Descending" : "Ascending";
            text = text.Substring(1);
        }

        if (spelling is Spelling.Value or Spelling.Symbols && (text.ToLowerInvariant() == text || text.ToUpperInvariant() == text))
        {
            // A value written in one case has no word boundaries of its own but its separators: read it as lower-case words.
            text = text.ToLowerInvariant();
        }

        var builder = new StringBuilder();
        foreach (var word in Words(text, spelling))
        {
            builder.Append(spelling == Spelling.Exact ? word[0] : char.ToUpperInvariant(word[0]));
            builder.Append(word, 1, word.Length - 1);
        }

        return Finish(builder.Length == 0 ? string.Empty : builder.Append(suffix).ToString(), fallback);
    }

    /// <summary>
    /// Whether a name is a reserved C# keyword. The model keeps such names bare, as facts; Emitting
    /// writes them with '@' where C# needs it (<c>EmitContext.Identifier</c>), and a scope that must not
    /// hand one out asks here (see <see cref="NameScope"/>).
    /// </summary>
    public static bool IsKeyword(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None;

    /// <summary>Returns a name not yet in <paramref name="taken"/> (compared ordinally), by adding 2, 3, ... and records it.</summary>
    public static string MakeUnique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var suffix = 2; !taken.Add(candidate); suffix++)
        {
            candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static List<string> Words(string text, Spelling spelling)
    {
        // A text with no letter or digit ("+", "<=", " ") is all symbols: each one is a word.
        var spellAll = spelling is Spelling.Symbols or Spelling.Exact || !text.Any(IsIdentifierPart);
        var spellSigils = spelling != Spelling.Name;
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (IsIdentifierPart(c))
            {
                current.Append(c);
                i++;
            }
            else if (spellAll || SymbolWords.IsMeaningful(text, i, spellSigils))
            {
                Flush(words, current);
                var (word, length) = SymbolWords.Spell(text, i, literal: spelling is Spelling.Symbols or Spelling.Exact);
                words.Add(word);
                i += length;
            }
            else if (current.Length > 0 && char.IsDigit(current[current.Length - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                // Digits either side of a separator stay apart, so "1.0" and "10" differ: "1_0".
                current.Append('_');
                i++;
            }
            else
            {
                Flush(words, current);
                i++;
            }
        }

        Flush(words, current);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }

    private static bool IsIdentifierPart(char c)
    {
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber
            or UnicodeCategory.DecimalDigitNumber;
    }

    private static string Finish(string identifier, string fallback)
    {
        if (identifier.Length == 0)
        {
            return fallback;
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(identifier[0]))
        {
            identifier = "_" + identifier;
        }

        return identifier;
    }
}
