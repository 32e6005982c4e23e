using System;
using System.Collections.Generic;

namespace Sei.Client;

/// <summary>
/// What a generated client knows of its API from the document: the default server, the server of
/// each SEI environment, and the OAuth 2.0 token URL. It resolves, with the options, where a call
/// and its token request go.
/// </summary>
public sealed class SeiApiDescription
{
    /// <summary>The port on which SEI serves calls authenticated with a client certificate (mutual TLS).</summary>
    public const int MutualTlsPort = 444;

    /// <summary>Initializes a new instance of the <see cref="SeiApiDescription"/> class.</summary>
    /// <param name="defaultServerUrl">The first server the document lists (possibly relative).</param>
    /// <param name="environmentUrls">The server URL of each environment the document lists.</param>
    /// <param name="tokenUrl">The token URL of the document's OAuth 2.0 client-credentials flow, if any.</param>
    public SeiApiDescription(string defaultServerUrl, IReadOnlyDictionary<SeiEnvironment, string>? environmentUrls, string? tokenUrl)
    {
        DefaultServerUrl = defaultServerUrl ?? throw new ArgumentNullException(nameof(defaultServerUrl));
        EnvironmentUrls = environmentUrls ?? new Dictionary<SeiEnvironment, string>();
        TokenUrl = tokenUrl;
    }

    /// <summary>Gets the first server the document lists.</summary>
    public string DefaultServerUrl { get; }

    /// <summary>Gets the server URL of each environment the document lists.</summary>
    public IReadOnlyDictionary<SeiEnvironment, string> EnvironmentUrls { get; }

    /// <summary>Gets the document's OAuth 2.0 token URL, if it has one.</summary>
    public string? TokenUrl { get; }

    /// <summary>
    /// Where calls go: <see cref="SeiClientOptions.BaseAddress"/>, else the chosen environment's server,
    /// else the HTTP client's base address, else the document's first server; on port 444 when
    /// <see cref="SeiClientOptions.UseMutualTlsPort"/> is set.
    /// </summary>
    /// <param name="options">The client's options.</param>
    /// <param name="httpClientBaseAddress">The HTTP client's base address, if any.</param>
    /// <returns>The absolute server URL.</returns>
    public Uri ResolveServerUrl(SeiClientOptions options, Uri? httpClientBaseAddress)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var url = options.BaseAddress ?? EnvironmentUrl(options) ?? httpClientBaseAddress ?? DefaultUrl();
        if (!options.UseMutualTlsPort || url.Port == MutualTlsPort)
        {
            return url;
        }

        return new UriBuilder(url) { Port = MutualTlsPort }.Uri;
    }

    /// <summary>
    /// Where token requests go: the configured token URL, else the document's, moved to the host of the
    /// server in use when the document's token URL is on one of its servers (each environment has its own).
    /// </summary>
    /// <param name="options">The client's options.</param>
    /// <param name="serverUrl">The server in use.</param>
    /// <returns>The absolute token URL, or <see langword="null"/> when none is known.</returns>
    public Uri? ResolveTokenUrl(SeiClientOptions options, Uri serverUrl)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (serverUrl is null)
        {
            throw new ArgumentNullException(nameof(serverUrl));
        }

        if (options.ClientCredentials?.TokenUrl is { } configured)
        {
            return configured;
        }

        if (TokenUrl is null)
        {
            return null;
        }

        var documented = new Uri(TokenUrl, UriKind.RelativeOrAbsolute);
        if (!documented.IsAbsoluteUri)
        {
            return new Uri(serverUrl, documented);
        }

        foreach (var server in KnownServers())
        {
            if (server.IsAbsoluteUri && string.Equals(server.Host, documented.Host, StringComparison.OrdinalIgnoreCase))
            {
                return new UriBuilder(documented) { Scheme = serverUrl.Scheme, Host = serverUrl.Host, Port = serverUrl.Port }.Uri;
            }
        }

        return documented;
    }

    private IEnumerable<Uri> KnownServers()
    {
        yield return new Uri(DefaultServerUrl, UriKind.RelativeOrAbsolute);
        foreach (var url in EnvironmentUrls.Values)
        {
            yield return new Uri(url, UriKind.RelativeOrAbsolute);
        }
    }

    private Uri? EnvironmentUrl(SeiClientOptions options)
    {
        if (options.Environment == SeiEnvironment.Default)
        {
            return null;
        }

        if (EnvironmentUrls.TryGetValue(options.Environment, out var url))
        {
            return new Uri(url, UriKind.Absolute);
        }

        var known = EnvironmentUrls.Count == 0 ? "none" : string.Join(", ", EnvironmentUrls.Keys);
        throw new InvalidOperationException(
            $"The API document lists no server for the {options.Environment} environment (it lists: {known}). Set {nameof(SeiClientOptions)}.{nameof(SeiClientOptions.BaseAddress)} to that environment's URL.");
    }

    private Uri DefaultUrl()
    {
        var url = new Uri(DefaultServerUrl, UriKind.RelativeOrAbsolute);
        if (url.IsAbsoluteUri)
        {
            return url;
        }

        throw new InvalidOperationException(
            $"The API document gives only a relative server URL ('{DefaultServerUrl}'). Set {nameof(SeiClientOptions)}.{nameof(SeiClientOptions.BaseAddress)} or HttpClient.BaseAddress to the server to call.");
    }
}
