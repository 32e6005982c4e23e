using System.Collections.Concurrent;

namespace Sei.Client.Http;

/// <summary>
/// The HTTP methods generated code sends that <see cref="HttpMethod"/> has no property for on every
/// target (PATCH on .NET Standard 2.0, and any other method a document names), each created once
/// and shared, so that a call does not allocate its method.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SeiHttpMethods
{
    private static readonly ConcurrentDictionary<string, HttpMethod> Others = new(StringComparer.Ordinal);

    /// <summary>Gets the PATCH method.</summary>
    public static HttpMethod Patch { get; } = new("PATCH");

    /// <summary>Gets the method of that name, created on its first use and shared after it.</summary>
    /// <param name="method">The method's name, as the document writes it in upper case (<c>QUERY</c>).</param>
    /// <returns>The method.</returns>
    public static HttpMethod Of(string method) => Others.GetOrAdd(method, static name => new HttpMethod(name));
}
