using System.Diagnostics;

namespace Sei.Client.Http;

/// <summary>
/// Traces each request as an <see cref="Activity"/> of the <c>Sei.Client</c> source, tagged with
/// the operation and, once the answer comes, the status and the RequestTrackingId, so traces carry
/// the ID SEI support asks for. Without a listener for the source, the tag goes on the caller's
/// current activity instead (for example the incoming ASP.NET Core request). Measures calls, retries,
/// token requests and pages with the instruments of the <c>Sei.Client</c> meter.
/// </summary>
public static class SeiTelemetry
{
    /// <summary>The name of the activity source; listen to it with OpenTelemetry's <c>AddSource("Sei.Client")</c>.</summary>
    public const string SourceName = "Sei.Client";

    /// <summary>The name of the meter; collect it with OpenTelemetry's <c>AddMeter("Sei.Client")</c>.</summary>
    public const string MeterName = "Sei.Client";

    /// <summary>
    /// The histogram of operation calls, in seconds, from the first request to the final response's headers
    /// (retries, token requests and redirects included), by <c>sei.operation</c>, <c>http.request.method</c>,
    /// <c>url.template</c>, <c>http.response.status_code</c>, <c>sei.error.code</c>, <c>error.type</c> and
    /// <c>server.address</c>. HttpClient's own <c>http.client.request.duration</c> measures each request of it.
    /// </summary>
    public const string OperationDurationInstrument = "sei.client.operation.duration";

    /// <summary>The counter of requests sent again under SEI's retry rules, by <c>sei.operation</c>, status and <c>error.type</c>.</summary>
    public const string RetriesInstrument = "sei.client.retries";

    /// <summary>The histogram of OAuth 2.0 token requests, in seconds, by <c>sei.oauth.grant_type</c>, <c>server.address</c>, status and <c>error.type</c>.</summary>
    public const string TokenRequestDurationInstrument = "sei.client.token_request.duration";

    /// <summary>The counter of pages read while walking a cursor-paged list (an operation's <c>…Async</c> over all pages), by <c>sei.operation</c>.</summary>
    public const string PagesInstrument = "sei.client.pages";

    /// <summary>The tag that carries the tracking ID.</summary>
    public const string TrackingIdTag = "sei.request_tracking_id";

    private static readonly ActivitySource Source = new(SourceName, typeof(SeiTelemetry).Assembly.GetName().Version?.ToString());

    internal static Activity? StartRequest(SeiRequestBuilder request)
    {
        var activity = Source.StartActivity(request.OperationName, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.template", request.PathTemplate);
            activity.SetTag("sei.operation", request.OperationName);
        }

        return activity;
    }

    internal static void Completed(Activity? activity, int statusCode, string? trackingId)
    {
        var target = activity ?? Activity.Current;
        if (target is null)
        {
            return;
        }

        target.SetTag(TrackingIdTag, trackingId);
        if (activity is not null)
        {
            activity.SetTag("http.response.status_code", statusCode);
            if (statusCode >= 400)
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }
    }
}
