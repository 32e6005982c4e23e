using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Sei.Generators.Building;

/// <summary>Turns names from a document (any Unicode, keywords, digits first, punctuation) into valid C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>"account-type" → "AccountType", "3dsVersion" → "_3dsVersion", "@type" → "Type".</summary>
    public static string ToPascalCase(string name, string fallback = "Value")
    {
        var words = SplitWords(name);
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(word, 1, word.Length - 1);
        }

        return Finish(builder.ToString(), fallback);
    }

    /// <summary>"Account-Type" → "accountType", "class" → "@class".</summary>
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

        return EscapeKeyword(new string(chars));
    }

    /// <summary>Prefixes '@' to C# keywords so they can be used as identifiers.</summary>
    public static string EscapeKeyword(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

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

    private static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in name ?? string.Empty)
        {
            if (IsIdentifierPart(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
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

        return EscapeKeyword(identifier);
    }
}
