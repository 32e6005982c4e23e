using System;
using System.Collections.Generic;
using System.Globalization;

namespace Sei.Sandbox.Payments;

/// <summary>
/// One payment as the sandbox stores it. Records are immutable: a change stores a new record,
/// so a request can represent a payment while another request changes it.
/// </summary>
internal sealed record PaymentRecord
{
    /// <summary>Gets the payment's position in the order payments were made, 1 for the first; the cursor key is <c>PAY-</c> and six digits.</summary>
    public required long Serial { get; init; }

    /// <summary>Gets the cursor key, such as <c>PAY-000001</c>.</summary>
    public string Key => "PAY-" + Serial.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Gets the payment's identifier.</summary>
    public required Guid PaymentId { get; init; }

    /// <summary>Gets the resource's type tag (<c>@type</c>), which is not a discriminator.</summary>
    public string TypeTag { get; init; } = "sei.payments.Payment";

    /// <summary>Gets the payment type (<c>payment-type</c>: ACH, WIRE, RTP, CARD, CHECK).</summary>
    public required string PaymentType { get; init; }

    /// <summary>Gets the service level (<c>class</c>: STANDARD, PRIORITY, SAME_DAY).</summary>
    public string? Class { get; init; }

    /// <summary>Gets the 3-D Secure version of a card payment (<c>3dsVersion</c>).</summary>
    public string? ThreeDsVersion { get; init; }

    /// <summary>Gets the status (PENDING, SCHEDULED, PROCESSING, COMPLETED, CANCELLED, FAILED).</summary>
    public required string Status { get; init; }

    /// <summary>Gets the amount.</summary>
    public required double Amount { get; init; }

    /// <summary>Gets the ISO 4217 currency code.</summary>
    public required string Currency { get; init; }

    /// <summary>Gets the fee rate SEI applies.</summary>
    public float? FeeRate { get; init; }

    /// <summary>Gets the clearing sequence number; seeded above 2^53 on purpose, to show that it needs a 64-bit integer.</summary>
    public required long SequenceNumber { get; init; }

    /// <summary>Gets the priority, 1 to 9.</summary>
    public int Priority { get; init; } = 5;

    /// <summary>Gets the payer's own reference (<c>reference</c>).</summary>
    public string? Reference { get; init; }

    /// <summary>Gets the clearing network's reference (<c>Reference</c>, which differs from <c>reference</c> only by case).</summary>
    public string? NetworkReference { get; init; }

    /// <summary>Gets the detached signature of the instruction.</summary>
    public IReadOnlyList<byte>? Signature { get; init; }

    /// <summary>Gets the URL SEI notifies about status changes.</summary>
    public Uri? CallbackUrl { get; init; }

    /// <summary>Gets the value date.</summary>
    public DateOnly? ValueDate { get; init; }

    /// <summary>Gets when the payment was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the payment last changed, or <see langword="null"/> if it never did.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Gets why the payment failed, for FAILED payments.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Gets the identifier of the SEI client on whose behalf the payment is made.</summary>
    public required string ClientId { get; init; }

    /// <summary>Gets the name of that client.</summary>
    public string? ClientName { get; init; }

    /// <summary>Gets the split of the amount by account identifier.</summary>
    public IReadOnlyDictionary<string, AllocationRecord>? Allocations { get; init; }

    /// <summary>Gets the account the payment is debited from (accepted on create, not part of the representation).</summary>
    public required string DebitAccountId { get; init; }

    /// <summary>Gets the creditor's name (accepted on create, not part of the representation).</summary>
    public required string CreditorName { get; init; }

    /// <summary>Gets when the payment last changed, or when it was made if it never changed.</summary>
    public DateTimeOffset LastModified => UpdatedAt ?? CreatedAt;
}

/// <summary>One share of a payment's amount.</summary>
/// <param name="Percentage">The share, 0 to 100.</param>
/// <param name="Amount">The share as an amount, if given.</param>
internal sealed record AllocationRecord(float Percentage, double? Amount);

/// <summary>A batch of existing payments submitted together.</summary>
/// <param name="BatchId">The batch's identifier.</param>
/// <param name="BatchName">The batch's name.</param>
/// <param name="PaymentIds">The payments in the batch.</param>
/// <param name="ControlTotal">The sum of the payments' amounts.</param>
/// <param name="CreatedAt">When the batch was submitted.</param>
internal sealed record BatchRecord(Guid BatchId, string BatchName, IReadOnlyList<Guid> PaymentIds, double ControlTotal, DateTimeOffset CreatedAt);
