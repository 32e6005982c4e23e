namespace Sei.Client;

/// <summary>
/// What a generated client knows of its API from the document: its servers (URL templates and the
/// SEI environment each serves), its security schemes with every OAuth 2.0 flow, and the security
/// each operation requires. With the options it resolves where calls and token requests go.
/// </summary>
/// <remarks>
/// The rules, in short: calls go to <see cref="SeiClientOptions.BaseAddress"/>, else the chosen
/// environment's server, else the HTTP client's base address, else the first server. OAuth 2.0
/// endpoints go where the application configured them; else, on a server of the document, where the
/// document maps that environment (a URL on one of its servers' hosts moves with the environment, a
/// template of the server's variables expands with them, a host of its own is used as it stands);
/// and on an origin the document does not list, the document's path is kept on that origin, so
/// credentials never go to a host the application did not choose.
/// </remarks>
public sealed partial class SeiApiDescription
{
    /// <summary>The port on which SEI serves calls authenticated with a client certificate (mutual TLS).</summary>
    public const int MutualTlsPort = 444;

    private static readonly IReadOnlyDictionary<string, SeiSecurity> NoOperationSecurity = new Dictionary<string, SeiSecurity>();

    private readonly SeiServer[] _servers;
    private readonly SeiSecurityScheme[] _schemes;

    /// <summary>Initializes a new instance of the <see cref="SeiApiDescription"/> class from everything the document says.</summary>
    /// <param name="servers">The document's servers, in its order; the first is the default.</param>
    /// <param name="securitySchemes">The document's security schemes.</param>
    /// <param name="security">The document's top-level security, or <see langword="null"/> when it says nothing.</param>
    /// <param name="operationSecurity">The operations whose security differs from <paramref name="security"/>, keyed by <see cref="OperationKey"/>.</param>
    public SeiApiDescription(IEnumerable<SeiServer> servers, IEnumerable<SeiSecurityScheme>? securitySchemes = null, SeiSecurity? security = null, IReadOnlyDictionary<string, SeiSecurity>? operationSecurity = null)
    {
        _servers = (servers ?? throw new ArgumentNullException(nameof(servers))).ToArray();
        _schemes = (securitySchemes ?? Enumerable.Empty<SeiSecurityScheme>()).ToArray();
        Security = security;
        OperationSecurity = operationSecurity ?? NoOperationSecurity;
    }

    /// <summary>Initializes a new instance of the <see cref="SeiApiDescription"/> class for a hand-written client: plain server URLs and one client-credentials token URL.</summary>
    /// <param name="defaultServerUrl">The default server (possibly relative).</param>
    /// <param name="environmentUrls">The server URL of each environment.</param>
    /// <param name="tokenUrl">The token URL of the OAuth 2.0 client-credentials flow, if any.</param>
    public SeiApiDescription(string defaultServerUrl, IReadOnlyDictionary<SeiEnvironment, string>? environmentUrls, string? tokenUrl)
        : this(
            new[] { new SeiServer(defaultServerUrl ?? throw new ArgumentNullException(nameof(defaultServerUrl))) }
                .Concat((environmentUrls ?? new Dictionary<SeiEnvironment, string>()).Select(pair => new SeiServer(pair.Value, null, new[] { pair.Key }))),
            tokenUrl is null ? null : new[] { new SeiSecurityScheme("oauth2", SeiSecuritySchemeKind.OAuth2, new SeiOAuthFlow(SeiOAuthFlowKind.ClientCredentials, tokenUrl)) })
    {
    }

    /// <summary>Gets the document's servers; the first is the default.</summary>
    public IReadOnlyList<SeiServer> Servers => _servers;

    /// <summary>Gets the document's security schemes.</summary>
    public IReadOnlyList<SeiSecurityScheme> SecuritySchemes => _schemes;

    /// <summary>Gets the document's top-level security, or <see langword="null"/> when it says nothing (then calls carry the configured credentials).</summary>
    public SeiSecurity? Security { get; }

    /// <summary>Gets the security of each operation whose security differs from <see cref="Security"/>, keyed by <see cref="OperationKey"/>.</summary>
    public IReadOnlyDictionary<string, SeiSecurity> OperationSecurity { get; }

