using Sei.Client.Http;
using Sei.Client.Json;

namespace Sei.Client;

// Following HATEOAS links: by relation or by href, and only to the API's own server, so that
// credentials and tracking stay with the API.
public abstract partial class SeiClientBase
{
    /// <summary>
    /// Gets the GET operations of the API, by path template and response type: <see cref="FollowAsync(IEnumerable{ISeiLink}, string, CancellationToken)"/>
    /// reads a link's target as the operation its path matches. Generated clients list theirs.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual IReadOnlyList<SeiRoute> LinkRoutes => Array.Empty<SeiRoute>();

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
    public Task<SeiResponse<T>> FollowAsync<T>(IEnumerable<ISeiLink>? links, string rel, CancellationToken cancellationToken = default)
        => FollowLinkAsync(links, rel, SeiJsonReaders.For<T>(), cancellationToken);

    /// <summary>Follows an href (a GET, absolute or relative to the API's server) and reads the response as T, a type of this API or JsonElement.</summary>
    /// <typeparam name="T">The type the linked resource reads into.</typeparam>
    /// <param name="href">The URL, such as a resource's <c>Href</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The linked resource and the request's tracking ID.</returns>
    /// <exception cref="SeiLinkException">The href is not a URL, or it leads to another host.</exception>
    public Task<SeiResponse<T>> FollowAsync<T>(string href, CancellationToken cancellationToken = default)
        => FollowHrefAsync(href, null, SeiJsonReaders.For<T>(), cancellationToken);

    /// <summary>
    /// Follows the link with the given relation and reads the response as the GET operation of this API
    /// that its path matches; pattern-match the value on the type you expect.
    /// </summary>
    /// <param name="links">The links, such as a resource's <c>Links</c>.</param>
    /// <param name="rel">The relation to follow.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The linked resource, typed as that operation returns it, and the request's tracking ID.</returns>
    /// <exception cref="SeiLinkException">No link has the relation, it leads to another host, or its path matches no GET operation of this API.</exception>
    public Task<SeiResponse<object>> FollowAsync(IEnumerable<ISeiLink>? links, string rel, CancellationToken cancellationToken = default)
    {
        var href = FindLink(links, rel);
        var route = SeiRoute.Match(ResolveLink(href, rel).AbsolutePath, LinkRoutes)
            ?? throw new SeiLinkException(rel, href, "The link '" + rel + "' leads to " + href + ", which matches no GET operation of this API; call FollowAsync<T> and name the type it returns.");
        return FollowHrefAsync(href, rel, SeiJsonReaders.For(route.ResponseType), cancellationToken);
    }
#pragma warning restore RS0026

    /// <summary>
    /// Follows the link with the given relation: a GET of its <c>href</c> (absolute, or relative to the
    /// API's server), read with <paramref name="read"/>. Links to another host are refused, so that
    /// credentials and tracking stay with the API.
    /// </summary>
    /// <typeparam name="T">The type the response reads into.</typeparam>
    /// <param name="links">The links, such as a resource's <c>links</c> array.</param>
    /// <param name="rel">The relation to follow.</param>
    /// <param name="read">Reads the response.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The typed response.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<SeiResponse<T>> FollowLinkAsync<T>(IEnumerable<ISeiLink>? links, string rel, SeiJsonReadFunc<T> read, CancellationToken cancellationToken)
        => FollowHrefAsync(FindLink(links, rel), rel, read, cancellationToken);

    /// <summary>Follows an <c>href</c>: a GET, read with <paramref name="read"/>; links to another host are refused.</summary>
    /// <typeparam name="T">The type the response reads into.</typeparam>
    /// <param name="href">The URL, absolute or relative to the API's server.</param>
    /// <param name="rel">The relation it came from, for messages, or <see langword="null"/>.</param>
    /// <param name="read">Reads the response.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The typed response.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected async Task<SeiResponse<T>> FollowHrefAsync<T>(string href, string? rel, SeiJsonReadFunc<T> read, CancellationToken cancellationToken)
    {
        var target = ResolveLink(href, rel);
        var server = ServerUrl;
        var path = target.AbsolutePath;
        var prefix = server.AbsolutePath.TrimEnd('/');
        if (prefix.Length > 0 && path.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            // The request builder puts the server URL (with its path) in front again.
            path = path.Substring(prefix.Length);
        }

        var request = new SeiRequestBuilder(HttpMethod.Get, path + target.Query, "follow " + (rel ?? href));
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, request.OperationName, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the <c>href</c> of the link with the given relation, failing clearly when there is none.</summary>
    /// <param name="links">The links.</param>
    /// <param name="rel">The relation.</param>
    /// <returns>The link's URL.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static string FindLink(IEnumerable<ISeiLink>? links, string rel)
    {
        var all = links?.Where(l => l is not null).ToList() ?? new List<ISeiLink>();
        var link = all.FirstOrDefault(l => string.Equals(l.Rel, rel, StringComparison.OrdinalIgnoreCase));
        if (link is null)
        {
            var known = all.Count == 0 ? "there are no links" : "the links are: " + string.Join(", ", all.Select(l => l.Rel ?? "(no rel)"));
            throw new SeiLinkException(rel, null, $"No link has the relation '{rel}'; {known}.");
        }

        if (string.IsNullOrWhiteSpace(link.Href))
        {
            throw new SeiLinkException(rel, link.Href, $"The link '{rel}' has no href.");
        }

        return link.Href!;
    }

    /// <summary>Resolves a link against the API's server and refuses other hosts.</summary>
    /// <param name="href">The link's URL.</param>
    /// <param name="rel">The relation it came from, if any.</param>
    /// <returns>The absolute URL.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Uri ResolveLink(string href, string? rel)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(href, UriKind.RelativeOrAbsolute, out var parsed))
        {
            throw new SeiLinkException(rel, href, $"The link '{rel ?? href}' has an href that is not a URL: '{href}'.");
        }

        var server = ServerUrl;
        var target = parsed.IsAbsoluteUri ? parsed : new Uri(server, parsed);
        if (Uri.Compare(target, server, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new SeiLinkException(
                rel,
                href,
                $"The link '{rel ?? href}' leads to {target.GetLeftPart(UriPartial.Authority)}, not to the API's server {server.GetLeftPart(UriPartial.Authority)}; it was not followed, so that credentials are never sent to another host.");
        }

        return target;
    }
}
