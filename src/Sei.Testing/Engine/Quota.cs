namespace Sei.Testing.Engine;

/// <summary>SEI's per-application quota: so many requests per window, the rest refused until the window ends.</summary>
internal sealed class Quota
{
    private readonly int? _limit;
    private readonly TimeSpan _window;
    private readonly object _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.UtcNow;
    private int _requests;

    public Quota(int? limit, TimeSpan window)
    {
        _limit = limit;
        _window = window > TimeSpan.Zero ? window : TimeSpan.FromSeconds(1);
    }

    /// <summary>Counts a request; refuses it when the window's quota is used up, saying how many seconds remain.</summary>
    public bool Refuses(out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        if (_limit is not { } limit)
        {
            return false;
        }

        lock (_gate)
        {
            var now = DateTimeOffset.UtcNow;
            if (now - _windowStart >= _window)
            {
                _windowStart = now;
                _requests = 0;
            }

            if (++_requests <= limit)
            {
                return false;
            }

            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((_windowStart + _window - now).TotalSeconds));
            return true;
        }
    }
}
