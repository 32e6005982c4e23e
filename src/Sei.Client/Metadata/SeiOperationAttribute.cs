namespace Sei.Client.Metadata;

/// <summary>
/// Describes the HTTP operation behind a generated client method, so that analyzers can reason
/// about call sites (for example the length of a GET URL) without knowing generator internals.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SeiOperationAttribute : Attribute
{
    /// <summary>Initializes a new instance of the <see cref="SeiOperationAttribute"/> class.</summary>
    /// <param name="httpMethod">The HTTP method, upper case.</param>
    /// <param name="pathTemplate">The path template, such as <c>/v1/accounts/{accountId}</c>.</param>
    public SeiOperationAttribute(string httpMethod, string pathTemplate)
    {
        HttpMethod = httpMethod;
        PathTemplate = pathTemplate;
    }

    /// <summary>Gets the HTTP method, upper case.</summary>
    public string HttpMethod { get; }

    /// <summary>Gets the path template.</summary>
    public string PathTemplate { get; }

    /// <summary>Gets or sets the operation's <c>operationId</c> in the document, if it has one.</summary>
    public string? OperationId { get; set; }

    /// <summary>Gets or sets the longest server URL the document lists, which bounds the URL's length from below.</summary>
    public string? LongestServerUrl { get; set; }

    /// <summary>Gets or sets the name of the method of the POST operation that takes this GET's filters in its body, if the document has one.</summary>
    public string? SearchOperation { get; set; }
}
