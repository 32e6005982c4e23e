namespace Sei.Client;

/// <summary>
/// What every SEI client offers besides its operations: where its calls go and how it follows links.
/// Each generated client interface (<c>IAccountsClient</c>) extends it, so application code that
/// depends on the interface can follow links too, and a substitute in a test can answer them.
/// </summary>
public interface ISeiClient
{
    /// <summary>Gets the server URL requests go to.</summary>
    Uri ServerUrl { get; }

    // The FollowAsync overloads differ in their required parameters; each ends with the optional
    // cancellation token every asynchronous .NET method has, which is what RS0026 warns of.
#pragma warning disable RS0026
    /// <summary>Follows the link with the given relation (a GET of its href) and reads the response as T, a type of this API or JsonElement.</summary>
    /// <typeparam name="T">The type the linked resource reads into.</typeparam>
    /// <param name="links">The links, such as a resource's <c>Links</c>.</param>
    /// <param name="rel">The relation to follow.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The linked resource and the request's tracking ID.</returns>
    /// <exception cref="SeiLinkException">No link has the relation, or it leads to another host (credentials stay with the API).</exception>
    Task<SeiResponse<T>> FollowAsync<T>(IEnumerable<ISeiLink>? links, string rel, CancellationToken cancellationToken = default);

    /// <summary>Follows an href (a GET, absolute or relative to the API's server) and reads the response as T, a type of this API or JsonElement.</summary>
    /// <typeparam name="T">The type the linked resource reads into.</typeparam>
    /// <param name="href">The URL, such as a resource's <c>Href</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The linked resource and the request's tracking ID.</returns>
    /// <exception cref="SeiLinkException">The href is not a URL, or it leads to another host.</exception>
    Task<SeiResponse<T>> FollowAsync<T>(string href, CancellationToken cancellationToken = default);

    /// <summary>
    /// Follows the link with the given relation and reads the response as the GET operation of this API
    /// that its path matches; pattern-match the value on the type you expect.
    /// </summary>
    /// <param name="links">The links, such as a resource's <c>Links</c>.</param>
    /// <param name="rel">The relation to follow.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The linked resource, typed as that operation returns it, and the request's tracking ID.</returns>
    /// <exception cref="SeiLinkException">No link has the relation, it leads to another host, or its path matches no GET operation of this API.</exception>
    Task<SeiResponse<object>> FollowAsync(IEnumerable<ISeiLink>? links, string rel, CancellationToken cancellationToken = default);
#pragma warning restore RS0026
}
