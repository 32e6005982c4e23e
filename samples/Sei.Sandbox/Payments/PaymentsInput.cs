using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Sei.Sandbox.Http;

namespace Sei.Sandbox.Payments;

/// <summary>Reads and validates the request bodies of the Payments API (a JSON payment, a form batch).</summary>
internal static class PaymentsInput
{
    /// <summary>The <c>PaymentStatus</c> values.</summary>
    public static readonly string[] Statuses = ["PENDING", "SCHEDULED", "PROCESSING", "COMPLETED", "CANCELLED", "FAILED"];

    /// <summary>The <c>PaymentType</c> values.</summary>
    public static readonly string[] PaymentTypes = ["ACH", "WIRE", "RTP", "CARD", "CHECK"];

    /// <summary>The <c>PaymentClass</c> values.</summary>
    public static readonly string[] Classes = ["STANDARD", "PRIORITY", "SAME_DAY"];

    /// <summary>Reads a <c>PaymentCreate</c> body, applying the document's defaults.</summary>
    /// <param name="body">The body.</param>
    /// <param name="validation">Where errors are recorded; a 400 is thrown when any are.</param>
    /// <param name="store">The payments, whose accounts the debit account must be one of.</param>
    /// <returns>A function that builds the payment from the serial and sequence number the store assigns.</returns>
    public static Func<long, long, PaymentRecord> ReadCreate(JsonBodyReader body, Validation validation, PaymentsStore store)
    {
        var typeTag = body.String("@type") ?? "sei.payments.Payment";
        var paymentType = body.Enum("payment-type", PaymentTypes, required: true);
        var paymentClass = body.Enum("class", Classes) ?? "STANDARD";
        var threeDsVersion = body.String("3dsVersion", maxLength: 8);
        var amount = body.Double("amount", required: true, minimum: 0, exclusiveMinimum: true);
        var currency = body.String("currency", maxLength: 3, minLength: 3) ?? "USD";
        var debitAccountId = body.String("debitAccountId", required: true, maxLength: 20);
        var creditorName = body.String("creditorName", required: true, maxLength: 140);
        body.String("creditorAccount", maxLength: 34);
        var priority = body.Int("priority", 1, 9) ?? 5;
        var reference = body.String("reference", maxLength: 35);
        var networkReference = body.String("Reference", maxLength: 16);
        var signature = body.Bytes("signature");
        var callbackUrl = body.Uri("callbackUrl");
        var valueDate = body.Date("valueDate");
        var allocations = ReadAllocations(body);

        // The debit account belongs to the Accounts API; a payment from an account SEI does not hold cannot be made.
        if (debitAccountId is not null && !store.Accounts.Exists(debitAccountId))
        {
            validation.Add("debitAccountId", "body", $"no account '{debitAccountId}' exists");
        }

        validation.ThrowIfInvalid();
        var debit = store.Accounts.Get(debitAccountId!);
        return (serial, sequenceNumber) => new PaymentRecord
        {
            Serial = serial,
            PaymentId = Guid.NewGuid(),
            TypeTag = typeTag,
            PaymentType = paymentType!,
            Class = paymentClass,
            ThreeDsVersion = threeDsVersion,
            Status = "PENDING",
            Amount = amount!.Value,
            Currency = currency,
            FeeRate = PaymentsStore.FeeRateOf(paymentType!),
            SequenceNumber = sequenceNumber,
            Priority = priority,
            Reference = reference,

            // An empty Reference is how the document's example leaves the network reference unset; SEI assigns it on clearing.
            NetworkReference = string.IsNullOrEmpty(networkReference) ? null : networkReference,
            Signature = signature,
            CallbackUrl = callbackUrl,
            ValueDate = valueDate,
            CreatedAt = DateTimeOffset.UtcNow,
            ClientId = PaymentsStore.ClientIdOf(debit),
            ClientName = debit.OwnerName,
            Allocations = allocations,
            DebitAccountId = debit.AccountId,
            CreditorName = creditorName!,
        };
    }

    /// <summary>Reads a <c>PaymentBatchForm</c> (<c>application/x-www-form-urlencoded</c>, <c>paymentIds</c> repeated).</summary>
    /// <param name="form">The form.</param>
    /// <param name="validation">Where errors are recorded; a 400 is thrown when any are.</param>
    /// <param name="store">The payments the batch must name.</param>
    /// <returns>The batch.</returns>
    public static BatchRecord ReadBatch(IFormCollection form, Validation validation, PaymentsStore store)
    {
        var fields = validation.Form(form);
        var batchName = fields.String("batchName", required: true, maxLength: 50);
        var paymentIds = fields.Repeated("paymentIds", maxItems: 500);
        fields.Date("executionDate");
        fields.Boolean("notifyByEmail");
        fields.Int("priority", int.MinValue, int.MaxValue);
        var controlTotal = fields.Double("controlTotal");

        var payments = new List<PaymentRecord>();
        if (paymentIds.Count == 0)
        {
            validation.Add("paymentIds", "body", "at least 1 item");
        }

        var known = store.Snapshot().ToDictionary(payment => payment.PaymentId.ToString("D"), StringComparer.OrdinalIgnoreCase);
        foreach (var id in paymentIds)
        {
            if (known.TryGetValue(id, out var payment))
            {
                payments.Add(payment);
            }
            else
            {
                validation.Add("paymentIds", "body", $"'{id}' is not a payment");
            }
        }

        // The control total lets SEI catch a batch that lost or gained a payment on its way; it must match to the cent.
        var total = Math.Round(payments.Sum(payment => payment.Amount), 2);
        if (controlTotal is { } expected && Math.Abs(expected - total) >= 0.005)
        {
            validation.Add("controlTotal", "body", $"does not equal the sum of the payments' amounts ({total.ToString("0.00", CultureInfo.InvariantCulture)})");
        }

        validation.ThrowIfInvalid();
        return new BatchRecord(Guid.NewGuid(), batchName!, payments.Select(payment => payment.PaymentId).ToArray(), total, DateTimeOffset.UtcNow);
    }

    private static Dictionary<string, AllocationRecord>? ReadAllocations(JsonBodyReader body)
    {
        var entries = body.ObjectMap("allocations");
        if (entries is null)
        {
            return null;
        }

        var allocations = new Dictionary<string, AllocationRecord>(StringComparer.Ordinal);
        foreach (var (accountId, allocation) in entries)
        {
            var percentage = allocation.Double("percentage", required: true, minimum: 0, maximum: 100);
            var amount = allocation.Double("amount");
            if (percentage is { } share)
            {
                allocations[accountId] = new AllocationRecord((float)share, amount);
            }
        }

        return allocations;
    }
}
