namespace Sei.Client;

/// <summary>
/// The error structure every SEI API returns. <see cref="Parse(byte[])"/> tolerates what servers
/// really send: <c>transient</c> as a string or a Boolean, per-field text under <c>reason</c> or
/// <c>message</c>, and bodies that are empty or not JSON at all.
/// </summary>
public sealed class SeiErrorEnvelope
{
    private static readonly IReadOnlyList<SeiErrorDetail> NoErrors = Array.Empty<SeiErrorDetail>();

    /// <summary>Gets an envelope with nothing in it, for bodies that held none.</summary>
    public static SeiErrorEnvelope Empty { get; } = new();

    /// <summary>Gets the semantic, dotted error code.</summary>
    public string? Code { get; private set; }

    /// <summary>Gets the human-readable reason for the failure.</summary>
    public string? Message { get; private set; }

    /// <summary>Gets the tracking ID repeated in the body.</summary>
    public string? TrackingId { get; private set; }

    /// <summary>Gets a value indicating whether the same request may be retried without modification; missing means no.</summary>
    public bool Transient { get; private set; }

    /// <summary>Gets the per-field errors.</summary>
    public IReadOnlyList<SeiErrorDetail> Errors { get; private set; } = NoErrors;

    /// <summary>Reads an envelope from a response body; anything that is not an envelope gives <see cref="Empty"/>.</summary>
    /// <param name="body">The response body.</param>
    /// <returns>The envelope, never <see langword="null"/>.</returns>
    public static SeiErrorEnvelope Parse(byte[] body)
    {
        if (body is null || body.Length == 0)
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return FromElement(document.RootElement);
        }
        catch (JsonException)
        {
            // An HTML page from a proxy, or plain text: the caller still gets status and header tracking ID.
            return Empty;
        }
    }

    /// <summary>
    /// This envelope, with <paramref name="code"/> and <paramref name="message"/> where it has none: an
    /// OAuth 2.0 token endpoint answers with <c>error</c> and <c>error_description</c> instead.
    /// </summary>
    /// <param name="code">The code to use when the envelope has none.</param>
    /// <param name="message">The message to use when the envelope has none.</param>
    /// <returns>The envelope, or a copy with the gaps filled.</returns>
    internal SeiErrorEnvelope WithFallback(string? code, string? message)
        => (Code is null && code is not null) || (Message is null && message is not null)
            ? new SeiErrorEnvelope { Code = Code ?? code, Message = Message ?? message, TrackingId = TrackingId, Transient = Transient, Errors = Errors }
            : this;

    /// <summary>A copy with every text passed through <paramref name="clean"/>, to take out what must not be repeated.</summary>
    /// <param name="clean">Returns the text to keep.</param>
    /// <returns>The cleaned copy.</returns>
    internal SeiErrorEnvelope Redacted(Func<string?, string?> clean)
    {
        if (ReferenceEquals(this, Empty))
        {
            return this;
        }

        var details = new List<SeiErrorDetail>(Errors.Count);
        foreach (var detail in Errors)
        {
            details.Add(new SeiErrorDetail(clean(detail.Field), clean(detail.Location), clean(detail.Reason)));
        }

        return new SeiErrorEnvelope { Code = clean(Code), Message = clean(Message), TrackingId = clean(TrackingId), Transient = Transient, Errors = details };
    }

    private static SeiErrorEnvelope FromElement(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Empty;
        }

        var envelope = new SeiErrorEnvelope();
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name.ToUpperInvariant())
            {
                case "CODE":
                    envelope.Code = AsText(property.Value);
                    break;
                case "MESSAGE":
                    envelope.Message = AsText(property.Value);
                    break;
                case "TRACKINGID":
                    envelope.TrackingId = AsText(property.Value);
                    break;
                case "TRANSIENT":
                    envelope.Transient = AsBoolean(property.Value);
                    break;
                case "ERRORS":
                    envelope.Errors = ReadDetails(property.Value);
                    break;
            }
        }

        return envelope;
    }

    private static IReadOnlyList<SeiErrorDetail> ReadDetails(JsonElement errors)
    {
        if (errors.ValueKind != JsonValueKind.Array)
        {
            return NoErrors;
        }

        var details = new List<SeiErrorDetail>();
        foreach (var item in errors.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            string? field = null, location = null, reason = null;
            foreach (var property in item.EnumerateObject())
            {
                switch (property.Name.ToUpperInvariant())
                {
                    case "FIELD":
                        field = AsText(property.Value);
                        break;
                    case "LOCATION":
                        location = AsText(property.Value);
                        break;
                    case "REASON":
                        reason = AsText(property.Value);
                        break;
                    case "MESSAGE":
                        // The guidance names the per-field text both "reason" and "message"; "reason" wins when both are there.
                        reason ??= AsText(property.Value);
                        break;
                }
            }

            details.Add(new SeiErrorDetail(field, location, reason));
        }

        return details;
    }

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static bool AsBoolean(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => string.Equals(value.GetString()?.Trim(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
