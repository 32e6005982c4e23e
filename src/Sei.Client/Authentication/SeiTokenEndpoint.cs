using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sei.Client.Http;

namespace Sei.Client.Authentication;

/// <summary>Sends a token request to an OAuth 2.0 token endpoint and reads the answer, for every grant SEI uses.</summary>
public static class SeiTokenEndpoint
{
    /// <summary>Requests tokens from an endpoint the application gives.</summary>
    /// <param name="send">Sends the request (an <see cref="HttpClient"/>'s SendAsync, or the rest of a handler chain).</param>
    /// <param name="tokenUrl">The token endpoint.</param>
    /// <param name="fields">The form fields (<c>grant_type</c> and the grant's own).</param>
    /// <param name="basicCredentials">Base64 <c>key:secret</c> for HTTP Basic authentication, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tokens.</returns>
    /// <exception cref="SeiAuthenticationException">The endpoint refused, or answered with no access token; its message holds none of what the request carried.</exception>
    /// <exception cref="SeiTransportException">The endpoint could not be reached; the message names it.</exception>
    public static Task<SeiTokenSet> RequestAsync(
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
        Uri tokenUrl,
        IEnumerable<KeyValuePair<string, string>> fields,
        string? basicCredentials,
        CancellationToken cancellationToken)
        => RequestAsync(send, new SeiResolvedEndpoint(tokenUrl ?? throw new ArgumentNullException(nameof(tokenUrl)), SeiEndpointSource.Configured), fields, basicCredentials, null, cancellationToken);

