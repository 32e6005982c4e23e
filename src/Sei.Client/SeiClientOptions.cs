namespace Sei.Client;

/// <summary>Settings shared by every generated SEI client.</summary>
public class SeiClientOptions
{
    /// <summary>The header in which SEI returns the request's tracking ID.</summary>
    public const string DefaultTrackingIdHeaderName = "RequestTrackingId";

    /// <summary>The longest URL SEI accepts on a GET request.</summary>
    public const int DefaultMaxUrlLength = 2048;

    /// <summary>How many redirects one call follows unless told otherwise.</summary>
    public const int DefaultMaxRedirects = 5;

    /// <summary>
    /// Gets or sets the server URL. When <see langword="null"/>, the <see cref="System.Net.Http.HttpClient.BaseAddress"/>
    /// is used, and failing that the first server the document lists.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Gets or sets the SEI environment to call, whose URL comes from the API document's servers.
    /// <see cref="BaseAddress"/>, when set, wins over it.
    /// </summary>
    public SeiEnvironment Environment { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether calls go to port 444 of the environment's host, where
    /// SEI serves server-to-server calls with mutual TLS (a client certificate). When the document's
    /// server URL has a port variable that allows 444, that variable is set; otherwise the port is replaced.
    /// </summary>
    public bool UseMutualTlsPort { get; set; }

    /// <summary>
    /// Gets the values of the document's server variables (<c>https://{region}.api.example.com</c>) by
    /// name, other than the environment and port variables, which <see cref="Environment"/> and
    /// <see cref="UseMutualTlsPort"/> set. A value the document does not allow, or a name no server
    /// has, fails with a message when the server URL is resolved. The generated client's
    /// <c>ServerVariables</c> members give the allowed values, typed; configuration binds
    /// <c>ServerVariables:name</c>.
    /// </summary>
    public System.Collections.Generic.IDictionary<string, string> ServerVariables { get; } = new System.Collections.Generic.Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the name of the response header that carries the tracking ID (matched case-insensitively).</summary>
    public string TrackingIdHeaderName { get; set; } = DefaultTrackingIdHeaderName;

    /// <summary>Gets or sets the longest URL a GET request may have; longer ones fail before they are sent.</summary>
    public int MaxUrlLength { get; set; } = DefaultMaxUrlLength;

    /// <summary>The time a call may take unless <see cref="Timeout"/> says otherwise: 100 seconds, as <see cref="System.Net.Http.HttpClient"/>'s own default.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    private TimeSpan _timeout = DefaultTimeout;

    /// <summary>
    /// Gets or sets how long a call may take in all before it fails with <see cref="SeiTimeoutException"/>:
    /// every attempt, the waits between retries and any token request it needs, together. It bounds what
    /// the caller waits, whatever the retries do; a retry whose <c>Retry-After</c> wait would end past it
    /// is not attempted, so the server's answer (such as 429 with its <c>Retry-After</c>) is what the caller gets.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> leaves the bound to the caller's cancellation token.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than infinite).</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        set => _timeout = value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The timeout must be positive, or Timeout.InfiniteTimeSpan for none.");
    }

    /// <summary>
    /// Gets the names of the headers whose values the HTTP logs of a registered client may show
    /// (compared case-insensitively); every other value shows as <c>*</c>. The tracking-ID header
    /// (<see cref="TrackingIdHeaderName"/>) is always shown. Credentials (<c>Authorization</c>,
    /// <c>Proxy-Authorization</c>, <c>Cookie</c>, <c>Set-Cookie</c>) are never shown, even when named
    /// here, and neither is a header the application sends an API key in unless it is named here.
    /// </summary>
    public ISet<string> LoggedHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Accept", "Content-Type", "Content-Length", "Retry-After" };

    /// <summary>
    /// Gets or sets how many redirects (301, 302, 303, 307, 308) one call follows, 5 by default; 0 follows none.
    /// The client follows them itself rather than the HTTP handler, so that parameters, cookies and the token
    /// go only to the API's own origin, never from HTTPS to HTTP, and each step is logged.
    /// </summary>
    public int MaxRedirects { get; set; } = DefaultMaxRedirects;

    /// <summary>Gets the retry settings used by clients registered with dependency injection.</summary>
    public SeiRetryOptions Retry { get; } = new();

    /// <summary>
    /// Gets or sets the identity certificate presented for two-way (mutual) TLS, with its private key;
    /// load it with <see cref="SeiCertificates"/>. Combine with <see cref="UseMutualTlsPort"/>.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? ClientCertificate { get; set; }

    /// <summary>
    /// Gets or sets where an end user's access token comes from (the authorization-code or password
    /// grant, see <see cref="Authentication.SeiAuthorizationCodeFlow"/>); used when no
    /// <see cref="ClientCredentials"/> are set. It should refresh the token when it has expired.
    /// </summary>
    public System.Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<string>>? AccessTokenSource { get; set; }

    /// <summary>
    /// Gets the private certificate authorities whose server certificates are trusted besides the
    /// platform's (for test environments on a private PKI). Host names are still checked, and
    /// validation is never switched off.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2Collection TrustedCertificateAuthorities { get; } = new();

    /// <summary>Gets or sets the OAuth 2.0 client credentials; when set, every call carries a bearer token obtained with them.</summary>
    public SeiClientCredentials? ClientCredentials { get; set; }

    /// <summary>Sets a server variable, from the generated client's <c>ServerVariables</c> members.</summary>
    /// <param name="value">The variable and its value.</param>
    /// <returns>These options, for chaining.</returns>
    public SeiClientOptions SetServerVariable(SeiServerVariableValue value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        ServerVariables[value.Name] = value.Value;
        return this;
    }

    /// <summary>Uses OAuth 2.0 client credentials (SEI's app key and secret) for every call.</summary>
    /// <param name="appKey">The application's consumer key.</param>
    /// <param name="appSecret">The application's consumer secret.</param>
    /// <param name="scope">
    /// The scopes to ask for on every token request, separated by spaces; <see langword="null"/> asks,
    /// for each operation, for the scopes the document says it requires.
    /// </param>
    /// <returns>These options, for chaining.</returns>
    public SeiClientOptions UseClientCredentials(string appKey, string appSecret, string? scope = null)
    {
        ClientCredentials = new SeiClientCredentials(appKey, appSecret) { Scope = scope };
        return this;
    }
}
