using System;
using System.Threading;
using System.Threading.Tasks;

namespace Sei.Client.Authentication;

/// <summary>
/// Adds a client-credentials bearer token to requests to the API's host; on a 401 the token is
/// replaced and the request sent once more, so an expired token is recovered without the caller noticing.
/// </summary>
public sealed class SeiClientCredentialsHandler : SeiBearerHandler
{
    private readonly SeiTokenProvider _tokens;
    private readonly Func<Uri, Uri?> _tokenUrlFor;

    /// <summary>Initializes a new instance of the <see cref="SeiClientCredentialsHandler"/> class.</summary>
    /// <param name="tokens">The token provider (shared across handlers of one client).</param>
    /// <param name="apiServer">Gives the API's server; requests to any other host get no token.</param>
    /// <param name="tokenUrlFor">Gives the token URL for the API's server, or <see langword="null"/> when none is known.</param>
    public SeiClientCredentialsHandler(SeiTokenProvider tokens, Func<Uri> apiServer, Func<Uri, Uri?> tokenUrlFor)
        : base(apiServer)
    {
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _tokenUrlFor = tokenUrlFor ?? throw new ArgumentNullException(nameof(tokenUrlFor));
    }

    /// <inheritdoc/>
    protected override Task<string> GetTokenAsync(Uri server, string? rejected, CancellationToken cancellationToken)
    {
        var tokenUrl = _tokenUrlFor(server)
            ?? throw new InvalidOperationException("No OAuth token URL is known for this API: the document declares no client-credentials flow. Set SeiClientCredentials.TokenUrl.");
        return _tokens.GetTokenAsync(tokenUrl, SendPastAsync, rejected, cancellationToken);
    }
}
