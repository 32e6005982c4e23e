using System.IO;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace Sei.Generators.Reading;

/// <summary>
/// Reading: turns a document's text into the OpenAPI object model plus a source map, and every
/// problem into a located diagnostic. It never touches files or the network: external
/// references are reported, not fetched.
/// </summary>
/// <remarks>
/// The order matters. The text is parsed and checked for what is not text at all (half a
/// surrogate pair). The document's own shape is then checked against the specification of its
/// version (<see cref="SpecificationCheck"/>) and its references resolved (<see cref="ReferenceCheck"/>)
/// while it is still as written, so every finding has a pointer into the text. Then what would
/// make Microsoft.OpenApi fail or lose a valid construct is mended, and the reader runs with the
/// validation rules that hold for every version (<see cref="ReaderFindings"/>).
/// </remarks>
internal static class SpecReader
{
    private const int MaxJsonDepth = 512;

    /// <summary>Reads a document. Returns <see langword="null"/> when the text is not an OpenAPI document (silently) or cannot be read (with a diagnostic).</summary>
    public static SpecDocument? Read(string path, string text, ProblemCollector problems, CancellationToken cancellationToken)
    {
        var lines = new LineIndex(text);
        var body = text;
        var charOffset = SkipByteOrderMark(ref body);

        // A cheap filter first: most additional files are not OpenAPI documents at all.
        if (body.IndexOf("openapi", StringComparison.Ordinal) < 0 && body.IndexOf("swagger", StringComparison.Ordinal) < 0)
        {
            return null;
        }

        if (TextCheck.FindLoneSurrogate(body) is { } raw)
        {
            problems.AddAt(DiagnosticIds.InvalidSyntax, lines.At(raw + charOffset), TextCheck.LoneSurrogateMessage);
            problems.MarkFatal();
            return null;
        }

        var isJson = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (isJson && TextCheck.FindLoneSurrogateEscape(body) is { } escape)
        {
            // System.Text.Json parses "\ud800" alone, then refuses to read it back as a string.
            problems.AddAt(DiagnosticIds.InvalidSyntax, lines.At(escape + charOffset), TextCheck.LoneSurrogateEscapeMessage);
            problems.MarkFatal();
            return null;
        }

        var parsed = isJson ? ParseJson(body, charOffset, lines, problems) : ParseYaml(body, charOffset, lines, problems);
        if (parsed is null)
        {
            return null;
        }

        var (root, map) = parsed.Value;
        problems.Map = map;
        cancellationToken.ThrowIfCancellationRequested();
        if (root is not JsonObject rootObject || !TryGetVersion(rootObject, out var versionText, out var versionKey))
        {
            return null;
        }

        if (ToVersion(versionKey, versionText) is not { } version)
        {
            problems.AddInSource(DiagnosticIds.UnsupportedVersion, "/" + versionKey, null, versionText);
            problems.MarkFatal();
            return null;
        }

        if (version == DocumentVersion.Swagger2)
        {
            problems.Translator = new Swagger2Pointers(rootObject);
        }

        SpecificationCheck.Check(rootObject, version, problems, cancellationToken);
        ReferenceCheck.Check(rootObject, version, problems, cancellationToken);
        PathItemReferences.Inline(rootObject);
        if (version == DocumentVersion.Swagger2)
        {
            Swagger2Repair.Repair(rootObject, problems);
        }

        DocumentRepair.Repair(rootObject, version, problems, cancellationToken);
        ReferenceChains.Cut(rootObject, version == DocumentVersion.Swagger2, problems, cancellationToken);

        // After the checks, which judge the text as written: these two take out of the reader's way
        // what it throws on (templated OAuth URLs, 2.0's "tsv"), and remember the originals.
        var urlTemplates = FlowUrlTemplates.Extract(rootObject, version == DocumentVersion.Swagger2);
        var rawDocument = RawDocument.Capture(rootObject, version == DocumentVersion.Swagger2);

        var settings = new OpenApiReaderSettings { LoadExternalRefs = false, RuleSet = ReaderFindings.RuleSet };
        ReadResult result;
        try
        {
            result = new OpenApiJsonReader().Read(rootObject, new Uri("file:///" + Path.GetFileName(path)), settings);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The repairs above take away what is known to make the OpenAPI reader throw; anything
            // else it throws on is still the document's fault, said as such rather than as our bug.
            problems.Add(DiagnosticIds.InvalidSyntax, string.Empty, "the OpenAPI reader stopped with " + exception.GetType().Name + " (" + FirstSentence(exception.Message) + ")");
            problems.MarkFatal();
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (result.Document is null)
        {
            problems.Add(DiagnosticIds.InvalidSyntax, string.Empty, "the OpenAPI reader returned no document");
            problems.MarkFatal();
            return null;
        }

        if (result.Diagnostic is not null)
        {
            ReaderFindings.Report(result.Diagnostic, rootObject, problems);
        }

        var specVersion = result.Diagnostic?.SpecificationVersion ?? OpenApiSpecVersion.OpenApi3_0;
        return new SpecDocument(result.Document, map, specVersion, rawDocument) { UrlTemplates = urlTemplates };
    }

    /// <summary>
    /// Only the source map of a document that was read before, to locate pointers found later (when
    /// versions are compared); <see langword="null"/> when the text no longer parses.
    /// </summary>
    public static SourceMap? MapOf(string path, string text)
    {
        var lines = new LineIndex(text);
        var charOffset = SkipByteOrderMark(ref text);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonSourceMap(text, charOffset, lines);
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

        return stream.Documents.Count == 0 ? null : new YamlSourceMap(stream.Documents[0].RootNode, charOffset, lines);
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

    private static (JsonNode? Root, SourceMap Map)? ParseJson(string text, int charOffset, LineIndex lines, ProblemCollector problems)
    {
        try
        {
            var root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = MaxJsonDepth });
            return (root, new JsonSourceMap(text, charOffset, lines));
        }
        catch (JsonException exception)
        {
            var offsets = new Utf8Offsets(text);
            var at = offsets.CharIndex(offsets.ByteOffset(exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0));
            problems.AddAt(DiagnosticIds.InvalidSyntax, lines.At(at + charOffset), FirstSentence(exception.Message));
            problems.MarkFatal();
            return null;
        }
    }

