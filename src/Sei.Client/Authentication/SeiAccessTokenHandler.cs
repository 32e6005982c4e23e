namespace Sei.Client.Authentication;

/// <summary>
/// Adds a bearer token from the application's own source (an end user's token from the
/// authorization-code or password grant) to requests to the API's server whose operation asks for
/// one; after a 401 it asks the source once more, so a source that refreshes expired tokens recovers the call.
/// </summary>
public sealed class SeiAccessTokenHandler : SeiBearerHandler
{
    private readonly Func<CancellationToken, Task<string>> _source;

    /// <summary>Initializes a new instance of the <see cref="SeiAccessTokenHandler"/> class.</summary>
    /// <param name="source">Returns a valid access token, refreshing it when needed.</param>
    /// <param name="api">What the API document says of servers and operations' security.</param>
    /// <param name="options">The client's options.</param>
    public SeiAccessTokenHandler(Func<CancellationToken, Task<string>> source, SeiApiDescription api, SeiClientOptions options)
        : base(api, options)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
    }

    /// <inheritdoc/>
    protected override Task<string> GetTokenAsync(SeiTokenDemand demand, string? rejected, CancellationToken cancellationToken) => _source(cancellationToken);
}
