namespace Sei.Client;

/// <summary>What an OAuth 2.0 token endpoint issued: the access token, and a refresh token when the grant gives one.</summary>
public sealed class SeiTokenSet
{
    /// <summary>Initializes a new instance of the <see cref="SeiTokenSet"/> class.</summary>
    /// <param name="accessToken">The access token.</param>
    /// <param name="refreshToken">The refresh token, if any.</param>
    /// <param name="expiresAt">When the access token expires.</param>
    /// <param name="scope">The granted scopes, if the endpoint said.</param>
    public SeiTokenSet(string accessToken, string? refreshToken, DateTimeOffset expiresAt, string? scope)
    {
        AccessToken = accessToken ?? throw new ArgumentNullException(nameof(accessToken));
        RefreshToken = refreshToken;
        ExpiresAt = expiresAt;
        Scope = scope;
    }

    /// <summary>Gets the access token.</summary>
    public string AccessToken { get; }

    /// <summary>Gets the refresh token, if the grant gives one.</summary>
    public string? RefreshToken { get; }

    /// <summary>Gets when the access token expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Gets the granted scopes, if the endpoint said.</summary>
    public string? Scope { get; }

    /// <inheritdoc/>
    public override string ToString() => "SeiTokenSet(expires " + ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + ", tokens hidden)";
}
