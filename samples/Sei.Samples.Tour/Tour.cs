using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sei.Client;
using AccountsV1 = Sei.Samples.Tour.Accounts.V1;
using AccountsV2 = Sei.Samples.Tour.Accounts.V2;
using PaymentsV1 = Sei.Samples.Tour.Payments.V1;

namespace Sei.Samples.Tour;

/// <summary>
/// The steps of the tour. Each step calls the generated clients the way an application would and
/// says what it did and what came back, including the tracking ID SEI support would ask for.
/// </summary>
/// <param name="accountsV1">The generated client of the Accounts API, version 1.</param>
/// <param name="accountsV2">The generated client of the Accounts API, version 2.</param>
/// <param name="payments">The generated client of the Payments API, version 1.</param>
/// <param name="narrator">Where the tour's narration goes.</param>
internal sealed class Tour(
    AccountsV1.AccountsClient accountsV1,
    AccountsV2.AccountsClient accountsV2,
    PaymentsV1.PaymentsClient payments,
    ILogger narrator)
{
    /// <summary>An account that does not exist, for the error step.</summary>
    private const string MissingAccountId = "ACC-99999999";

    /// <summary>The page size of the paging walk.</summary>
    private const int PageSize = 20;

    /// <summary>The account the later steps use; step 1 replaces it with the newest account it lists.</summary>
    private string _accountId = "ACC-00000137";

    private AccountsV1.Account? _account;

    /// <summary>The paging.totalCount of the first page, which the streaming step checks itself against.</summary>
    private long? _totalCount;

    /// <summary>Runs every step, going on after a step fails so that one problem does not hide the others.</summary>
    /// <param name="cancellationToken">Stops the tour.</param>
    /// <returns>The number of steps that failed.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var steps = new (string Title, Func<CancellationToken, Task> Run)[]
        {
            ("List the first page of accounts (v1)", ListFirstPageAsync),
            ("Stream every account across pages with await foreach (v1)", WalkAllPagesAsync),
            ("Get one account (v1)", GetAccountAsync),
            ("Follow one of the account's links by rel", FollowLinkAsync),
            ("List accounts with v2 beside v1, in one program", CompareVersionsAsync),
            ("Create a payment (Payments v1)", CreatePaymentAsync),
            ("Trigger a 404 and read the SEI error envelope", TriggerNotFoundAsync),
        };

        var failed = 0;
        for (var index = 0; index < steps.Length; index++)
        {
            Say(string.Empty);
            Say($"== Step {index + 1}/{steps.Length}: {steps[index].Title}");
            try
            {
                await steps[index].Run(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A failed step is reported and counted, and the tour goes on; the exit code carries the failure.
                failed++;
                var trackingId = exception is SeiException sei ? sei.TrackingId ?? "(none)" : "(no SEI response)";
                narrator.LogError(exception, "   STEP FAILED: {Message} (tracking ID {TrackingId})", exception.Message, trackingId);
            }
        }

        Say(string.Empty);
        Say(failed == 0
            ? $"Tour finished: all {steps.Length} steps passed."
            : $"Tour finished: {failed} of {steps.Length} steps FAILED.");
        return failed;
    }

    private async Task ListFirstPageAsync(CancellationToken cancellationToken)
    {
        // No limit is sent, so the page has the API's default size; paging.limit says what it was.
        var page = await accountsV1.ListAccountsPageAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        _totalCount = page.TotalCount;
        Say($"   {page.Items.Count} accounts on this page; paging.totalCount = {page.TotalCount}, paging.limit = {page.Limit}");
        Say($"   RequestTrackingId of this response (page.TrackingId): {page.TrackingId}");
        foreach (var account in page.Items.Take(3))
        {
            Say($"   {account.AccountId}  {account.Status,-7} {account.Type,-10} {account.Balance.Amount,14:N2} {account.Balance.Currency}  {account.Owner.Name}");
        }

        Say($"   paging.next = \"{page.Next}\"");
        _accountId = page.Items.FirstOrDefault()?.AccountId ?? throw new InvalidOperationException("The first page of accounts is empty.");
    }

    private async Task WalkAllPagesAsync(CancellationToken cancellationToken)
    {
        // The generated ListAccountsAsync follows paging.next by itself, one request per page, as the loop reads.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var account in accountsV1.ListAccountsAsync(limit: PageSize, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!seen.Add(account.AccountId ?? string.Empty))
            {
                throw new InvalidOperationException($"Account {account.AccountId} came back twice; the cursors overlap.");
            }

            if (seen.Count % PageSize == 0 || seen.Count == _totalCount)
            {
                var pages = (int)Math.Ceiling(seen.Count / (double)PageSize);
                Say($"   page {pages}/{Math.Ceiling((_totalCount ?? 0) / (double)PageSize)}: {seen.Count}/{_totalCount} accounts streamed, last {account.AccountId}");
            }
        }

        if (seen.Count != _totalCount)
        {
            throw new InvalidOperationException($"Streamed {seen.Count} accounts, but paging.totalCount said {_totalCount}.");
        }

        Say($"   Streamed {seen.Count} distinct accounts with await foreach, as paging.totalCount said.");
    }

    private async Task GetAccountAsync(CancellationToken cancellationToken)
    {
        var response = await accountsV1.GetAccountAsync(_accountId, cancellationToken).ConfigureAwait(false);
        var account = response.Value;
        _account = account;
        Say($"   {account.AccountId}: {account.Type} account, status {account.Status}, risk level {account.RiskLevel?.ToString() ?? "-"}, opened {account.OpenedOn:yyyy-MM-dd}");
        Say($"   balance {account.Balance.Amount:N2} {account.Balance.Currency}; owner {account.Owner.Name} <{account.Owner.Email}>; nickname {account.Nickname ?? "(none)"}");
        Say($"   href {account.Href}");
        foreach (var link in account.Links ?? [])
        {
            Say($"   link rel={link.Rel,-9} href={link.Href}");
        }

        Say($"   tracking ID {response.TrackingId}");
    }

    private async Task FollowLinkAsync(CancellationToken cancellationToken)
    {
        const string Rel = "holders";
        var account = _account ?? throw new InvalidOperationException("Step 3 did not get an account to follow links from.");

        // FollowAsync finds the link by rel, refuses other hosts, and reads the response as the GET
        // operation its path matches (listAccountHolders), so no type needs naming.
        var response = await accountsV1.FollowAsync(account.Links, Rel, cancellationToken).ConfigureAwait(false);
        var holders = response.Value as AccountsV1.AccountHolderList
            ?? throw new InvalidOperationException($"The '{Rel}' link returned {response.Value?.GetType().Name}, not a list of holders.");
        Say($"   followed rel={Rel}: HTTP {(int)response.StatusCode}; RequestTrackingId {response.TrackingId}");
        Say($"   {holders.Data.Count} of {holders.Paging.TotalCount} holders:");
        foreach (var holder in holders.Data)
        {
            Say($"   {holder.HolderId}  {holder.Role,-11} {holder.Name}");
        }
    }

    private async Task CompareVersionsAsync(CancellationToken cancellationToken)
    {
        // v2 made asOf required; the generated v2 method therefore takes it as its first, non-optional parameter.
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        var v1 = await accountsV1.ListAccountsPageAsync(limit: 3, cancellationToken: cancellationToken).ConfigureAwait(false);
        var v2 = await accountsV2.ListAccountsPageAsync(asOf, limit: 3, cancellationToken: cancellationToken).ConfigureAwait(false);
        Say($"   v1 type {typeof(AccountsV1.Account).FullName}, tracking ID {v1.TrackingId}");
        Say($"   v2 type {typeof(AccountsV2.Account).FullName}, tracking ID {v2.TrackingId}");
        foreach (var (old, current) in v1.Items.Zip(v2.Items))
        {
            Say($"   {old.AccountId}  v1: status {old.Status,-6} nickname {old.Nickname ?? "(none)",-14} | v2: status {current.Status,-6} displayName {current.DisplayName ?? "(none)",-14} group {current.Group?.Name ?? "(none)"}");
        }

        Say($"   v1 totalCount {v1.TotalCount}, v2 totalCount {v2.TotalCount} (asOf {asOf:yyyy-MM-dd})");
    }

    private async Task CreatePaymentAsync(CancellationToken cancellationToken)
    {
        var request = new PaymentsV1.PaymentCreate
        {
            PaymentType = PaymentsV1.PaymentType.Ach,
            Amount = 1250.75,
            DebitAccountId = _accountId,
            CreditorName = "Oaks Property Management",
            Reference = "RENT-2025-02",
            CallbackUrl = new Uri("https://client.example.com/hooks/payments"),
        };

        // The idempotency key makes a retry of this request safe: SEI creates the payment at most once per key.
        var idempotencyKey = Guid.NewGuid();
        var response = await payments.CreatePaymentAsync(request, idempotencyKey, cancellationToken).ConfigureAwait(false);
        var payment = response.Value;
        Say($"   HTTP {(int)response.StatusCode} {response.StatusCode}; Location {response.Headers.Location}");
        Say($"   payment {payment.PaymentId}: {payment.PaymentType} {payment.Amount:N2} {payment.Currency}, status {payment.Status}, class {payment.Class}, fee rate {payment.FeeRate}");
        Say($"   sequenceNumber {payment.SequenceNumber} (above 2^53 = 9007199254740992, read exactly as an int64); client {payment.Client?.ClientId} {payment.Client?.Name}");
        Say($"   tracking ID {response.TrackingId}");
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"createPayment answered {(int)response.StatusCode}, not 201.");
        }
    }

    private async Task TriggerNotFoundAsync(CancellationToken cancellationToken)
    {
        Say($"   GetAccountAsync(\"{MissingAccountId}\"), an account that does not exist");
        try
        {
            await accountsV1.GetAccountAsync(MissingAccountId, cancellationToken).ConfigureAwait(false);
        }
        catch (SeiApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            Say($"   caught Sei.Client.SeiApiException");
            Say($"   ex.StatusCode = {(int)exception.StatusCode} {exception.StatusCode}");
            Say($"   ex.Code       = {exception.Code}");
            Say($"   ex.Transient  = {exception.Transient}");
            Say($"   ex.TrackingId = {exception.TrackingId}");
            Say($"   ex.Message    = {exception.Message}");
            return;
        }

        throw new InvalidOperationException($"Getting {MissingAccountId} succeeded; a 404 was expected.");
    }

    private void Say(string line) => narrator.LogInformation("{Line}", line);
}
