using System;
using System.Linq;
using System.Text.Json.Nodes;
using Sei.Sandbox.Http;

namespace Sei.Sandbox.Payments;

/// <summary>
/// The JSON representations of the Payments API's resources, with the document's awkward names
/// spelled exactly: <c>@type</c>, <c>payment-type</c>, <c>class</c>, <c>3dsVersion</c>, and
/// <c>reference</c> next to <c>Reference</c>.
/// </summary>
internal static class PaymentsJson
{
    /// <summary>Represents a payment (<c>Payment</c>).</summary>
    /// <param name="payment">The payment.</param>
    /// <param name="baseUrl">The server's root URL.</param>
    /// <returns>The representation.</returns>
    public static JsonObject Payment(PaymentRecord payment, string baseUrl)
    {
        var href = PaymentHref(payment.PaymentId, baseUrl);
        var json = new JsonObject
        {
            ["paymentId"] = payment.PaymentId.ToString("D"),
            ["@type"] = payment.TypeTag,
            ["payment-type"] = payment.PaymentType,
        };
        json.AddOptional("class", payment.Class);

        // 3dsVersion, updatedAt and failureReason are nullable, so they are sent as null rather than left out.
        json["3dsVersion"] = payment.ThreeDsVersion;
        json["status"] = payment.Status;
        json["amount"] = payment.Amount;
        json["currency"] = payment.Currency;
        json.AddOptional("feeRate", payment.FeeRate);

        // A JSON number keeps all 64 bits here; it is the reader's job to hold it in an int64, not a double.
        json["sequenceNumber"] = payment.SequenceNumber;
        json["priority"] = payment.Priority;
        json.AddOptional("reference", payment.Reference);
        json.AddOptional("Reference", payment.NetworkReference);
        json.AddOptional("signature", payment.Signature is { } signature ? Convert.ToBase64String(signature.ToArray()) : null);
        json.AddOptional("callbackUrl", payment.CallbackUrl?.AbsoluteUri);
        json.AddOptional("valueDate", payment.ValueDate is { } valueDate ? JsonResponses.Date(valueDate) : null);
        json["createdAt"] = JsonResponses.Timestamp(payment.CreatedAt);
        json["updatedAt"] = payment.UpdatedAt is { } updatedAt ? JsonResponses.Timestamp(updatedAt) : null;
        json["failureReason"] = payment.FailureReason;

        var client = new JsonObject { ["clientId"] = payment.ClientId };
        client.AddOptional("name", payment.ClientName);
        json["client"] = client;
        if (payment.Allocations is not null)
        {
            var allocations = new JsonObject();
            foreach (var (accountId, allocation) in payment.Allocations)
            {
                var share = new JsonObject { ["percentage"] = allocation.Percentage };
                share.AddOptional("amount", allocation.Amount);
                allocations[accountId] = share;
            }

            json["allocations"] = allocations;
        }

        json["href"] = href;
        json["links"] = new JsonArray(JsonResponses.Link("receipt", href + "/receipt"));
        return json;
    }

    /// <summary>Represents a batch (<c>PaymentBatch</c>).</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="baseUrl">The server's root URL.</param>
    /// <returns>The representation.</returns>
    public static JsonObject Batch(BatchRecord batch, string baseUrl)
    {
        var links = new JsonArray();
        foreach (var paymentId in batch.PaymentIds)
        {
            links.Add((JsonNode)JsonResponses.Link("payment", PaymentHref(paymentId, baseUrl)));
        }

        return new JsonObject
        {
            ["batchId"] = batch.BatchId.ToString("D"),
            ["batchName"] = batch.BatchName,
            ["status"] = "PENDING",
            ["paymentCount"] = batch.PaymentIds.Count,
            ["controlTotal"] = batch.ControlTotal,
            ["createdAt"] = JsonResponses.Timestamp(batch.CreatedAt),

            // The batch's own URL; the document defines no operation that serves it.
            ["href"] = BatchHref(batch.BatchId, baseUrl),
            ["links"] = links,
        };
    }

    /// <summary>Returns a payment's URL.</summary>
    /// <param name="paymentId">The payment identifier.</param>
    /// <param name="baseUrl">The server's root URL.</param>
    /// <returns>The URL.</returns>
    public static string PaymentHref(Guid paymentId, string baseUrl) => baseUrl + "/v1/payments/" + paymentId.ToString("D");

    /// <summary>Returns a batch's URL.</summary>
    /// <param name="batchId">The batch identifier.</param>
    /// <param name="baseUrl">The server's root URL.</param>
    /// <returns>The URL.</returns>
    public static string BatchHref(Guid batchId, string baseUrl) => baseUrl + "/v1/payments/batches/" + batchId.ToString("D");
}
