using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Sei.Sandbox.Accounts;
using Sei.Sandbox.Http;
using Sei.Testing;

namespace Sei.Sandbox.Payments;

/// <summary>
/// The sandbox's payments, seeded with the same 64 payments on every start, each debited from a
/// seeded account. One lock guards the lists; records are immutable, so readers work on snapshots.
/// </summary>
internal sealed class PaymentsStore
{
    /// <summary>How many payments are seeded.</summary>
    public const int SeededPaymentCount = 64;

    /// <summary>The first sequence number, 2^53: every sequence number is beyond what a double holds exactly.</summary>
    private const long FirstSequenceNumber = 9_007_199_254_740_992;

    private static readonly string[] Creditors = ["Oaks Property Management", "Harbor Utilities", "Summit Tuition Services", "Riverside Medical Group", "Northwind Insurance"];

    private readonly Lock _gate = new();
    private readonly List<PaymentRecord> _payments = [];
    private readonly List<BatchRecord> _batches = [];
    private readonly Dictionary<Guid, (Guid PaymentId, string Request)> _idempotencyKeys = [];

    /// <summary>Initializes a new instance of the <see cref="PaymentsStore"/> class with the seeded payments.</summary>
    /// <param name="accounts">The accounts payments are debited from.</param>
    public PaymentsStore(AccountsStore accounts)
    {
        Accounts = accounts;
        var random = Seeding.Random(SeededPaymentCount);
        var openAccounts = accounts.Snapshot().Where(account => account.Status == "OPEN").ToArray();
        for (var serial = 1; serial <= SeededPaymentCount; serial++)
        {
            _payments.Add(SeedPayment(random, serial, openAccounts[random.Next(openAccounts.Length)]));
        }
    }

    /// <summary>Gets the accounts payments are debited from.</summary>
    public AccountsStore Accounts { get; }

    /// <summary>Returns every payment, in the order they were made.</summary>
    /// <returns>A snapshot of the list.</returns>
    public IReadOnlyList<PaymentRecord> Snapshot()
    {
        lock (_gate)
        {
            return _payments.ToArray();
        }
    }

    /// <summary>Finds a payment by the identifier in a request path.</summary>
    /// <param name="paymentId">The identifier as sent; one that is not a GUID names no payment.</param>
    /// <returns>The payment; a 404 is thrown when there is none.</returns>
    public PaymentRecord Get(string paymentId)
    {
        lock (_gate)
        {
            return _payments[IndexOf(paymentId)];
        }
    }

    /// <summary>Makes a payment, at most once per idempotency key.</summary>
    /// <param name="idempotencyKey">The request's <c>Idempotency-Key</c>, if it sent one.</param>
    /// <param name="request">The request body as sent, to tell a retry from a different request under the same key.</param>
    /// <param name="create">Builds the payment from the serial and sequence number the store assigns.</param>
    /// <returns>The new payment, or the one made earlier under the same key.</returns>
    public PaymentRecord Add(Guid? idempotencyKey, string request, Func<long, long, PaymentRecord> create)
    {
        lock (_gate)
        {
            if (idempotencyKey is { } key && _idempotencyKeys.TryGetValue(key, out var earlier))
            {
                // A retry gets the payment the first attempt made; reusing the key for another payment is the caller's mistake.
                return earlier.Request == request
                    ? _payments.First(payment => payment.PaymentId == earlier.PaymentId)
                    : throw new SeiProblemException(409, "payments.idempotency.conflict", $"Idempotency-Key {key} was already used for a different payment request.");
            }

            var serial = _payments.Count + 1;
            var payment = create(serial, FirstSequenceNumber + serial);
            _payments.Add(payment);
            if (idempotencyKey is { } newKey)
            {
                _idempotencyKeys[newKey] = (payment.PaymentId, request);
            }

            return payment;
        }
    }

