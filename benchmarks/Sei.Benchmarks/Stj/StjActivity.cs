using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Sei.Benchmarks.Stj;

/// <summary>A feed of activity events (the union-heavy object).</summary>
public sealed class ActivityFeed
{
    /// <summary>Gets or sets the events.</summary>
    public List<ActivityEvent> Events { get; set; } = default!;

    /// <summary>Gets or sets the paging object.</summary>
    public Paging Paging { get; set; } = default!;
}

/// <summary>
/// An event, told apart by <c>eventType</c>: System.Text.Json's own polymorphism. In its default
/// mode the discriminator must come first in the object, which it does in the payload, as servers
/// commonly write it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "eventType")]
[JsonDerivedType(typeof(TradeEvent), "TRADE")]
[JsonDerivedType(typeof(TransferEvent), "TRANSFER")]
[JsonDerivedType(typeof(FeeEvent), "FEE")]
public abstract class ActivityEvent
{
    /// <summary>Gets or sets the identifier.</summary>
    public string EventId { get; set; } = default!;

    /// <summary>Gets or sets when the event occurred.</summary>
    public DateTimeOffset OccurredAt { get; set; }
}

/// <summary>A trade's side.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TradeSide>))]
public enum TradeSide
{
    /// <summary>BUY.</summary>
    [JsonStringEnumMemberName("BUY")]
    Buy,

    /// <summary>SELL.</summary>
    [JsonStringEnumMemberName("SELL")]
    Sell,
}

/// <summary>A trade.</summary>
public sealed class TradeEvent : ActivityEvent
{
    /// <summary>Gets or sets the side.</summary>
    public TradeSide Side { get; set; }

    /// <summary>Gets or sets the ticker.</summary>
    public string Symbol { get; set; } = default!;

    /// <summary>Gets or sets the quantity.</summary>
    public double Quantity { get; set; }

    /// <summary>Gets or sets the price.</summary>
    public Amount Price { get; set; } = default!;

    /// <summary>Gets or sets the reference.</summary>
    public Reference? Reference { get; set; }
}

/// <summary>A transfer.</summary>
public sealed class TransferEvent : ActivityEvent
{
    /// <summary>Gets or sets the amount.</summary>
    public Amount Amount { get; set; } = default!;

    /// <summary>Gets or sets the other side.</summary>
    public Counterparty Counterparty { get; set; } = default!;

    /// <summary>Gets or sets the reference.</summary>
    public Reference? Reference { get; set; }
}

/// <summary>A fee.</summary>
public sealed class FeeEvent : ActivityEvent
{
    /// <summary>Gets or sets the amount.</summary>
    public Amount Amount { get; set; } = default!;

    /// <summary>Gets or sets the fee code.</summary>
    public string FeeCode { get; set; } = default!;

    /// <summary>Gets or sets whether the fee was waived.</summary>
    public bool? Waived { get; set; }
}

/// <summary>An amount before settlement.</summary>
public sealed class MoneyRange
{
    /// <summary>Gets or sets the low end.</summary>
    public decimal Low { get; set; }

    /// <summary>Gets or sets the high end.</summary>
    public decimal High { get; set; }

    /// <summary>Gets or sets the currency.</summary>
    public string Currency { get; set; } = default!;
}

/// <summary>A person on the other side of a transfer.</summary>
public sealed class PersonParty
{
    /// <summary>Gets or sets the first name.</summary>
    public string FirstName { get; set; } = default!;

    /// <summary>Gets or sets the last name.</summary>
    public string LastName { get; set; } = default!;
}

/// <summary>An institution on the other side of a transfer.</summary>
public sealed class InstitutionParty
{
    /// <summary>Gets or sets the name.</summary>
    public string InstitutionName { get; set; } = default!;

    /// <summary>Gets or sets the BIC.</summary>
    public string Bic { get; set; } = default!;
}

/// <summary>Money or a range: a oneOf without a discriminator, read by <see cref="AmountConverter"/>.</summary>
[JsonConverter(typeof(AmountConverter))]
public sealed class Amount
{
    /// <summary>Gets the exact amount, when it is one.</summary>
    public Money? Money { get; init; }

    /// <summary>Gets the range, when it is one.</summary>
    public MoneyRange? Range { get; init; }
}

/// <summary>A person or an institution: a oneOf without a discriminator, read by <see cref="CounterpartyConverter"/>.</summary>
[JsonConverter(typeof(CounterpartyConverter))]
public sealed class Counterparty
{
    /// <summary>Gets the person, when it is one.</summary>
    public PersonParty? Person { get; init; }

    /// <summary>Gets the institution, when it is one.</summary>
    public InstitutionParty? Institution { get; init; }
}

/// <summary>A text reference or a confirmation number: a oneOf of primitives, read by <see cref="ReferenceConverter"/>.</summary>
[JsonConverter(typeof(ReferenceConverter))]
public sealed class Reference
{
    /// <summary>Gets the text, when it is one.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the number, when it is one.</summary>
    public long? Number { get; init; }
}
