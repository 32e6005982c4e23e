namespace Sei.Client;

/// <summary>
/// When and how a request is retried. Only what SEI says may be resent is: an error marked
/// <c>transient</c>, or 429/503 with <c>Retry-After</c>; and only for requests safe to resend
/// (GET, HEAD, OPTIONS, PUT, DELETE, or any request with an <c>Idempotency-Key</c> header).
/// </summary>
public sealed class SeiRetryOptions
{
    /// <summary>Gets or sets a value indicating whether retries happen at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how many times a request is retried after its first attempt.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Gets or sets the first back-off delay when the server gives no <c>Retry-After</c>; it doubles per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between attempts, whatever <c>Retry-After</c> asks.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