    private static (JsonNode? Root, SourceMap Map)? ParseYaml(string text, int charOffset, LineIndex lines, ProblemCollector problems)
    {
        var excess = YamlNestingGuard.FindExcess(text);
        if (excess >= 0)
        {
            problems.AddAt(DiagnosticIds.InvalidSyntax, lines.At(excess + charOffset), "the document nests deeper than the generator reads (more than " + YamlNestingGuard.MaxFlowDepth + " levels of brackets or " + YamlNestingGuard.MaxIndentation + " characters of indentation)");
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
            problems.AddAt(DiagnosticIds.InvalidSyntax, YamlSourceMap.ToSpan(lines, charOffset, exception.Start, exception.End), YamlMessage(exception));
            problems.MarkFatal();
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        var document = stream.Documents[0];
        if (TextCheck.FindLoneSurrogate(document.RootNode) is { } escaped)
        {
            // A double-quoted YAML scalar may spell half a surrogate pair as an escape ("\ud800").
            problems.AddAt(DiagnosticIds.InvalidSyntax, YamlSourceMap.ToSpan(lines, charOffset, escaped.Start, escaped.End), TextCheck.LoneSurrogateEscapeMessage);
            problems.MarkFatal();
            return null;
        }

        try
        {
            var root = YamlConverter.ToJsonNode(document);
            return (root, new YamlSourceMap(document.RootNode, charOffset, lines));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The converter enforces node-count and alias-expansion limits (a YAML "billion laughs"
            // document lands here; depth was checked above). Its exception says neither which limit nor
            // where, and its type is the same for each. Aliases are what multiply a small document into
            // a huge one, so a document that has any is shown at its first alias, and one without at the
            // root, the document as a whole.
            var at = FirstAlias(text);
            var span = at is { } alias ? YamlSourceMap.ToSpan(lines, charOffset, alias.Start, alias.End) : YamlSourceMap.ToSpan(lines, charOffset, document.RootNode.Start, document.RootNode.End);
            problems.AddAt(DiagnosticIds.InvalidSyntax, span, FirstSentence(exception.Message));
            problems.MarkFatal();
            return null;
        }
    }

    /// <summary>Where the first alias (<c>*name</c>) of a YAML text is, read with the parser's events rather than a pattern.</summary>
    private static SharpYaml.Events.AnchorAlias? FirstAlias(string text)
    {
        try
        {
            var parser = SharpYaml.Parser.CreateParser(new StringReader(text));
            while (parser.MoveNext())
            {
                if (parser.Current is SharpYaml.Events.AnchorAlias alias)
                {
                    return alias;
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

    private static DocumentVersion? ToVersion(string key, string version)
    {
        if (key == "swagger")
        {
            return version == "2.0" ? DocumentVersion.Swagger2 : null;
        }

        if (version.StartsWith("3.0.", StringComparison.Ordinal) || version == "3.0")
        {
            return DocumentVersion.OpenApi30;
        }

        return version.StartsWith("3.1.", StringComparison.Ordinal) || version == "3.1" ? DocumentVersion.OpenApi31 : null;
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
}
