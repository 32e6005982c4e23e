using System;
using System.Threading;
using System.Threading.Tasks;

namespace Sei.Client.Authentication;

/// <summary>
/// Adds a bearer token from the application's own source (an end user's token from the
/// authorization-code or password grant) to requests to the API's host; after a 401 it asks the
/// source once more, so a source that refreshes expired tokens recovers the call.
/// </summary>
public sealed class SeiAccessTokenHandler : SeiBearerHandler
{
    private readonly Func<CancellationToken, Task<string>> _source;

    /// <summary>Initializes a new instance of the <see cref="SeiAccessTokenHandler"/> class.</summary>
    /// <param name="source">Returns a valid access token, refreshing it when needed.</param>
    /// <param name="apiServer">Gives the API's server; requests to any other host get no token.</param>
    public SeiAccessTokenHandler(Func<CancellationToken, Task<string>> source, Func<Uri> apiServer)
        : base(apiServer)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
    }

    /// <inheritdoc/>
    protected override Task<string> GetTokenAsync(Uri server, string? rejected, CancellationToken cancellationToken) => _source(cancellationToken);
}
