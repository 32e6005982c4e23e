using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using Sei.Generators.Diagnostics;
using Sei.Generators.Model;
using SharpYaml.Serialization;

namespace Sei.Generators.Reading;

/// <summary>
/// Reading: turns a document's text into the OpenAPI object model plus a source map, and every
/// problem into a located diagnostic. It never touches files or the network: external
/// references are reported, not fetched.
/// </summary>
internal static class SpecReader
{
    private const int MaxJsonDepth = 512;

    /// <summary>Reads a document. Returns <see langword="null"/> when the text is not an OpenAPI document (silently) or cannot be read (with a diagnostic).</summary>
    public static SpecDocument? Read(string path, string text, ProblemCollector problems, CancellationToken cancellationToken)
    {
        var charOffset = SkipByteOrderMark(ref text);

        // A cheap filter first: most additional files are not OpenAPI documents at all.
        if (text.IndexOf("openapi", StringComparison.Ordinal) < 0 && text.IndexOf("swagger", StringComparison.Ordinal) < 0)
        {
            return null;
        }

        var isJson = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var parsed = isJson ? ParseJson(text, charOffset, problems) : ParseYaml(text, charOffset, problems);
        if (parsed is null)
        {
            return null;
        }

        var (root, map) = parsed.Value;
        problems.Map = map;
        if (isJson && LoneSurrogate(text) is { } surrogate)
        {
            // System.Text.Json parses "\ud800" alone, then refuses to read it back as a string.
            problems.AddAt(DiagnosticIds.InvalidSyntax, new LineIndex(text, charOffset).AtChar(surrogate), "the escape at this position is half of a UTF-16 surrogate pair, which is not text");
            problems.MarkFatal();
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (root is not JsonObject rootObject || !TryGetVersion(rootObject, out var versionText, out var versionKey))
        {
            return null;
        }

        if (!IsSupportedVersion(versionKey, versionText))
        {
            problems.Add(DiagnosticIds.UnsupportedVersion, "/" + versionKey, versionText);
            problems.MarkFatal();
            return null;
        }

        ReportExternalReferences(rootObject, problems);
        DocumentRepair.Repair(rootObject, versionKey == "swagger", problems, cancellationToken);
        ReferenceChains.Cut(rootObject, versionKey == "swagger", problems, cancellationToken);
        var urlTemplates = FlowUrlTemplates.Extract(rootObject, versionKey == "swagger");
        var raw = RawDocument.Capture(rootObject, versionKey == "swagger");

        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        ReadResult result;
        try
        {
            result = new OpenApiJsonReader().Read(root, new Uri("file:///" + Path.GetFileName(path)), settings);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The repairs above take away what is known to make the OpenAPI reader throw; anything
            // else it throws on is still the document's fault, said as such rather than as our bug.
            problems.AddAt(DiagnosticIds.InvalidSyntax, SourceSpan.Origin, "the OpenAPI reader stopped with " + exception.GetType().Name + " (" + FirstSentence(exception.Message) + ")");
            problems.MarkFatal();
            return null;
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (result.Document is null)
        {
            problems.AddAt(DiagnosticIds.InvalidSyntax, SourceSpan.Origin, "the OpenAPI reader returned no document");
            problems.MarkFatal();
            return null;
        }

        if (result.Diagnostic is not null)
        {
            foreach (var error in result.Diagnostic.Errors)
            {
                problems.Add(DiagnosticIds.SpecificationViolation, error.Pointer, EndSentence(error.Message));
            }

            foreach (var warning in result.Diagnostic.Warnings)
            {
                problems.Add(DiagnosticIds.SpecificationViolation, warning.Pointer, EndSentence(warning.Message));
            }
        }

        var version = result.Diagnostic?.SpecificationVersion ?? OpenApiSpecVersion.OpenApi3_0;
        return new SpecDocument(result.Document, map, version, raw) { UrlTemplates = urlTemplates };
    }

    /// <summary>Drops a leading byte-order mark; returns how many characters it took, by which positions are shifted.</summary>
    private static int SkipByteOrderMark(ref string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// Only the source map of a document that was read before, to locate pointers found later (when
    /// versions are compared); <see langword="null"/> when the text no longer parses.
    /// </summary>
    public static SourceMap? MapOf(string path, string text)
    {
        var charOffset = SkipByteOrderMark(ref text);

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonSourceMap(text, charOffset);
        }

        if (YamlNestingGuard.FindExcess(text) >= 0)
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (SharpYaml.YamlException)
        {
            return null;
        }

        return stream.Documents.Count == 0 ? null : new OffsetSourceMap(new YamlSourceMap(stream.Documents[0].RootNode), charOffset);
    }

    private static (JsonNode? Root, SourceMap Map)? ParseJson(string text, int charOffset, ProblemCollector problems)
    {
        try
        {
            var root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = MaxJsonDepth });
            return (root, new JsonSourceMap(text, charOffset));
        }
        catch (JsonException exception)
        {
            var lines = new LineIndex(text, charOffset);
            var span = lines.AtLineByte(Encoding.UTF8.GetBytes(text), (int)(exception.LineNumber ?? 0), (int)(exception.BytePositionInLine ?? 0));
            problems.AddAt(DiagnosticIds.InvalidSyntax, span, FirstSentence(exception.Message));
            problems.MarkFatal();
            return null;
        }
    }

