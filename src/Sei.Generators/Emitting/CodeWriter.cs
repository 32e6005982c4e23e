using System;
using System.Text;

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

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
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

    public CodeWriter Doc(string tag, string text, string? attribute = null)
    {
        var open = attribute is null ? "<" + tag + ">" : "<" + tag + " " + attribute + ">";
        return Line("/// " + open + Xml(text) + "</" + tag + ">");
    }

    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public override string ToString() => _builder.ToString();
}
