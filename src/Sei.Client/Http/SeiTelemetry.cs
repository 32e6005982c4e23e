using System.Diagnostics;

namespace Sei.Client.Http;

/// <summary>
/// Traces each request as an <see cref="Activity"/> of the <c>Sei.Client</c> source, tagged with
/// the operation and, once the answer comes, the status and the RequestTrackingId, so traces carry
/// the ID SEI support asks for. Without a listener for the source, the tag goes on the caller's
/// current activity instead (for example the incoming ASP.NET Core request).
/// </summary>
public static class SeiTelemetry
{
    /// <summary>The name of the activity source; listen to it with OpenTelemetry's <c>AddSource("Sei.Client")</c>.</summary>
    public const string SourceName = "Sei.Client";

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
