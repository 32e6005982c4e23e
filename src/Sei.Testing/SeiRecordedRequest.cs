namespace Sei.Testing;

/// <summary>A request the SEI test server received, for a test's assertions.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Url">The URL as sent: path and query, still percent-encoded.</param>
/// <param name="Headers">The headers; the values of those that carry credentials (<c>Authorization</c>, <c>Proxy-Authorization</c>, cookies) are replaced by <c>***</c>, as the client's logs leave them out, so a recording can be printed.</param>
/// <param name="Body">The body as text (empty when there was none).</param>
/// <param name="Operation">The operation it matched (its operation ID, else the generated method's name), or <see langword="null"/> when it matched none.</param>
/// <param name="Status">The status the server answered with.</param>
public sealed record SeiRecordedRequest(string Method, string Url, IReadOnlyDictionary<string, string> Headers, string Body, string? Operation, int Status);
