using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sei.Client.Http;

/// <summary>
/// The instruments of the <c>Sei.Client</c> meter (see <see cref="SeiTelemetry"/> for their names).
/// Attribute names follow OpenTelemetry's HTTP client conventions where one applies
/// (<c>http.request.method</c>, <c>http.response.status_code</c>, <c>error.type</c>, <c>server.address</c>,
/// <c>url.template</c>); what only SEI has is under <c>sei.</c>. Every value is of low cardinality:
/// operation names and path templates, never URLs, IDs or credentials.
/// </summary>
internal static class SeiMetrics
{
    private static readonly Meter Meter = new(SeiTelemetry.MeterName, typeof(SeiMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        SeiTelemetry.OperationDurationInstrument,
        "s",
        "How long an SEI operation took, from the first request to the final response's headers: retries, token requests and redirects included.");

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        SeiTelemetry.RetriesInstrument,
        "{retry}",
        "Requests sent again under SEI's retry rules (transient errors, 429 and 503 with Retry-After).");

    private static readonly Histogram<double> TokenRequestDuration = Meter.CreateHistogram<double>(
        SeiTelemetry.TokenRequestDurationInstrument,
        "s",
        "How long an OAuth 2.0 token request took; the count of its measurements is the count of token requests.");

    private static readonly Counter<long> Pages = Meter.CreateCounter<long>(
        SeiTelemetry.PagesInstrument,
        "{page}",
        "Pages read while walking a cursor-paged list.");

    /// <summary>The time since a <see cref="Stopwatch.GetTimestamp"/>, in seconds.</summary>
    public static double SecondsSince(long started) => (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;

    /// <summary>Records one call of an operation, however it ended.</summary>
    /// <param name="request">The operation's request.</param>
    /// <param name="server">The server it went to, or <see langword="null"/> when it was refused before one was chosen.</param>
    /// <param name="started">When the call started (<see cref="Stopwatch.GetTimestamp"/>).</param>
    /// <param name="status">The final status, when a response came.</param>
    /// <param name="failure">What ended the call, when it did not succeed.</param>
    public static void Operation(SeiRequestBuilder request, Uri? server, long started, int? status, Exception? failure)
    {
        if (!OperationDuration.Enabled)
        {
            return;
        }

        // A refusal ends in an exception that carries the response's status; it is the call's status too.
        status ??= StatusOf(failure);

        var tags = new TagList
        {
            { "sei.operation", request.OperationName },
            { "http.request.method", request.Method.Method },
            { "url.template", request.PathTemplate },
        };
        AddServer(ref tags, server);
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
        }

        if (failure is SeiApiException { Code: { Length: > 0 } errorCode })
        {
            tags.Add("sei.error.code", errorCode);
        }

        if (ErrorType(status, failure) is { } errorType)
        {
            tags.Add("error.type", errorType);
        }

        OperationDuration.Record(SecondsSince(started), tags);
    }

    /// <summary>Records a retry of a request a generated client sent (or of any request through the retry handler).</summary>
    /// <param name="request">The request that is sent again.</param>
    /// <param name="status">The status of the answer that is retried, when there was one.</param>
    /// <param name="failure">The exception that is retried, when there was no answer.</param>
    public static void Retry(HttpRequestMessage? request, int? status, Exception? failure)
    {
        if (!Retries.Enabled)
        {
            return;
        }

        var tags = new TagList();
        if (request is not null)
        {
            tags.Add("http.request.method", request.Method.Method);
            if (SeiRequestContext.Get(request) is { } context)
            {
                tags.Add("sei.operation", context.OperationName);
            }

            AddServer(ref tags, request.RequestUri);
        }

        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
        }

        if (ErrorType(status, failure) is { } errorType)
        {
            tags.Add("error.type", errorType);
        }

        Retries.Add(1, tags);
    }

    /// <summary>Records one OAuth 2.0 token request.</summary>
    /// <param name="grantType">The grant (<c>client_credentials</c>, <c>authorization_code</c>, ...).</param>
    /// <param name="endpoint">The token endpoint.</param>
    /// <param name="started">When the request started (<see cref="Stopwatch.GetTimestamp"/>).</param>
    /// <param name="status">The endpoint's status, when it answered.</param>
    /// <param name="failure">What ended the request, when it did not succeed.</param>
    public static void TokenRequest(string grantType, Uri endpoint, long started, int? status, Exception? failure)
    {
        if (!TokenRequestDuration.Enabled)
        {
            return;
        }

        status ??= StatusOf(failure);

        var tags = new TagList { { "sei.oauth.grant_type", grantType } };
        AddServer(ref tags, endpoint);
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
        }

        if (ErrorType(status, failure) is { } errorType)
        {
            tags.Add("error.type", errorType);
        }

        TokenRequestDuration.Record(SecondsSince(started), tags);
    }

    /// <summary>Records a page read while walking a paged list.</summary>
    /// <param name="operationName">The paged operation.</param>
    public static void Page(string operationName)
    {
        if (Pages.Enabled)
        {
            Pages.Add(1, new TagList { { "sei.operation", operationName } });
        }
    }

    /// <summary>The status of the response an exception refused, if it refused one.</summary>
    private static int? StatusOf(Exception? failure) => (failure as SeiApiException)?.StatusCode is { } code ? (int)code : null;

    /// <summary>
    /// OpenTelemetry's <c>error.type</c>: the status code of an error answer, else the exception's type
    /// (<c>Sei.Client.SeiTimeoutException</c>, <c>System.OperationCanceledException</c>, ...).
    /// </summary>
    private static string? ErrorType(int? status, Exception? failure)
        => status >= 400 ? status.Value.ToString(CultureInfo.InvariantCulture) : failure?.GetType().FullName;

    private static void AddServer(ref TagList tags, Uri? server)
    {
        if (server is { IsAbsoluteUri: true })
        {
            tags.Add("server.address", server.Host);
            tags.Add("server.port", server.Port);
            tags.Add("url.scheme", server.Scheme);
        }
    }
}
