using System;
using System.Net;

namespace Sei.Client;

/// <summary>The OAuth 2.0 token endpoint refused to issue a token, or answered with something that is not one.</summary>
public sealed class SeiAuthenticationException : SeiException
{
    /// <summary>Initializes a new instance of the <see cref="SeiAuthenticationException"/> class.</summary>
    /// <param name="tokenUrl">The token endpoint.</param>
    /// <param name="statusCode">The token endpoint's status code.</param>
    /// <param name="error">The OAuth 2.0 <c>error</c> code, if the body had one.</param>
    /// <param name="message">What went wrong and what to check.</param>
    /// <param name="trackingId">The tracking ID of the token response, if any.</param>
    public SeiAuthenticationException(Uri tokenUrl, HttpStatusCode statusCode, string? error, string message, string? trackingId)
        : base(message, trackingId, null)
    {
        TokenUrl = tokenUrl;
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>Gets the token endpoint.</summary>
    public Uri TokenUrl { get; }

    /// <summary>Gets the token endpoint's status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the OAuth 2.0 <c>error</c> code (such as <c>invalid_client</c>), if the body had one.</summary>
    public string? Error { get; }
}
