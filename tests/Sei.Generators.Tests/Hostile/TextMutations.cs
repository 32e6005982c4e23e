using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace Sei.Generators.Tests.Hostile;

/// <summary>
/// The mutations that work on characters and bytes rather than on the parsed tree: half surrogate
/// pairs in keys and values, texts cut off inside strings, escapes and numbers, byte-order marks and
/// NULs where none belong, and bytes that are not UTF-8, decoded as the compiler decodes them.
/// Strings are found with a small scanner for JSON and line patterns for YAML; a YAML scalar that
/// must hold an escape is rewritten double-quoted first.
/// </summary>
internal static class TextMutations
{
    private static readonly Regex YamlMember = new(@"^(?<indent>[ ]*(?:-[ ]+)?)(?<key>[A-Za-z0-9_$/.{}\-]+):(?:[ ]+(?<value>[A-Za-z0-9_ ./:\-]+?))?[ ]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly byte[][] InvalidSequences =
    {
        new byte[] { 0xFF },
        new byte[] { 0x80 },
        new byte[] { 0xC3, 0x28 },
        new byte[] { 0xC0, 0xAF },
        new byte[] { 0xE2, 0x82 },
        new byte[] { 0xED, 0xA0, 0x80 },
        new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 },
    };

    private static readonly string[] PartialEscapes = { "\\", "\\u", "\\u0", "\\u00", "\\u00e", "\\ud83d", "\\ud83d\\u" };

    private static readonly string[] PartialNumbers = { "-", "1.", "1e", "1e+", "-0.", "12E-" };

    public static (string Text, string Detail) Apply(Mutation mutation, string text, bool isJson, Random random) => mutation switch
    {
        Mutation.LoneSurrogateKey => InsertInString(text, isJson, random, key: true, LoneSurrogate(random, isJson)),
        Mutation.LoneSurrogateValue => InsertInString(text, isJson, random, key: false, LoneSurrogate(random, isJson)),
        Mutation.TruncateInString => CutInString(text, isJson, random, string.Empty),
        Mutation.TruncateInEscape => CutInString(text, isJson, random, PartialEscapes[random.Next(PartialEscapes.Length)]),
        Mutation.TruncateInNumber => CutInNumber(text, isJson, random),
        Mutation.ByteOrderMark => ByteOrderMark(text, random),
        Mutation.Nul => Nul(text, isJson, random),
        Mutation.InvalidUtf8 => InvalidUtf8(text, random),
        _ => throw new ArgumentOutOfRangeException(nameof(mutation), mutation, "Not a mutation of characters or bytes."),
    };

    /// <summary>Half a surrogate pair: a raw character, or an escape of a high or low half (alone, or followed by something else).</summary>
    private static (string Insert, string Description) LoneSurrogate(Random random, bool isJson)
    {
        var high = (char)(0xD800 + random.Next(0x400));
        var low = (char)(0xDC00 + random.Next(0x400));
        return random.Next(5) switch
        {
            0 => (high.ToString(), "a raw high surrogate"),
            1 => (low.ToString(), "a raw low surrogate"),
            2 => (Escape(high), "an escaped high surrogate"),
            3 => (Escape(low), "an escaped low surrogate"),
            _ => (Escape(high) + (isJson ? "\\u0041" : "A"), "an escaped high surrogate followed by another character"),
        };
    }

    private static string Escape(char c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);

    private static (string, string) InsertInString(string text, bool isJson, Random random, bool key, (string Insert, string Description) what)
    {
        if (isJson)
        {
            var strings = JsonStrings(text).Where(s => s.IsKey == key).ToList();
            if (strings.Count == 0)
            {
                return (what.Insert + text, what.Description + " before the text");
            }

            var (start, end, _) = strings[random.Next(strings.Count)];
            var at = start + 1 + random.Next(end - start);
            return (text.Insert(at, what.Insert), what.Description + " in the " + (key ? "key" : "value") + " at character " + at);
        }

        var members = YamlMember.Matches(text).Where(m => key || m.Groups["value"].Success).ToList();
        if (members.Count == 0)
        {
            return (what.Insert + text, what.Description + " before the text");
        }

        // Written double-quoted, where YAML reads escapes as JSON does.
        var member = members[random.Next(members.Count)];
        var group = member.Groups[key ? "key" : "value"];
        var split = random.Next(group.Length + 1);
        var quoted = "\"" + group.Value.Substring(0, split).Replace("\\", "\\\\", StringComparison.Ordinal) + what.Insert + group.Value.Substring(split).Replace("\\", "\\\\", StringComparison.Ordinal) + "\"";
        return (text.Remove(group.Index, group.Length).Insert(group.Index, quoted), what.Description + " in the " + (key ? "key" : "value") + " at character " + group.Index);
    }

