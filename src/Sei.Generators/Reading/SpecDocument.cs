using Microsoft.OpenApi;

namespace Sei.Generators.Reading;

/// <summary>A document that was read: the OpenAPI object model and the way back to source positions. Lives only inside one pipeline step.</summary>
/// <param name="Document">The OpenAPI object model.</param>
/// <param name="Map">The way from a JSON pointer back to a line and column.</param>
/// <param name="Version">The specification version the document declares.</param>
/// <param name="Raw">The parsed JSON the reader saw, for what its object model does not keep; <see langword="null"/> for documents built in memory.</param>
internal sealed record SpecDocument(OpenApiDocument Document, SourceMap Map, OpenApiSpecVersion Version, RawDocument? Raw = null)
{
    /// <summary>OAuth 2.0 URLs written as templates of the server's variables, by JSON pointer; the reader saw stand-ins (see <see cref="FlowUrlTemplates"/>).</summary>
    public System.Collections.Generic.IReadOnlyDictionary<string, string> UrlTemplates { get; init; } = new System.Collections.Generic.Dictionary<string, string>();
}