    private static (JsonNode? Root, SourceMap Map)? ParseYaml(string text, int charOffset, ProblemCollector problems)
    {
        var excess = YamlNestingGuard.FindExcess(text);
        if (excess >= 0)
        {
            var at = new LineIndex(text, charOffset).AtChar(excess);
            problems.AddAt(DiagnosticIds.InvalidSyntax, at, "the document nests deeper than the generator reads (more than " + YamlNestingGuard.MaxFlowDepth + " levels of brackets or " + YamlNestingGuard.MaxIndentation + " characters of indentation)");
            problems.MarkFatal();
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (SharpYaml.YamlException exception)
        {
            // A syntax error found at the end of the text can be marked a line past it; it is shown where the text ends instead.
            var span = exception.Start.Index >= text.Length
                ? new LineIndex(text, charOffset).AtChar(text.Length)
                : YamlSourceMap.ToSpan(exception.Start, exception.End) with { Start = exception.Start.Index + charOffset };
            problems.AddAt(DiagnosticIds.InvalidSyntax, span, YamlMessage(exception));
            problems.MarkFatal();
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        var document = stream.Documents[0];
        try
        {
            var root = YamlConverter.ToJsonNode(document);
            return (root, new OffsetSourceMap(new YamlSourceMap(document.RootNode), charOffset));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The converter enforces depth, node-count and alias-expansion limits (a YAML "billion laughs"
            // document lands here). Its message has no position, so an alias expansion is shown at the first alias.
            var at = exception.Message.IndexOf("alias", StringComparison.OrdinalIgnoreCase) >= 0 ? FirstAlias(text) : null;
            problems.AddAt(DiagnosticIds.InvalidSyntax, at is null ? SourceSpan.Origin : at with { Start = at.Start + charOffset }, FirstSentence(exception.Message));
            problems.MarkFatal();
            return null;
        }
    }

    /// <summary>Where the first <c>\uD800</c>-style escape without its other half is in a JSON text, if any.</summary>
    private static int? LoneSurrogate(string text)
    {
        for (var i = text.IndexOf("\\u", StringComparison.Ordinal); i >= 0 && i + 6 <= text.Length; i = text.IndexOf("\\u", i + 2, StringComparison.Ordinal))
        {
            // An escaped backslash ("\\u") is not an escape; count the backslashes before it.
            var backslashes = 0;
            for (var j = i; j >= 0 && text[j] == '\\'; j--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 0 || !ushort.TryParse(text.Substring(i + 2, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var unit))
            {
                continue;
            }

            var isHigh = unit is >= 0xD800 and <= 0xDBFF;
            var isLow = unit is >= 0xDC00 and <= 0xDFFF;
            var nextIsLow = i + 12 <= text.Length && text[i + 6] == '\\' && text[i + 7] == 'u'
                && ushort.TryParse(text.Substring(i + 8, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var next) && next is >= 0xDC00 and <= 0xDFFF;
            if (isHigh && !nextIsLow)
            {
                return i;
            }

            if (isHigh)
            {
                i += 6;
            }
            else if (isLow)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Where the first alias (<c>*name</c>) of a YAML text is, read with the parser's events rather than a pattern.</summary>
    private static SourceSpan? FirstAlias(string text)
    {
        try
        {
            var parser = SharpYaml.Parser.CreateParser(new StringReader(text));
            while (parser.MoveNext())
            {
                if (parser.Current is SharpYaml.Events.AnchorAlias alias)
                {
                    return YamlSourceMap.ToSpan(alias.Start, alias.End);
                }
            }
        }
        catch (SharpYaml.YamlException)
        {
        }

        return null;
    }

    private static bool TryGetVersion(JsonObject root, out string version, out string key)
    {
        foreach (var candidate in new[] { "openapi", "swagger" })
        {
            if (root.TryGetPropertyValue(candidate, out var node) && node is JsonValue value)
            {
                version = value.ToString();
                key = candidate;
                return true;
            }
        }

        version = string.Empty;
        key = string.Empty;
        return false;
    }

    private static bool IsSupportedVersion(string key, string version)
    {
        if (key == "swagger")
        {
            return version == "2.0";
        }

        return version.StartsWith("3.0.", StringComparison.Ordinal) || version == "3.0"
            || version.StartsWith("3.1.", StringComparison.Ordinal) || version == "3.1";
    }

    private static void ReportExternalReferences(JsonObject root, ProblemCollector problems)
    {
        // An explicit stack: documents can nest deeper than the compiler's thread stack allows for recursion.
        var pending = new Stack<(JsonNode Node, string Pointer, string ParentKey)>();
        pending.Push((root, string.Empty, string.Empty));
        while (pending.Count > 0)
        {
            var (node, pointer, parentKey) = pending.Pop();
            if (node is JsonObject obj)
            {
                foreach (var property in obj)
                {
                    if (property.Key == "$ref" && property.Value is JsonValue reference && reference.TryGetValue<string>(out var target)
                        && target.Length > 0 && target[0] != '#')
                    {
                        problems.Add(DiagnosticIds.ExternalReference, pointer + "/$ref", target);
                    }
                    else if (property.Value is not null && !IsData(parentKey, property.Key))
                    {
                        pending.Push((property.Value, pointer + "/" + SourceMap.EscapeSegment(property.Key), property.Key));
                    }
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        pending.Push((item, pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), parentKey));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whether a member holds example or extension data, where "$ref" is just a key of the data.
    /// Under "properties" and the component maps the key is a name, so it is always walked.
    /// </summary>
    private static bool IsData(string parentKey, string key)
    {
        if (parentKey is "properties" or "schemas" or "definitions" or "parameters" or "responses" or "examples" or "headers")
        {
            return false;
        }

        return key is "example" or "default" or "enum" or "const" or "x-examples" || key.StartsWith("x-", StringComparison.Ordinal) || (key == "value" && parentKey.Length > 0);
    }

    private static string YamlMessage(SharpYaml.YamlException exception)
    {
        // SharpYaml prefixes its message with the positions, which the diagnostic's location already gives.
        var message = exception.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return FirstSentence(marker >= 0 ? message.Substring(marker + 3) : message);
    }

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.TrimEnd('.');
    }

    private static string EndSentence(string message)
    {
        var trimmed = message.Trim();
        return trimmed.EndsWith(".", StringComparison.Ordinal) ? trimmed : trimmed + ".";
    }
}

/// <summary>Shifts the character offsets of another map, for documents that started with a byte-order mark.</summary>
internal sealed class OffsetSourceMap : SourceMap
{
    private readonly SourceMap _inner;
    private readonly int _charOffset;

    public OffsetSourceMap(SourceMap inner, int charOffset)
    {
        _inner = inner;
        _charOffset = charOffset;
    }

    public override Dictionary<string, SourceSpan> Locate(IReadOnlyCollection<string> pointers)
    {
        var located = _inner.Locate(pointers);
        if (_charOffset == 0)
        {
            return located;
        }

        var shifted = new Dictionary<string, SourceSpan>();
        foreach (var pair in located)
        {
            shifted[pair.Key] = pair.Value with { Start = pair.Value.Start + _charOffset };
        }

        return shifted;
    }
}
