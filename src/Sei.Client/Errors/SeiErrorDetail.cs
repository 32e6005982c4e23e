namespace Sei.Client;

/// <summary>One entry of the error envelope's <c>errors</c> array: which field failed, where, and why.</summary>
public sealed class SeiErrorDetail
{
    /// <summary>Initializes a new instance of the <see cref="SeiErrorDetail"/> class.</summary>
    /// <param name="field">The name of the field where the error occurred.</param>
    /// <param name="location">Where that field is (query, path, header, body).</param>
    /// <param name="reason">Why the request failed for that field.</param>
    public SeiErrorDetail(string? field, string? location, string? reason)
    {
        Field = field;
        Location = location;
        Reason = reason;
    }

    /// <summary>Gets the name of the field where the error occurred.</summary>
    public string? Field { get; }

    /// <summary>Gets where that field is: query, path, header or body.</summary>
    public string? Location { get; }

    /// <summary>Gets why the request failed for that field (sent as <c>reason</c> or <c>message</c>).</summary>
    public string? Reason { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Field} ({Location}): {Reason}";
}
