using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Sei.Client.Http;

namespace Sei.Client.Resilience;

/// <summary>
/// Retries what SEI says may be retried, on a Polly resilience pipeline: responses whose error
/// envelope says <c>transient</c>, and 429 or 503 with <c>Retry-After</c>, for requests that are
/// safe to resend. It waits as long as <c>Retry-After</c> asks (capped), else backs off exponentially.
/// </summary>
public sealed class SeiRetryHandler : DelegatingHandler
{
    private static readonly HttpMethod[] SafeMethods = { HttpMethod.Get, HttpMethod.Head, HttpMethod.Options, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Trace };

    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Sei.Request");

    private static readonly ResiliencePropertyKey<long> StartedKey = new("Sei.Started");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger _logger;
    private readonly TimeSpan _callTimeout;

    /// <summary>Initializes a new instance of the <see cref="SeiRetryHandler"/> class.</summary>
    /// <param name="options">When and how to retry.</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <param name="callTimeout">
    /// How long the whole call may take (<see cref="SeiClientOptions.Timeout"/>); a retry whose
    /// <c>Retry-After</c> wait would end past it is not attempted, so the caller gets the server's
    /// answer rather than a timeout. <see langword="null"/> for no bound.
    /// </param>
    public SeiRetryHandler(SeiRetryOptions options, ILogger? logger = null, TimeSpan? callTimeout = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _logger = logger ?? NullLogger.Instance;
        _callTimeout = callTimeout is { } bound && bound > TimeSpan.Zero ? bound : System.Threading.Timeout.InfiniteTimeSpan;
        _pipeline = options.Enabled && options.MaxRetryAttempts > 0
            ? new ResiliencePipelineBuilder<HttpResponseMessage>()
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.BaseDelay,
                    MaxDelay = options.MaxDelay,
                    ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context, options.MaxDelay),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, options.MaxDelay)),
                    OnRetry = args =>
                    {
                        SeiRetryLog.Retrying(_logger, args.AttemptNumber + 1, (int?)args.Outcome.Result?.StatusCode ?? 0, args.RetryDelay.TotalMilliseconds);
                        SeiMetrics.Retry(args.Context.Properties.TryGetValue(RequestKey, out var retried) ? retried : null, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception);

                        // The failed response is not returned to anyone, so it is released here.
                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                })
                .Build()
            : ResiliencePipeline<HttpResponseMessage>.Empty;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(RequestKey, request);
            context.Properties.Set(StartedKey, Stopwatch.GetTimestamp());
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                async (resilienceContext, message) =>
                {
                    try
                    {
                        return Outcome.FromResult(await base.SendAsync(message, resilienceContext.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                request).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxDelay)
    {
        if (outcome.Result is not { } response || !context.Properties.TryGetValue(RequestKey, out var request) || !CanResend(request))
        {
            return false;
        }

        var status = (int)response.StatusCode;
        if ((status == 429 || status == (int)HttpStatusCode.ServiceUnavailable) && response.Headers.RetryAfter is not null)
        {
            return WaitEndsInTime(context, RetryAfter(response, maxDelay) ?? TimeSpan.Zero);
        }

        if (status < 400 || response.Content is null)
        {
            return false;
        }

        // The envelope's transient flag is the server's word that the same request may be sent again.
        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return SeiErrorEnvelope.Parse(body).Transient;
    }

    /// <summary>
    /// Whether waiting <paramref name="delay"/> still leaves time before the call's timeout: a wait the
    /// timeout would cut short only turns the server's clear answer into a vaguer timeout.
    /// </summary>
    private bool WaitEndsInTime(ResilienceContext context, TimeSpan delay)
    {
        if (_callTimeout == System.Threading.Timeout.InfiniteTimeSpan || !context.Properties.TryGetValue(StartedKey, out var started))
        {
            return true;
        }

        var elapsed = TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency);
        return elapsed + delay < _callTimeout;
    }

    /// <summary>A request is resent only if doing so is safe and its body can be sent twice.</summary>
    private static bool CanResend(HttpRequestMessage request)
    {
        var safe = SafeMethods.Contains(request.Method) || request.Headers.Contains("Idempotency-Key");
        var replayable = request.Content is null or ByteArrayContent;
        return safe && replayable;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan maxDelay)
    {
        var delay = Http.SeiRetryAfter.From(response?.Headers);
        return delay > maxDelay ? maxDelay : delay;
    }
}

/// <summary>The retry handler's log messages.</summary>
internal static class SeiRetryLog
{
    private static readonly Action<ILogger, int, int, double, Exception?> RetryingMessage =
        LoggerMessage.Define<int, int, double>(
            LogLevel.Warning,
            new EventId(10, "SeiRetry"),
            "Retrying (attempt {Attempt}) after HTTP {StatusCode}, which SEI marks safe to retry, in {DelayMilliseconds} ms");

    public static void Retrying(ILogger logger, int attempt, int statusCode, double delayMilliseconds)
        => RetryingMessage(logger, attempt, statusCode, delayMilliseconds, null);
}
