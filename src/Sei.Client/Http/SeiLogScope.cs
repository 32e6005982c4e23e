using System.Collections;

namespace Sei.Client.Http;

/// <summary>
/// The logging scope around what the client logs of a response: structured properties
/// <c>SeiOperation</c> and <c>RequestTrackingId</c>, so a log sink with scopes on records them as fields.
/// </summary>
internal sealed class SeiLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly string _operation;
    private readonly string? _trackingId;

    public SeiLogScope(string operation, string? trackingId)
    {
        _operation = operation;
        _trackingId = trackingId;
    }

    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new KeyValuePair<string, object?>("SeiOperation", _operation),
        1 => new KeyValuePair<string, object?>("RequestTrackingId", _trackingId),
        _ => throw new System.ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "SeiOperation:" + _operation + " RequestTrackingId:" + (_trackingId ?? "(none)");
}
