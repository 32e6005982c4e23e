namespace Sei.Generators.Reading;

/// <summary>
/// A cheap scan run before the YAML parser, whose recursion per nesting level could otherwise
/// overflow the compiler's stack on a hostile document (a stack overflow kills the compiler
/// process; no exception handler can catch it). Real documents stay far below these limits:
/// the converter to JSON refuses more than 64 levels anyway.
/// </summary>
internal static class YamlNestingGuard
{
    /// <summary>Deepest nesting of flow collections ([ and {) accepted.</summary>
    public const int MaxFlowDepth = 256;

    /// <summary>Widest indentation accepted, in characters.</summary>
    public const int MaxIndentation = 512;

    /// <summary>Returns the character offset where the text nests too deeply, or -1.</summary>
    public static int FindExcess(string text)
    {
        var depth = 0;
        var indentation = 0;
        var atLineStart = true;
        var inSingle = false;
        var inDouble = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                atLineStart = true;
                indentation = 0;
                inSingle = false;
                continue;
            }

            if (atLineStart)
            {
                if (c == ' ' || c == '-')
                {
                    if (++indentation > MaxIndentation)
                    {
                        return i;
                    }

                    continue;
                }

                atLineStart = false;
            }

            if (c == '"' && !inSingle && (i == 0 || text[i - 1] != '\\'))
            {
                inDouble = !inDouble;
            }
            else if (c == '\'' && !inDouble)
            {
                inSingle = !inSingle;
            }
            else if (!inSingle && !inDouble)
            {
                if (c is '[' or '{')
                {
                    if (++depth > MaxFlowDepth)
                    {
                        return i;
                    }
                }
                else if (c is ']' or '}')
                {
                    depth = depth > 0 ? depth - 1 : 0;
                }
            }
        }

        return -1;
    }
}