    /// <summary>Requests tokens, first logging at Information where the request goes and why (never a secret).</summary>
    /// <param name="send">Sends the request (an <see cref="HttpClient"/>'s SendAsync, or the rest of a handler chain).</param>
    /// <param name="endpoint">The token endpoint, and why it is there.</param>
    /// <param name="fields">The form fields (<c>grant_type</c> and the grant's own).</param>
    /// <param name="basicCredentials">Base64 <c>key:secret</c> for HTTP Basic authentication, or <see langword="null"/>.</param>
    /// <param name="logger">Where the request is logged, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tokens.</returns>
    /// <exception cref="SeiAuthenticationException">The endpoint refused, or answered with no access token; its message holds none of what the request carried.</exception>
    /// <exception cref="SeiTransportException">The endpoint could not be reached; the message names it.</exception>
    public static async Task<SeiTokenSet> RequestAsync(
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
        SeiResolvedEndpoint endpoint,
        IEnumerable<KeyValuePair<string, string>> fields,
        string? basicCredentials,
        ILogger? logger,
        CancellationToken cancellationToken)
    {
        if (send is null)
        {
            throw new ArgumentNullException(nameof(send));
        }

        if (endpoint is null)
        {
            throw new ArgumentNullException(nameof(endpoint));
        }

        var form = (fields ?? throw new ArgumentNullException(nameof(fields))).ToList();
        var tokenUrl = endpoint.Url;
        SeiTokenLog.Requesting(
            logger ?? NullLogger.Instance,
            form.FirstOrDefault(f => f.Key == "grant_type").Value ?? "(none)",
            form.FirstOrDefault(f => f.Key == "scope").Value ?? string.Empty,
            endpoint);
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form) };
        if (basicCredentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basicCredentials);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var grantType = form.FirstOrDefault(f => f.Key == "grant_type").Value ?? "(none)";
        var started = Stopwatch.GetTimestamp();
        int? status = null;
        Exception? failure = null;
        try
        {
            var (tokens, answered) = await SendAsync(send, request, endpoint, form, basicCredentials, cancellationToken).ConfigureAwait(false);
            status = answered;
            return tokens;
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            SeiMetrics.TokenRequest(grantType, tokenUrl, started, status, failure);
        }
    }

    /// <summary>Sends a token request and reads its answer: the tokens, and the status they came with.</summary>
    private static async Task<(SeiTokenSet Tokens, int Status)> SendAsync(
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
        HttpRequestMessage request,
        SeiResolvedEndpoint endpoint,
        List<KeyValuePair<string, string>> form,
        string? basicCredentials,
        CancellationToken cancellationToken)
    {
        var tokenUrl = endpoint.Url;
        HttpResponseMessage sent;
        try
        {
            sent = await send(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new SeiTransportException(
                TokenRequestName,
                tokenUrl,
                $"The OAuth 2.0 token request to {endpoint.Display} ({SeiResolvedEndpoint.Describe(endpoint.Source)}) got no answer: {exception.Message} Check the token URL (set SeiClientCredentials.TokenUrl if the document's is wrong for this environment), the network path and, for mutual TLS, the client certificate.",
                exception);
        }

        using var response = sent;
        var body = response.Content is null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var trackingId = response.Headers.TryGetValues(SeiClientOptions.DefaultTrackingIdHeaderName, out var values) ? string.Join(",", values) : null;
        var answer = Parse(body);
        if (!response.IsSuccessStatusCode || answer.AccessToken is null)
        {
            throw Refused(endpoint, form, basicCredentials, response, body, answer.Error, answer.Description, answer.IsJson, trackingId);
        }

        var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn ?? 3600);
        return (new SeiTokenSet(answer.AccessToken, answer.RefreshToken, DateTimeOffset.UtcNow + lifetime, answer.Scope), (int)response.StatusCode);
    }

    /// <summary>The name token requests go by in transport errors and timeouts, in place of an operation's.</summary>
    internal const string TokenRequestName = "The OAuth 2.0 token request";

    /// <summary>
    /// The exception for a refused token request. Whatever the endpoint wrote back goes through
    /// <see cref="SeiRedaction.Scrub"/> first, because some endpoints echo what they were sent, and
    /// applications log this exception; a successful body without an access token is not kept at all.
    /// </summary>
    private static SeiAuthenticationException Refused(SeiResolvedEndpoint endpoint, List<KeyValuePair<string, string>> form, string? basicCredentials, HttpResponseMessage response, byte[] body, string? error, string? description, bool isJson, string? trackingId)
    {
        var secrets = Secrets(form, basicCredentials).ToList();
        string? Clean(string? text) => text is null ? null : SeiRedaction.Scrub(text, secrets);
        error = Clean(error);
        description = Clean(description);
        var success = response.IsSuccessStatusCode;
        var envelope = (success ? SeiErrorEnvelope.Empty : SeiErrorEnvelope.Parse(body)).Redacted(Clean).WithFallback(error, description);
        var rawBody = success ? string.Empty : SeiRedaction.Scrub(Encoding.UTF8.GetString(body), secrets.Concat(secrets.Select(secret => secret is null ? null : JsonEncodedText.Encode(secret).ToString())));
        var grantType = form.FirstOrDefault(field => field.Key == "grant_type").Value ?? "unknown grant";
        var mediaType = response.Content?.Headers.ContentType?.MediaType;
        var redirectedTo = response.Headers.Location is { } location ? SeiRedaction.Url(new Uri(endpoint.Url, location)) : null;
        var message = Explain(endpoint, response.StatusCode, error, description, isJson, mediaType, redirectedTo, trackingId ?? envelope.TrackingId);
        return new SeiAuthenticationException(endpoint.Url, grantType, response.StatusCode, error, message, envelope, trackingId, response.Headers, rawBody);
    }

    /// <summary>What a token request carried that must not be repeated anywhere: the Basic credentials (encoded and not), and every form value but the public ones.</summary>
    private static IEnumerable<string?> Secrets(List<KeyValuePair<string, string>> form, string? basicCredentials)
    {
        if (basicCredentials is not null)
        {
            yield return basicCredentials;
            string? pair = null;
            try
            {
                pair = Encoding.UTF8.GetString(Convert.FromBase64String(basicCredentials));
            }
            catch (FormatException)
            {
                // Not Base64: nothing more to take out than the value itself.
            }

            if (pair is not null)
            {
                yield return pair;
                yield return pair.Substring(pair.IndexOf(':') + 1);
            }
        }

        foreach (var field in form)
        {
            if (field.Key is not ("grant_type" or "scope" or "client_id" or "redirect_uri" or "username"))
            {
                yield return field.Value;
            }
        }
    }

    private static (string? AccessToken, string? RefreshToken, double? ExpiresIn, string? Scope, string? Error, string? Description, bool IsJson) Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null, null, null, null, true);
            }

            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            double? expires = null;
            if (root.TryGetProperty("expires_in", out var expiresIn))
            {
                expires = expiresIn.ValueKind == JsonValueKind.Number ? expiresIn.GetDouble()
                    : double.TryParse(expiresIn.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            }

            return (Text("access_token"), Text("refresh_token"), expires, Text("scope"), Text("error") ?? Text("code"), Text("error_description") ?? Text("message"), true);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string Explain(SeiResolvedEndpoint endpoint, HttpStatusCode status, string? error, string? description, bool isJson, string? mediaType, string? redirectedTo, string? trackingId)
    {
        var detail = error is null ? string.Empty : " (" + error + (description is null ? string.Empty : ": " + description) + ")";
        if (!isJson)
        {
            detail += $"; the answer was not JSON ({mediaType ?? "no content type"}), so this may not be an OAuth 2.0 token endpoint";
        }

        var advice = error switch
        {
            "invalid_grant" => "The authorization code, refresh token or user credentials were refused: codes are single-use and short-lived, refresh tokens can be revoked, and PKCE needs the same code_verifier that made the code_challenge.",
            "invalid_client" or "unauthorized_client" or null when status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized
                => "Check the app key and secret: they must be the current pair (regenerating them revokes the old one), belong to this environment, and are sent Base64-encoded as key:secret, which this client does for you.",
            _ when status == HttpStatusCode.NotFound => "No token endpoint answers there: check the environment and the token URL.",

            // Credentials are never sent on to where a token endpoint redirects: the user did not pick that host.
            _ when (int)status >= 300 && (int)status < 400
                => $"The endpoint redirected to {redirectedTo ?? "a URL it did not give"}, and the key and secret are not sent on to a redirect's target; if that is SEI's token endpoint for this environment, set SeiClientCredentials.TokenUrl (or the flow's token URL) to it.",
            _ when (int)status >= 200 && (int)status < 300 => "The answer had no access_token; check that the token URL is SEI's OAuth endpoint for this environment.",
            _ => "Check the environment, the token URL and the application's grants on the SEI developer portal.",
        };
        return $"The token endpoint {endpoint.Display} ({SeiResolvedEndpoint.Describe(endpoint.Source)}) refused to issue a token: HTTP {(int)status}{detail}. {advice} Tracking ID: {trackingId ?? "none"}.";
    }
}
