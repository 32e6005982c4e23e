namespace Sei.Client;

/// <summary>
/// An application's OAuth 2.0 client credentials (SEI's app key and app secret), used with
/// <c>grant_type=client_credentials</c>. The pair is sent Base64-encoded as HTTP Basic credentials
/// (<c>base64(key:secret)</c>), which SEI requires; it is never logged.
/// </summary>
public sealed class SeiClientCredentials
{
    /// <summary>Initializes a new instance of the <see cref="SeiClientCredentials"/> class.</summary>
    /// <param name="appKey">The application's consumer key.</param>
    /// <param name="appSecret">The application's consumer secret.</param>
    public SeiClientCredentials(string appKey, string appSecret)
    {
        AppKey = string.IsNullOrEmpty(appKey) ? throw new ArgumentException("The app key is empty; take it from the application's page on the SEI developer portal.", nameof(appKey)) : appKey;
        AppSecret = string.IsNullOrEmpty(appSecret) ? throw new ArgumentException("The app secret is empty; take it from the application's page on the SEI developer portal.", nameof(appSecret)) : appSecret;
    }

    /// <summary>Gets the application's consumer key.</summary>
    public string AppKey { get; }

    /// <summary>Gets the application's consumer secret.</summary>
    public string AppSecret { get; }

    /// <summary>
    /// Gets or sets the scopes to ask for on every token request, separated by spaces. When
    /// <see langword="null"/>, each operation's token is asked for with the scopes the document says
    /// that operation requires (none for an operation that names none), and tokens are kept per scope set.
    /// </summary>
    public string? Scope { get; set; }

    /// <summary>
    /// Gets or sets the token URL, overriding the one the API document gives. Set it when the token
    /// endpoint of the environment you call is on a host the document does not map to it (see
    /// <see cref="SeiApiDescription"/>'s remarks): credentials go to it and nowhere else.
    /// </summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>Gets or sets how long before its expiry a token is replaced, so no call goes out with a token about to lapse.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the HTTP Basic credentials for the token request: <c>base64(key:secret)</c>.</summary>
    /// <returns>The Base64 text.</returns>
    public string ToBasicCredentials() => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(AppKey + ":" + AppSecret));

    /// <inheritdoc/>
    public override string ToString() => "SeiClientCredentials(" + AppKey + ", secret hidden)";
}
