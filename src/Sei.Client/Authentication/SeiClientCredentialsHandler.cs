namespace Sei.Client.Authentication;

/// <summary>
/// Adds a client-credentials bearer token to requests to the API's server whose operation asks for
/// one, with the scopes it requires; on a 401 the token is replaced and the request sent once more,
/// so an expired token is recovered without the caller noticing.
/// </summary>
public sealed class SeiClientCredentialsHandler : SeiBearerHandler
{
    private readonly SeiTokenProvider _tokens;

    /// <summary>Initializes a new instance of the <see cref="SeiClientCredentialsHandler"/> class.</summary>
    /// <param name="tokens">The token provider (shared across handlers of one client).</param>
    /// <param name="api">What the API document says of servers, token URLs and operations' security.</param>
    /// <param name="options">The client's options, with the credentials and any token URL of the application's.</param>
    public SeiClientCredentialsHandler(SeiTokenProvider tokens, SeiApiDescription api, SeiClientOptions options)
        : base(api, options)
    {
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
    }

    /// <inheritdoc/>
    protected override bool UsesClientCredentials => true;

    /// <inheritdoc/>
    protected override async Task<string> GetTokenAsync(SeiTokenDemand demand, string? rejected, CancellationToken cancellationToken)
    {
        if (demand is null)
        {
            throw new ArgumentNullException(nameof(demand));
        }

        var endpoint = Api.ResolveTokenEndpoint(demand.Server, Options, demand.Scheme)
            ?? throw new InvalidOperationException(
                "No OAuth 2.0 token URL is known for this API: the document declares no client-credentials flow"
                + (demand.Scheme is null ? string.Empty : " for the scheme '" + demand.Scheme.Name + "'")
                + ". Set SeiClientCredentials.TokenUrl.");

        // Until the token comes, a timeout is the token endpoint's, and the error must say so.
        demand.Request?.WaitingForToken(endpoint.Url);
        var token = await _tokens.GetTokenAsync(endpoint, demand.Scopes, SendPastAsync, rejected, cancellationToken).ConfigureAwait(false);
        demand.Request?.WaitingForToken(null);
        return token;
    }
}