    /// <summary>The text up to a point inside a string (after <paramref name="partial"/>, the start of an escape, when given).</summary>
    private static (string, string) CutInString(string text, bool isJson, Random random, string partial)
    {
        int opening;
        if (isJson)
        {
            var strings = JsonStrings(text).ToList();
            if (strings.Count == 0)
            {
                return ("\"" + partial, "a lone string");
            }

            opening = strings[random.Next(strings.Count)].Start;
        }
        else
        {
            var values = YamlMember.Matches(text).Where(m => m.Groups["value"].Success).ToList();
            if (values.Count == 0)
            {
                return ("openapi: \"3.0." + partial, "a lone quoted version");
            }

            var value = values[random.Next(values.Count)].Groups["value"];
            text = text.Substring(0, value.Index) + "\"" + value.Value;
            opening = value.Index;
        }

        var inside = Math.Min(text.Length, opening + 1 + random.Next(Math.Max(1, Math.Min(12, text.Length - opening))));
        return (text.Substring(0, inside) + partial, "cut inside the string at character " + opening + (partial.Length > 0 ? " after '" + partial + "'" : string.Empty));
    }

    private static (string, string) CutInNumber(string text, bool isJson, Random random)
    {
        var partial = PartialNumbers[random.Next(PartialNumbers.Length)];
        var candidates = new List<int>();
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (isJson && c == '"' && (i == 0 || text[i - 1] != '\\'))
            {
                inString = !inString;
            }
            else if (!inString && char.IsAsciiDigit(c) && (i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1])))
            {
                candidates.Add(i);
            }
        }

        if (candidates.Count == 0)
        {
            return (text + (isJson ? string.Empty : "\nx: ") + partial, "a partial number at the end");
        }

        var at = candidates[random.Next(candidates.Count)];
        return random.Next(2) == 0
            ? (text.Substring(0, at + 1), "cut after the first digit of the number at character " + at)
            : (text.Substring(0, at) + partial, "cut at the number at character " + at + " after '" + partial + "'");
    }

    private static (string, string) ByteOrderMark(string text, Random random)
    {
        switch (random.Next(3))
        {
            case 0:
                return ("\uFEFF\uFEFF" + text, "two byte-order marks at the start");
            case 1:
                var at = random.Next(text.Length + 1);
                return (text.Insert(at, "\uFEFF"), "a byte-order mark at character " + at);
            default:
                return ("\n\uFEFF" + text, "a byte-order mark after a line break");
        }
    }

    private static (string, string) Nul(string text, bool isJson, Random random)
    {
        if (random.Next(2) == 0)
        {
            var at = random.Next(text.Length + 1);
            return (text.Insert(at, "\0"), "a raw NUL at character " + at);
        }

        return InsertInString(text, isJson, random, key: random.Next(2) == 0, ("\\u0000", "an escaped NUL"));
    }

    /// <summary>
    /// Bytes that are not UTF-8 inserted at a character boundary, then decoded as the compiler reads an
    /// additional file: as UTF-8 with replacement characters, or, for a file that is not UTF-8, with a
    /// single-byte code page (Latin-1 here), in which every byte is a character.
    /// </summary>
    private static (string, string) InvalidUtf8(string text, Random random)
    {
        var at = random.Next(text.Length + 1);
        if (at > 0 && at < text.Length && char.IsLowSurrogate(text[at]))
        {
            at--;
        }

        var sequence = InvalidSequences[random.Next(InvalidSequences.Length)];
        var bytes = Encoding.UTF8.GetBytes(text.Substring(0, at)).Concat(sequence).Concat(Encoding.UTF8.GetBytes(text.Substring(at))).ToArray();
        var asLatin1 = random.Next(2) == 0;
        var decoded = SourceText.From(bytes, bytes.Length, asLatin1 ? Encoding.Latin1 : null).ToString();
        return (decoded, "bytes " + string.Join(" ", sequence.Select(b => b.ToString("X2", CultureInfo.InvariantCulture))) + " at character " + at + ", decoded as " + (asLatin1 ? "Latin-1" : "UTF-8"));
    }

    /// <summary>The strings of a JSON text: where each opening and closing quote is, and whether it is a key.</summary>
    private static IEnumerable<(int Start, int End, bool IsKey)> JsonStrings(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '"')
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] != '"')
            {
                end += text[end] == '\\' ? 2 : 1;
            }

            if (end >= text.Length)
            {
                yield break;
            }

            var next = end + 1;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            yield return (i, end, next < text.Length && text[next] == ':');
            i = end;
        }
    }
}
