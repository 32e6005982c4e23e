using System.Net.Http.Headers;

namespace Sei.Client;

/// <summary>
/// The OAuth 2.0 token endpoint refused to issue a token, or answered with something that is not one.
/// It is a <see cref="SeiApiException"/>, so the <c>catch</c> that handles other SEI errors handles it
/// too, with the token endpoint's status, <see cref="SeiApiException.Code"/> (the SEI envelope's
/// <c>code</c>, else the OAuth <c>error</c>), <see cref="SeiApiException.ServerMessage"/>,
/// <see cref="SeiApiException.Transient"/> and <see cref="SeiException.TrackingId"/>. Its message and
/// <see cref="SeiApiException.RawBody"/> never hold what the request carried (secret, password, code,
/// refresh token), even when the endpoint echoed it.
/// </summary>
public sealed class SeiAuthenticationException : SeiApiException
{
    /// <summary>Initializes a new instance of the <see cref="SeiAuthenticationException"/> class.</summary>
    /// <param name="tokenUrl">The token endpoint.</param>
    /// <param name="grantType">The grant that was asked for (such as <c>client_credentials</c>).</param>
    /// <param name="statusCode">The token endpoint's status code.</param>
    /// <param name="error">The OAuth 2.0 <c>error</c> code, if the body had one.</param>
    /// <param name="message">What went wrong and what to check.</param>
    /// <param name="envelope">The SEI error envelope read from the body, its code and message filled from the OAuth fields when it had none.</param>
    /// <param name="headerTrackingId">The tracking ID from the response header, if any.</param>
    /// <param name="headers">The token response's headers.</param>
    /// <param name="rawBody">The body as text, without the secrets the request carried.</param>
    public SeiAuthenticationException(Uri tokenUrl, string grantType, HttpStatusCode statusCode, string? error, string message, SeiErrorEnvelope envelope, string? headerTrackingId, HttpResponseHeaders? headers, string rawBody)
        : base(message, "token request (" + grantType + ")", statusCode, envelope, headerTrackingId, headers, rawBody)
    {
        TokenUrl = tokenUrl ?? throw new ArgumentNullException(nameof(tokenUrl));
        GrantType = grantType;
        Error = error;
    }

    /// <summary>Gets the token endpoint.</summary>
    public Uri TokenUrl { get; }

    /// <summary>Gets the grant that was asked for: <c>client_credentials</c>, <c>authorization_code</c>, <c>refresh_token</c> or <c>password</c>.</summary>
    public string GrantType { get; }

    /// <summary>Gets the OAuth 2.0 <c>error</c> code (such as <c>invalid_client</c>), if the body had one.</summary>
    public string? Error { get; }
}
