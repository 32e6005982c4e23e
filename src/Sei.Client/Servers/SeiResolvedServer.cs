namespace Sei.Client;

/// <summary>
/// Where a client's calls go, as <see cref="SeiApiDescription.ResolveServer"/> worked it out from the
/// options: the URL, and whether it is one of the document's own servers (an environment the
/// document knows) or an origin the application picked that the document does not know.
/// </summary>
public sealed class SeiResolvedServer
{
    internal SeiResolvedServer(Uri url, SeiServer? documentServer, IReadOnlyDictionary<string, string> variables)
    {
        Url = url;
        DocumentServer = documentServer;
        Variables = variables;
    }

    /// <summary>Gets the absolute server URL calls are sent to.</summary>
    public Uri Url { get; }

    /// <summary>
    /// Gets the document's server whose origin this is, or <see langword="null"/> when the application
    /// picked an origin the document does not list (a test server, a gateway, a local proxy).
    /// </summary>
    public SeiServer? DocumentServer { get; }

    /// <summary>Gets a value indicating whether the URL is on one of the document's own servers.</summary>
    public bool IsDocumentServer => DocumentServer is not null;

    /// <summary>Gets the value of each of the document server's variables, as used or as matched.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>Gets the origin: scheme, host and port.</summary>
    public string Origin => Url.GetLeftPart(UriPartial.Authority);

    /// <inheritdoc/>
    public override string ToString() => Url + (IsDocumentServer ? " (a server of the API document)" : " (an origin the API document does not list)");
}
