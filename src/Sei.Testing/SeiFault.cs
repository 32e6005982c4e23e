namespace Sei.Testing;

/// <summary>What a fault does to an answer.</summary>
public enum SeiFaultKind
{
    /// <summary>The error envelope with a status and a code (<see cref="SeiFault.Envelope"/>).</summary>
    Envelope = 0,

    /// <summary>An error status with an empty body (<see cref="SeiFault.Empty"/>).</summary>
    Empty = 1,

    /// <summary>An error status with an HTML page, as a proxy in front of SEI sends (<see cref="SeiFault.Html"/>).</summary>
    Html = 2,

    /// <summary>The operation's normal answer, late (<see cref="SeiFault.Delay"/>).</summary>
    Delay = 3,

    /// <summary>The operation's normal answer without the RequestTrackingId header (<see cref="SeiFault.DroppedTrackingId"/>).</summary>
    DroppedTrackingId = 4,

    /// <summary>A page whose next cursor is the one the request sent, so a walk would loop (<see cref="SeiFault.RepeatedCursor"/>).</summary>
    RepeatedCursor = 5,
}

/// <summary>
/// A fault the SEI test server answers with instead of (or on top of) an operation's normal answer:
/// given to <see cref="SeiTestServer.Fail"/>, it answers the next matching requests. Each kind is one
/// of the ways SEI or what stands in front of it fails, and that a client must survive.
/// </summary>
public sealed record SeiFault
{
    private SeiFault(SeiFaultKind kind, int status)
    {
        Kind = kind;
        Status = status;
    }

    /// <summary>Gets what the fault does.</summary>
    public SeiFaultKind Kind { get; }

    /// <summary>Gets the status it answers with (0 for the faults that keep the normal answer's).</summary>
    public int Status { get; }

    /// <summary>Gets the envelope's <c>code</c>.</summary>
    public string Code { get; init; } = "test_server.fault";

    /// <summary>Gets the envelope's <c>message</c>.</summary>
    public string Message { get; init; } = "A fault the test asked for.";

    /// <summary>Gets a value indicating whether the envelope says the same request may be sent again.</summary>
    public bool Transient { get; init; }

    /// <summary>Gets a value indicating whether <c>transient</c> is written as a JSON Boolean (<c>true</c>) rather than SEI's published string (<c>"true"</c>).</summary>
    public bool TransientAsBoolean { get; init; }

    /// <summary>Gets the <c>Retry-After</c> header's value, in whole seconds, or <see langword="null"/> for none.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets how long a <see cref="SeiFaultKind.Delay"/> fault waits before the normal answer.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The error envelope.</summary>
    /// <param name="status">The status, 400 or above.</param>
    /// <param name="code">The envelope's <c>code</c>, such as <c>accounts.account.not_found</c>.</param>
    /// <param name="transient">Whether the envelope says the same request may be sent again.</param>
    /// <returns>The fault; set <see cref="Message"/>, <see cref="RetryAfter"/> or <see cref="TransientAsBoolean"/> with <c>with</c>.</returns>
    public static SeiFault Envelope(int status, string code, bool transient = false)
        => new(SeiFaultKind.Envelope, ErrorStatus(status)) { Code = code ?? throw new ArgumentNullException(nameof(code)), Transient = transient };

    /// <summary>SEI's quota refusal: 429 with <c>Retry-After</c>.</summary>
    /// <param name="retryAfter">How long the client must wait.</param>
    /// <returns>The fault.</returns>
    public static SeiFault Quota(TimeSpan retryAfter)
        => Envelope(429, "gateway.quota.exceeded", transient: true) with { Message = "The application's quota is exhausted; retry after the time Retry-After gives.", RetryAfter = retryAfter };

    /// <summary>A token SEI no longer accepts: 401 with the gateway's authentication envelope, as when a token has expired.</summary>
    /// <returns>The fault.</returns>
    public static SeiFault ExpiredToken()
        => Envelope(401, "gateway.authentication.failure") with { Message = "Gateway Authentication Failed: the access token has expired." };

    /// <summary>An error status with an empty body.</summary>
    /// <param name="status">The status, 400 or above.</param>
    /// <returns>The fault.</returns>
    public static SeiFault Empty(int status) => new(SeiFaultKind.Empty, ErrorStatus(status));

    /// <summary>An error status with an HTML page, as a proxy sends.</summary>
    /// <param name="status">The status, 400 or above.</param>
    /// <returns>The fault.</returns>
    public static SeiFault Html(int status) => new(SeiFaultKind.Html, ErrorStatus(status));

    /// <summary>The normal answer, after a wait (for timeouts and cancellation).</summary>
    /// <param name="duration">How long to wait.</param>
    /// <returns>The fault.</returns>
    public static SeiFault Delay(TimeSpan duration) => new(SeiFaultKind.Delay, 0) { Duration = duration };

    /// <summary>The normal answer without the RequestTrackingId header.</summary>
    /// <returns>The fault.</returns>
    public static SeiFault DroppedTrackingId() => new(SeiFaultKind.DroppedTrackingId, 0);

    /// <summary>For a paged operation, a page whose next cursor repeats the request's own, so a walk that follows it loops.</summary>
    /// <returns>The fault.</returns>
    public static SeiFault RepeatedCursor() => new(SeiFaultKind.RepeatedCursor, 0);

    private static int ErrorStatus(int status)
        => status is >= 400 and <= 599 ? status : throw new ArgumentOutOfRangeException(nameof(status), status, "A fault answers with an error status, 400 to 599.");
}
