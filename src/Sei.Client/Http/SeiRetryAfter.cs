using System.Net.Http.Headers;

namespace Sei.Client.Http;

/// <summary>Reads <c>Retry-After</c> (seconds or a date) as a wait, for error messages and for retries alike.</summary>
internal static class SeiRetryAfter
{
    public static TimeSpan? From(HttpResponseHeaders? headers)
    {
        if (headers?.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : (TimeSpan?)null);
        return wait is { } delay && delay < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
