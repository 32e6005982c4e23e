namespace Sei.Client;

/// <summary>Why an OAuth 2.0 endpoint (token, authorization or refresh URL) is where it is; logged with every token request.</summary>
public enum SeiEndpointSource
{
    /// <summary>The application configured it (for example <see cref="SeiClientCredentials.TokenUrl"/>).</summary>
    Configured = 0,

    /// <summary>The document's URL as it stands: on the server in use, or on a host of its own that the document names for its own environments.</summary>
    Document = 1,

    /// <summary>The document's URL is relative, so it was resolved against the server in use.</summary>
    DocumentRelative = 2,

    /// <summary>The document's URL is on one of its servers' hosts, so it moved with the environment to the server in use.</summary>
    DocumentMovedToEnvironment = 3,

    /// <summary>The document's URL is a template of the server's variables, expanded with the values in use.</summary>
    DocumentTemplate = 4,

    /// <summary>
    /// The application picked an origin the document does not list, so the document's path was kept
    /// on that origin: credentials never go to a host the application did not choose.
    /// </summary>
    DocumentPathOnConfiguredOrigin = 5,
}

/// <summary>An OAuth 2.0 endpoint resolved for the server in use, and why it is there.</summary>
public sealed class SeiResolvedEndpoint
{
    /// <summary>Initializes a new instance of the <see cref="SeiResolvedEndpoint"/> class.</summary>
    /// <param name="url">The absolute URL.</param>
    /// <param name="source">Why it is there.</param>
    public SeiResolvedEndpoint(Uri url, SeiEndpointSource source)
    {
        Url = url ?? throw new ArgumentNullException(nameof(url));
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("An OAuth 2.0 endpoint must be an absolute URL.", nameof(url));
        }

        Source = source;
    }

    /// <summary>Gets the absolute URL.</summary>
    public Uri Url { get; }

    /// <summary>Gets why the endpoint is there.</summary>
    public SeiEndpointSource Source { get; }

    /// <summary>Gets the URL as it is logged and put in messages: without user information, and with every query value hidden.</summary>
    public string Display => Http.SeiRedaction.Url(Url);

    /// <inheritdoc/>
    public override string ToString() => Display + " (" + Describe(Source) + ")";

    /// <summary>Says, in words, why an endpoint is where it is.</summary>
    /// <param name="source">The reason.</param>
    /// <returns>A phrase for logs and messages.</returns>
    public static string Describe(SeiEndpointSource source) => source switch
    {
        SeiEndpointSource.Configured => "configured by the application",
        SeiEndpointSource.Document => "as the API document gives it",
        SeiEndpointSource.DocumentRelative => "the API document's relative URL, on the server in use",
        SeiEndpointSource.DocumentMovedToEnvironment => "the API document's URL, moved to the environment in use",
        SeiEndpointSource.DocumentTemplate => "the API document's URL template, expanded with the server's variables",
        SeiEndpointSource.DocumentPathOnConfiguredOrigin => "the API document's path on the configured origin, which the document does not list",
        _ => source.ToString(),
    };
}
