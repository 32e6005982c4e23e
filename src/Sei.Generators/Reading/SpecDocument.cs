using Microsoft.OpenApi;

namespace Sei.Generators.Reading;

/// <summary>A document that was read: the OpenAPI object model and the way back to source positions. Lives only inside one pipeline step.</summary>
internal sealed class SpecDocument
{
    public SpecDocument(OpenApiDocument document, SourceMap map, OpenApiSpecVersion version, RawDocument? raw = null)
    {
        Document = document;
        Map = map;
        Version = version;
        Raw = raw;
    }

    public OpenApiDocument Document { get; }

    public SourceMap Map { get; }

    public OpenApiSpecVersion Version { get; }

    /// <summary>OAuth 2.0 URLs written as templates of the server's variables, by JSON pointer; the reader saw stand-ins (see <see cref="FlowUrlTemplates"/>).</summary>
    public System.Collections.Generic.IReadOnlyDictionary<string, string> UrlTemplates { get; init; } = new System.Collections.Generic.Dictionary<string, string>();

    /// <summary>Gets the parsed JSON the reader saw, for what its object model does not keep; <see langword="null"/> for documents built in memory.</summary>
    public RawDocument? Raw { get; }
}
