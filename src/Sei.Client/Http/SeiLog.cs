using Microsoft.Extensions.Logging;

namespace Sei.Client.Http;

/// <summary>The log messages of the request pipeline, defined once so logging allocates nothing when disabled.</summary>
internal static class SeiLog
{
    private static readonly Action<ILogger, string, string, string, int, double, string, Exception?> ResponseReceived =
        LoggerMessage.Define<string, string, string, int, double, string>(
            LogLevel.Information,
            new EventId(1, "SeiResponse"),
            "{Operation} {Method} {PathTemplate} answered {StatusCode} in {ElapsedMilliseconds} ms; RequestTrackingId {TrackingId}");

    private static readonly Action<ILogger, string, string, string, int, double, Exception?> ResponseWithoutTrackingId =
        LoggerMessage.Define<string, string, string, int, double>(
            LogLevel.Warning,
            new EventId(2, "SeiResponseWithoutTrackingId"),
            "{Operation} {Method} {PathTemplate} answered {StatusCode} in {ElapsedMilliseconds} ms without a RequestTrackingId header");

    private static readonly Action<ILogger, string, string, string, Exception?> RequestFailed =
        LoggerMessage.Define<string, string, string>(
            LogLevel.Warning,
            new EventId(3, "SeiRequestFailed"),
            "{Operation} {Method} {PathTemplate} got no answer");

    private static readonly Action<ILogger, string, int, string, string, Exception?> RedirectFollowed =
        LoggerMessage.Define<string, int, string, string>(
            LogLevel.Information,
            new EventId(4, "SeiRedirect"),
            "{Operation} was redirected by {StatusCode} to {Target}; following it with {Method}");

    public static void Failed(ILogger logger, SeiRequestBuilder request, Exception exception)
        => RequestFailed(logger, request.OperationName, request.Method.Method, request.PathTemplate, exception);

    public static void Response(ILogger logger, SeiRequestBuilder request, int statusCode, TimeSpan elapsed, string? trackingId)
    {
        if (trackingId is null)
        {
            ResponseWithoutTrackingId(logger, request.OperationName, request.Method.Method, request.PathTemplate, statusCode, elapsed.TotalMilliseconds, null);
        }
        else
        {
            ResponseReceived(logger, request.OperationName, request.Method.Method, request.PathTemplate, statusCode, elapsed.TotalMilliseconds, trackingId, null);
        }
    }

    /// <summary>A redirect being followed; the target is shown without its query, which may hold a signature.</summary>
    public static void Redirected(ILogger logger, SeiRequestBuilder request, int statusCode, Uri target, string method)
        => RedirectFollowed(logger, request.OperationName, statusCode, SeiRedirect.Describe(target), method, null);
}
