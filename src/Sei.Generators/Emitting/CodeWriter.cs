namespace Sei.Generators.Emitting;

/// <summary>A small indented writer: cheaper and easier to read than SyntaxFactory plus NormalizeWhitespace.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.Append(text).Append('\n');
        return this;
    }

    public CodeWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close()
    {
        _indent--;
        return Line("}");
    }

    public CodeWriter Indent()
    {
        _indent++;
        return this;
    }

    public CodeWriter Outdent()
    {
        _indent = Math.Max(0, _indent - 1);
        return this;
    }

    /// <summary>Writes an XML documentation summary, escaping the text.</summary>
    public CodeWriter Summary(string text) => Doc("summary", text);

    public CodeWriter Doc(string tag, string text) => Line("/// <" + tag + ">" + Xml(text) + "</" + tag + ">");

    /// <summary>Writes a parameter's documentation; <paramref name="xml"/> is documentation markup already (escape free text with <see cref="Xml"/>).</summary>
    public CodeWriter Param(string name, string xml) => Line("/// <param name=\"" + name + "\">" + xml + "</param>");

    /// <summary>
    /// Text for a documentation comment: XML-escaped, on one line (a line break would end the
    /// <c>///</c> comment), and free of characters XML cannot hold (control characters, lone surrogates).
    /// </summary>
    public static string Xml(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '\u0085' or '\u2028' or '\u2029':
                    builder.Append(' ');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(char.IsControl(c) && c != '\t' ? ' ' : c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    public override string ToString() => _builder.ToString();
}