    /// <summary>The key of an operation in <see cref="OperationSecurity"/>: the method, upper case, a space, and the path template.</summary>
    /// <param name="httpMethod">The HTTP method.</param>
    /// <param name="pathTemplate">The path template, such as <c>/v1/accounts/{accountId}</c>.</param>
    /// <returns>The key, such as <c>GET /v1/accounts/{accountId}</c>.</returns>
    public static string OperationKey(string httpMethod, string pathTemplate)
        => (httpMethod ?? throw new ArgumentNullException(nameof(httpMethod))).ToUpperInvariant() + " " + pathTemplate;

    /// <summary>Returns the security an operation requires: its own, else the document's.</summary>
    /// <param name="httpMethod">The HTTP method.</param>
    /// <param name="pathTemplate">The path template.</param>
    /// <returns>The security, or <see langword="null"/> when the document says nothing.</returns>
    public SeiSecurity? SecurityOf(string httpMethod, string pathTemplate)
        => OperationSecurity.TryGetValue(OperationKey(httpMethod, pathTemplate), out var own) ? own : Security;

    /// <summary>Returns the security scheme of the given name, if the document declares it.</summary>
    /// <param name="name">The scheme's name.</param>
    /// <returns>The scheme, or <see langword="null"/>.</returns>
    public SeiSecurityScheme? FindScheme(string name) => _schemes.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>Where calls go: the server URL alone.</summary>
    /// <param name="options">The client's options.</param>
    /// <param name="httpClientBaseAddress">The HTTP client's base address, if any.</param>
    /// <returns>The absolute server URL.</returns>
    public Uri ResolveServerUrl(SeiClientOptions options, Uri? httpClientBaseAddress) => ResolveServer(options, httpClientBaseAddress).Url;

    /// <summary>
    /// Where calls go: <see cref="SeiClientOptions.BaseAddress"/>, else the chosen environment's server,
    /// else the HTTP client's base address, else the document's first server; with the document's
    /// server variables filled in, and on port 444 when <see cref="SeiClientOptions.UseMutualTlsPort"/> is set.
    /// </summary>
    /// <param name="options">The client's options.</param>
    /// <param name="httpClientBaseAddress">The HTTP client's base address, if any.</param>
    /// <returns>The server, and whether it is one of the document's.</returns>
    /// <exception cref="InvalidOperationException">The options ask for something the document does not have; the message says what to set.</exception>
    public SeiResolvedServer ResolveServer(SeiClientOptions options, Uri? httpClientBaseAddress)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        CheckServerVariableNames(options);
        if (options.BaseAddress is { } configured)
        {
            return FromConfiguredAddress(configured, options, nameof(SeiClientOptions) + "." + nameof(SeiClientOptions.BaseAddress));
        }

        if (options.Environment != SeiEnvironment.Default)
        {
            var server = _servers.FirstOrDefault(s => s.Environments.Contains(options.Environment))
                ?? throw new InvalidOperationException(NoEnvironmentMessage(options.Environment));
            return FromDocumentServer(server, options.Environment, options);
        }

        if (httpClientBaseAddress is not null)
        {
            return FromConfiguredAddress(httpClientBaseAddress, options, "HttpClient.BaseAddress");
        }

        if (_servers.Length == 0)
        {
            throw new InvalidOperationException(
                $"The API document lists no server. Set {nameof(SeiClientOptions)}.{nameof(SeiClientOptions.BaseAddress)} or HttpClient.BaseAddress to the server to call.");
        }

