using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using Sei.Sandbox.Http;

namespace Sei.Sandbox.Accounts;

/// <summary>One transaction on an account (v2's <c>Transaction</c>: a card, transfer or fee transaction).</summary>
/// <param name="Number">The transaction's sequence number on its account, 1 for the oldest; the cursor key is <c>TXN-</c> and six digits.</param>
/// <param name="Kind">CARD, TRANSFER or FEE, the discriminator.</param>
/// <param name="TransactionId">The transaction's identifier.</param>
/// <param name="Amount">The signed amount: negative leaves the account.</param>
/// <param name="BookedAt">When it was booked.</param>
/// <param name="Description">A description, or <see langword="null"/>.</param>
/// <param name="Details">The properties of its kind, in wire names.</param>
internal sealed record TransactionRecord(long Number, string Kind, Guid TransactionId, decimal Amount, DateTimeOffset BookedAt, string? Description, JsonObject Details)
{
    /// <summary>Gets the cursor key, such as <c>TXN-000001</c>.</summary>
    public string Key => "TXN-" + Number.ToString("D6", CultureInfo.InvariantCulture);
}

/// <summary>
/// The transactions of an account. They are derived from the account number each time they are
/// asked for, so every account has the same history on every run without storing thousands of rows.
/// </summary>
internal static class TransactionsFeed
{
    /// <summary>The kinds of transaction (the discriminator's values).</summary>
    public static readonly string[] Kinds = ["CARD", "TRANSFER", "FEE"];

    private static readonly string[] Merchants = ["Oaks Roasters", "Harbor Books", "Metro Transit", "Green Grocer", "Summit Outfitters"];
    private static readonly string[] Institutions = ["First Example Bank", "Harborview Credit Union", "Northern Trust Example"];
    private static readonly string[] FeeCodes = ["WIRE_OUT", "MAINTENANCE", "ADVISORY", "PAPER_STATEMENT"];

    /// <summary>Returns an account's transactions, newest first.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The transactions.</returns>
    public static IReadOnlyList<TransactionRecord> For(AccountRecord account)
    {
        var random = Seeding.Random((int)(account.Number * 7919));
        var count = 6 + (int)(account.Number % 30);
        var booked = Seeding.Epoch;
        var newestFirst = new List<TransactionRecord>(count);
        for (var number = count; number >= 1; number--)
        {
            booked = booked.AddMinutes(-(60 + random.Next(60 * 48)));
            newestFirst.Add(Create(random, number, booked));
        }

        return newestFirst;
    }

    /// <summary>Represents a transaction with the properties of its kind.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="account">The account it is on.</param>
    /// <param name="baseUrl">The server's root URL.</param>
    /// <returns>The representation.</returns>
    public static JsonObject ToJson(TransactionRecord transaction, AccountRecord account, string baseUrl)
    {
        var accountHref = AccountsJson.AccountHref(account.AccountId, AccountsVersion.V2, baseUrl);
        var json = new JsonObject
        {
            ["kind"] = transaction.Kind,
            ["transactionId"] = transaction.TransactionId.ToString("D"),
            ["amount"] = AccountsJson.Money(transaction.Amount, account.Currency),
            ["bookedAt"] = JsonResponses.Timestamp(transaction.BookedAt),
            ["description"] = transaction.Description,

            // The resource's own URL as the document's example spells it; the document defines no operation that serves it.
            ["href"] = accountHref + "/transactions/" + transaction.TransactionId.ToString("D"),
            ["links"] = new JsonArray(JsonResponses.Link("account", accountHref)),
        };
        foreach (var detail in transaction.Details)
        {
            json[detail.Key] = detail.Value?.DeepClone();
        }

        return json;
    }

    private static TransactionRecord Create(Random random, long number, DateTimeOffset booked)
    {
        var id = Seeding.NextGuid(random);
        switch (random.Next(10))
        {
            case < 6:
                var merchant = Seeding.Pick(random, Merchants);
                return new(number, "CARD", id, -Cents(random, 500, 30_000), booked, "Card purchase at " + merchant, new JsonObject
                {
                    ["cardLast4"] = random.Next(10_000).ToString("D4", CultureInfo.InvariantCulture),
                    ["merchantName"] = merchant,
                    ["merchantCategoryCode"] = Seeding.Pick(random, "5812", "5942", "4111", "5411", "5941"),
                });
            case < 9:
                var inbound = random.Next(2) == 0;
                return new(number, "TRANSFER", id, (inbound ? 1 : -1) * Cents(random, 10_000, 500_000), booked, null, new JsonObject
                {
                    ["direction"] = inbound ? "INBOUND" : "OUTBOUND",
                    ["counterparty"] = Counterparty(random),
                    ["reference"] = "TRF-" + random.Next(1_000_000).ToString("D6", CultureInfo.InvariantCulture),
                });
            default:
                return new(number, "FEE", id, -Cents(random, 500, 4_500), booked, "Account fee", new JsonObject
                {
                    ["feeCode"] = Seeding.Pick(random, FeeCodes),
                    ["waived"] = random.Next(4) == 0,
                });
        }
    }

    // Counterparty is an anyOf with no discriminator: a person has firstName/lastName, an institution institutionName.
    private static JsonObject Counterparty(Random random) => random.Next(2) == 0
        ? new JsonObject
        {
            ["firstName"] = Seeding.Pick(random, "Ada", "Ben", "Chloe", "Dev"),
            ["lastName"] = Seeding.Pick(random, "Lovelace", "Okafor", "Sato", "Patel"),
            ["accountNumber"] = random.Next(100_000_000, 1_000_000_000).ToString(CultureInfo.InvariantCulture),
        }
        : new JsonObject
        {
            ["institutionName"] = Seeding.Pick(random, Institutions),
            ["bic"] = Seeding.Pick(random, "FEXBUS33", "HVCUUS44XXX", "NTEXUS3C"),
            ["accountNumber"] = "000" + random.Next(100_000_000, 1_000_000_000).ToString(CultureInfo.InvariantCulture),
        };

    private static decimal Cents(Random random, int minimum, int maximum) => random.Next(minimum, maximum) / 100m;
}
