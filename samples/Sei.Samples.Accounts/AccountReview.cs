using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sei.Client;
using Sei.Samples.Accounts.Api.V1;

namespace Sei.Samples.Accounts;

/// <summary>
/// A piece of an application that uses SEI's Accounts API: it depends on the generated
/// <see cref="IAccountsClient"/>, not on the client class, so its tests can substitute it.
/// </summary>
public sealed partial class AccountReview
{
    private readonly IAccountsClient _accounts;
    private readonly ILogger<AccountReview> _logger;

    /// <summary>Initializes a new instance of the <see cref="AccountReview"/> class.</summary>
    /// <param name="accounts">The Accounts API (registered by <c>AddAccountsClientV1</c>).</param>
    /// <param name="logger">Where the review logs what SEI answered.</param>
    public AccountReview(IAccountsClient accounts, ILogger<AccountReview> logger)
    {
        _accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Counts the frozen accounts, reading every page of the list.</summary>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>How many accounts are frozen.</returns>
    public async Task<int> CountFrozenAsync(CancellationToken cancellationToken = default)
    {
        var frozen = 0;
        await foreach (var account in _accounts.ListAccountsAsync(status: AccountStatus.Frozen, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            frozen += account.Status == AccountStatus.Frozen ? 1 : 0;
        }

        return frozen;
    }

    /// <summary>Reads an account's status; an account SEI does not know is <see langword="null"/>, logged with the tracking ID.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, or <see langword="null"/> when SEI answered 404.</returns>
    public async Task<AccountStatus?> StatusOfAsync(string accountId, CancellationToken cancellationToken = default)
    {
        try
        {
            var account = await _accounts.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
            return account.Value.Status;
        }
        catch (SeiApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            LogUnknownAccount(_logger, exception, accountId, exception.TrackingId);
            return null;
        }
    }

    /// <summary>Reads the first page of the accounts with the given IDs.</summary>
    /// <param name="accountIds">The IDs; SEI refuses a GET whose URL passes 2048 characters, and the client refuses it before sending.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The accounts found.</returns>
    public async Task<IReadOnlyList<Account>> FindAsync(IList<string> accountIds, CancellationToken cancellationToken = default)
        => (await _accounts.ListAccountsPageAsync(accountIds: accountIds, cancellationToken: cancellationToken).ConfigureAwait(false)).Items;

    [LoggerMessage(1, LogLevel.Warning, "SEI knows no account {AccountId} (tracking ID {TrackingId})")]
    private static partial void LogUnknownAccount(ILogger logger, Exception exception, string accountId, string? trackingId);
}