    /// <summary>Changes a payment.</summary>
    /// <param name="paymentId">The identifier as sent.</param>
    /// <param name="change">Returns the changed record; it may throw to refuse the change.</param>
    /// <returns>The changed payment; a 404 is thrown when there is none.</returns>
    public PaymentRecord Update(string paymentId, Func<PaymentRecord, PaymentRecord> change)
    {
        lock (_gate)
        {
            var index = IndexOf(paymentId);
            _payments[index] = change(_payments[index]);
            return _payments[index];
        }
    }

    /// <summary>Records a batch; the caller has checked its payments exist.</summary>
    /// <param name="batch">The batch.</param>
    public void AddBatch(BatchRecord batch)
    {
        lock (_gate)
        {
            _batches.Add(batch);
        }
    }

    private int IndexOf(string paymentId)
    {
        var index = Guid.TryParse(paymentId, out var id) ? _payments.FindIndex(payment => payment.PaymentId == id) : -1;
        return index >= 0 ? index : throw SeiProblemException.NotFound("payments", "payment", paymentId);
    }

    private static PaymentRecord SeedPayment(Random random, int serial, AccountRecord debit)
    {
        var type = Seeding.Pick(random, "ACH", "ACH", "WIRE", "RTP", "CARD", "CHECK");
        var status = serial > SeededPaymentCount - 6
            ? Seeding.Pick(random, "PENDING", "SCHEDULED", "PROCESSING")
            : Seeding.Pick(random, "COMPLETED", "COMPLETED", "COMPLETED", "CANCELLED", "FAILED");

        // Payments were made about every 13 hours up to the seeding epoch, oldest first.
        var createdAt = Seeding.Epoch.AddHours(-13 * (SeededPaymentCount - serial)).AddMinutes(random.Next(600));
        var amount = Math.Round(random.Next(1_000, 5_000_000) / 100.0, 2);
        var settled = status is "COMPLETED" or "CANCELLED" or "FAILED";
        return new PaymentRecord
        {
            Serial = serial,
            PaymentId = Seeding.NextGuid(random),
            PaymentType = type,
            Class = Seeding.Pick(random, "STANDARD", "STANDARD", "PRIORITY", "SAME_DAY"),
            ThreeDsVersion = type == "CARD" ? "2.2.0" : null,
            Status = status,
            Amount = amount,
            Currency = debit.Currency,
            FeeRate = FeeRateOf(type),
            SequenceNumber = FirstSequenceNumber + serial,
            Priority = 1 + random.Next(9),
            Reference = "INV-2025-" + serial.ToString("D4", CultureInfo.InvariantCulture),
            NetworkReference = settled && type is "WIRE" or "ACH" ? "FED" + createdAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + serial.ToString("D4", CultureInfo.InvariantCulture) : null,
            ValueDate = DateOnly.FromDateTime(createdAt.UtcDateTime.AddDays(1)),
            CreatedAt = createdAt,
            UpdatedAt = settled ? createdAt.AddHours(2) : null,
            FailureReason = status == "FAILED" ? Seeding.Pick(random, "Insufficient funds.", "Creditor account closed.", "Card issuer declined the 3-D Secure challenge.") : null,
            ClientId = ClientIdOf(debit),
            ClientName = debit.OwnerName,
            Allocations = new Dictionary<string, AllocationRecord> { [debit.AccountId] = new(100f, amount) },
            DebitAccountId = debit.AccountId,
            CreditorName = Seeding.Pick(random, Creditors),
        };
    }

    /// <summary>Returns the fee rate SEI charges for a payment type.</summary>
    /// <param name="paymentType">The payment type.</param>
    /// <returns>The fee rate.</returns>
    public static float FeeRateOf(string paymentType) => paymentType switch
    {
        "WIRE" => 0.0015f,
        "RTP" => 0.001f,
        "CARD" => 0.029f,
        "CHECK" => 0f,
        _ => 0.0005f,
    };

    /// <summary>Returns the SEI client identifier of an account's owner.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The client identifier, such as <c>CLT-0000137</c>.</returns>
    public static string ClientIdOf(AccountRecord account) => "CLT-" + account.Number.ToString("D7", CultureInfo.InvariantCulture);
}