        return FromDocumentServer(_servers[0], null, options);
    }

    private SeiResolvedServer FromConfiguredAddress(Uri address, SeiClientOptions options, string setting)
    {
        if (!address.IsAbsoluteUri)
        {
            throw new InvalidOperationException($"{setting} must be an absolute URL; '{address}' is relative.");
        }

        foreach (var server in _servers)
        {
            if (server.TryMatchOrigin(address, out var values))
            {
                return new SeiResolvedServer(WithMutualTlsPort(address, options), server, values);
            }
        }

        return new SeiResolvedServer(WithMutualTlsPort(address, options), null, new Dictionary<string, string>());
    }

    private static SeiResolvedServer FromDocumentServer(SeiServer server, SeiEnvironment? environment, SeiClientOptions options)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in server.Variables)
        {
            values[variable.Name] = ValueOf(variable, environment, options);
        }

        var expanded = SeiServer.Expand(server.Url, values);
        // "/api" parses as an absolute file: URI on Unix, so only a URL with a scheme counts as absolute.
        if (expanded.IndexOf("://", StringComparison.Ordinal) <= 0 || !Uri.TryCreate(expanded, UriKind.Absolute, out var url))
        {
            throw new InvalidOperationException(
                $"The API document gives only a relative server URL ('{expanded}'). Set {nameof(SeiClientOptions)}.{nameof(SeiClientOptions.BaseAddress)} or HttpClient.BaseAddress to the server to call.");
        }

        // A port variable that allows 444 was set above; a template without one gets the port rewritten.
        var hasPortVariable = server.VariableFor(SeiServerVariableRole.MutualTlsPort) is not null;
        return new SeiResolvedServer(hasPortVariable ? url : WithMutualTlsPort(url, options), server, values);
    }

    private static string ValueOf(SeiServerVariable variable, SeiEnvironment? environment, SeiClientOptions options)
    {
        string? chosen = null;
        string? chosenBy = null;
        if (variable.Role == SeiServerVariableRole.Environment && environment is { } selected && variable.EnvironmentValues.TryGetValue(selected, out var environmentValue))
        {
            (chosen, chosenBy) = (environmentValue, $"{nameof(SeiClientOptions.Environment)} = {selected}");
        }

        if (variable.Role == SeiServerVariableRole.MutualTlsPort && options.UseMutualTlsPort)
        {
            (chosen, chosenBy) = (MutualTlsPort.ToString(CultureInfo.InvariantCulture), nameof(SeiClientOptions.UseMutualTlsPort));
        }

        if (options.ServerVariables.TryGetValue(variable.Name, out var configured))
        {
            if (chosen is not null && !string.Equals(chosen, configured, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"{nameof(SeiClientOptions.ServerVariables)}[\"{variable.Name}\"] is '{configured}', but {chosenBy} makes it '{chosen}'. Set one or the other.");
            }

            chosen = configured;
        }

        chosen ??= variable.Default;
        if (!variable.Allows(chosen))
        {
            throw new InvalidOperationException(
                $"The server variable '{variable.Name}' cannot be '{chosen}': the API document allows {string.Join(", ", variable.Values.Select(v => "'" + v + "'"))}.");
        }

        return chosen;
    }

    private void CheckServerVariableNames(SeiClientOptions options)
    {
        foreach (var name in options.ServerVariables.Keys)
        {
            if (!_servers.Any(s => s.Variables.Any(v => string.Equals(v.Name, name, StringComparison.Ordinal))))
            {
                var known = _servers.SelectMany(s => s.Variables).Select(v => v.Name).Distinct(StringComparer.Ordinal).ToList();
                throw new InvalidOperationException(
                    $"{nameof(SeiClientOptions)}.{nameof(SeiClientOptions.ServerVariables)} sets '{name}', which none of the API document's servers has (they have: {(known.Count == 0 ? "no variables" : string.Join(", ", known))}).");
            }
        }
    }

    private string NoEnvironmentMessage(SeiEnvironment environment)
    {
        var known = _servers.SelectMany(s => s.Environments).Distinct().OrderBy(e => e).ToList();
        var servers = _servers.Length == 0 ? "none" : string.Join("; ", _servers.Select(s => s.ToString()));
        return $"The API document lists no server for the {environment} environment (it lists: {(known.Count == 0 ? "none" : string.Join(", ", known))}; its servers: {servers}). "
            + $"A server whose description names several environments serves none of them unless a variable of its URL selects each. Set {nameof(SeiClientOptions)}.{nameof(SeiClientOptions.BaseAddress)} to that environment's URL.";
    }

    private static Uri WithMutualTlsPort(Uri url, SeiClientOptions options)
        => !options.UseMutualTlsPort || url.Port == MutualTlsPort ? url : new UriBuilder(url) { Port = MutualTlsPort }.Uri;
}
