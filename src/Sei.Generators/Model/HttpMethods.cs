namespace Sei.Generators.Model;

/// <summary>
/// The HTTP methods the model names, as the upper-case text it holds. A method stays text in the
/// model rather than an enumeration because its set is open: OpenAPI 3.2 lets a path item declare
/// any method (<c>query</c>, and others under <c>additionalOperations</c>), and the generated client
/// sends each as written. The rules that single out a method compare with these constants.
/// </summary>
internal static class HttpMethods
{
    public const string Get = "GET";
    public const string Put = "PUT";
    public const string Post = "POST";
    public const string Delete = "DELETE";
    public const string Options = "OPTIONS";
    public const string Head = "HEAD";
    public const string Patch = "PATCH";
    public const string Trace = "TRACE";

    /// <summary>The methods an OpenAPI 3.0 or 3.1 path item can hold.</summary>
    public static readonly IReadOnlyList<string> PathItemMethods = new[] { Get, Put, Post, Delete, Options, Head, Patch, Trace };
}
