using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Sei.Client;
using Sei.Samples.Accounts.Api.V1;
using Xunit;

namespace Sei.Samples.Accounts.Tests;

/// <summary>AccountReview with a substitute for the generated IAccountsClient: no HTTP, no server.</summary>
public sealed class AccountReviewWithSubstituteTests
{
    private static Account Account(string id, AccountStatus status) => new()
    {
        AccountId = id,
        Status = status,
        Type = AccountType.Individual,
        Balance = new Money { Amount = 10m, Currency = "USD" },
        Owner = new AccountOwner { Name = "Ann" },
    };

    private static async IAsyncEnumerable<Account> Stream(IEnumerable<Account> accounts, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var account in accounts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return account;
        }
    }

    [Fact]
    public async Task Frozen_accounts_are_counted_over_the_whole_list()
    {
        var accounts = Substitute.For<IAccountsClient>();
        accounts.ListAccountsAsync(status: AccountStatus.Frozen, cancellationToken: Arg.Any<CancellationToken>())
            .Returns(Stream(new[] { Account("ACC-1", AccountStatus.Frozen), Account("ACC-2", AccountStatus.Frozen) }));

        var frozen = await new AccountReview(accounts, NullLogger<AccountReview>.Instance).CountFrozenAsync();

        Assert.Equal(2, frozen);
    }

    [Fact]
    public async Task An_account_SEI_does_not_know_has_no_status()
    {
        var accounts = Substitute.For<IAccountsClient>();
        using var response = new HttpResponseMessage(HttpStatusCode.NotFound);
        var notFound = SeiApiException.FromResponse("getAccount", HttpStatusCode.NotFound, Encoding.UTF8.GetBytes("""{"code":"accounts.account.not_found","message":"No such account","trackingId":"t-1","transient":"false"}"""), "t-1", response.Headers);
        accounts.GetAccountAsync("ACC-404", Arg.Any<CancellationToken>()).Returns(Task.FromException<SeiResponse<Account>>(notFound));

        var status = await new AccountReview(accounts, NullLogger<AccountReview>.Instance).StatusOfAsync("ACC-404");

        Assert.Null(status);
    }
}
