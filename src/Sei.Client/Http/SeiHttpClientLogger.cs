using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Sei.Client.Http;

/// <summary>
/// Logs HTTP traffic for <c>IHttpClientFactory</c> in place of its own loggers, in the same categories
/// (<c>System.Net.Http.HttpClient.{name}.LogicalHandler</c> around the whole pipeline,
/// <c>….ClientHandler</c> around each exchange on the wire), with the same event IDs and messages,
/// so that log filters written for those keep working. What differs is what it never writes: the
/// factory's loggers put every header value into the entry's structured properties even where the
/// message shows <c>*</c> (Microsoft.Extensions.Http 9 and later), and log whole URLs and header values
/// by default in version 8. Here a URL loses its user information and its query values, a header's
/// value is written only for the headers the options name as loggable, and credentials never.
/// </summary>
internal sealed class SeiHttpClientLogger : IHttpClientLogger
{
    private static readonly Func<ILogger, string, string, IDisposable?> PipelineScope =
        LoggerMessage.DefineScope<string, string>("HTTP {HttpMethod} {Uri}");

    private static readonly Action<ILogger, string, string, Exception?> PipelineStart =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(100, "RequestPipelineStart"), "Start processing HTTP request {HttpMethod} {Uri}");

    private static readonly Action<ILogger, double, int, Exception?> PipelineEnd =
        LoggerMessage.Define<double, int>(LogLevel.Information, new EventId(101, "RequestPipelineEnd"), "End processing HTTP request after {ElapsedMilliseconds}ms - {StatusCode}");

    private static readonly Action<ILogger, double, Exception?> PipelineFailed =
        LoggerMessage.Define<double>(LogLevel.Information, new EventId(104, "RequestPipelineFailed"), "HTTP request failed after {ElapsedMilliseconds}ms");

    private static readonly Action<ILogger, string, string, Exception?> ExchangeStart =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(100, "RequestStart"), "Sending HTTP request {HttpMethod} {Uri}");

    private static readonly Action<ILogger, double, int, Exception?> ExchangeEnd =
        LoggerMessage.Define<double, int>(LogLevel.Information, new EventId(101, "RequestEnd"), "Received HTTP response headers after {ElapsedMilliseconds}ms - {StatusCode}");

    private static readonly Action<ILogger, double, Exception?> ExchangeFailed =
        LoggerMessage.Define<double>(LogLevel.Information, new EventId(104, "RequestFailed"), "HTTP request failed after {ElapsedMilliseconds}ms");

    private static readonly Action<ILogger, string, Exception?> RequestHeaders =
        LoggerMessage.Define<string>(LogLevel.Trace, new EventId(102, "RequestHeader"), "Request Headers:{Headers}");

    private static readonly Action<ILogger, string, Exception?> ResponseHeaders =
        LoggerMessage.Define<string>(LogLevel.Trace, new EventId(103, "ResponseHeader"), "Response Headers:{Headers}");

    private readonly ILogger _logger;
    private readonly bool _wholePipeline;
    private readonly ICollection<string> _loggableHeaders;

    /// <summary>Initializes a new instance of the <see cref="SeiHttpClientLogger"/> class.</summary>
    /// <param name="loggerFactory">Creates the logger of the category.</param>
    /// <param name="clientName">The HTTP client's name in the factory.</param>
    /// <param name="wholePipeline"><see langword="true"/> for the logger around every handler, <see langword="false"/> for the one around the network.</param>
    /// <param name="loggableHeaders">Names of headers whose values may be logged (case-insensitive); credentials never are.</param>
    public SeiHttpClientLogger(ILoggerFactory loggerFactory, string clientName, bool wholePipeline, ICollection<string> loggableHeaders)
    {
        _logger = loggerFactory.CreateLogger("System.Net.Http.HttpClient." + clientName + (wholePipeline ? ".LogicalHandler" : ".ClientHandler"));
        _wholePipeline = wholePipeline;
        _loggableHeaders = loggableHeaders;
    }

    /// <inheritdoc/>
    public object? LogRequestStart(HttpRequestMessage request)
    {
        var method = request.Method.Method;
        var url = SeiRedaction.Url(request.RequestUri);

        // Opened here and closed when the request ends, the scope covers what the handlers inside log
        // (retries, token requests), as the factory's own scope does; the logging handler restores the
        // caller's scopes when its call returns, since scopes live in the async flow.
        var scope = _wholePipeline ? PipelineScope(_logger, method, url) : null;
        (_wholePipeline ? PipelineStart : ExchangeStart)(_logger, method, url, null);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            var headers = request.Content is null ? request.Headers : request.Headers.Concat(request.Content.Headers);
            RequestHeaders(_logger, SeiRedaction.Headers(headers, _loggableHeaders), null);
        }

        return scope;
    }

    /// <inheritdoc/>
    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        (_wholePipeline ? PipelineEnd : ExchangeEnd)(_logger, elapsed.TotalMilliseconds, (int)response.StatusCode, null);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            var headers = response.Content is null ? response.Headers : response.Headers.Concat(response.Content.Headers);
            ResponseHeaders(_logger, SeiRedaction.Headers(headers, _loggableHeaders), null);
        }

        (context as IDisposable)?.Dispose();
    }

    /// <inheritdoc/>
    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        (_wholePipeline ? PipelineFailed : ExchangeFailed)(_logger, elapsed.TotalMilliseconds, exception);
        (context as IDisposable)?.Dispose();
    }
}
