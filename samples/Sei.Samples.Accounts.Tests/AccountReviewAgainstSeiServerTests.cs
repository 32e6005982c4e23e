using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sei.Client;
using Sei.Samples.Accounts.Api.V1;
using Sei.Testing;
using Xunit;

namespace Sei.Samples.Accounts.Tests;

/// <summary>
/// AccountReview through the real generated client and HTTP, against Sei.Testing's server started from
/// the SEI document the client was generated from: paging, an error envelope, a retry after 503, and a
/// URL over 2048 characters refused before it is sent.
/// </summary>
public sealed class AccountReviewAgainstSeiServerTests : IAsyncLifetime
{
    private SeiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await SeiTestServer.StartAsync("specs/accounts.v1.yaml");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    // The server's loggers keep what the client and the service log, so a test can check the tracking IDs were.
    private AccountReview Review()
        => new(
            _server.CreateClient((http, options, loggers) => new AccountsClient(http, options, loggers.CreateLogger<AccountsClient>())),
            _server.LoggerFactory.CreateLogger<AccountReview>());

    private static Account Account(int number, AccountStatus status) => new()
    {
        AccountId = "ACC-" + number,
        Status = status,
        Type = AccountType.Individual,
        Balance = new Money { Amount = number, Currency = "USD" },
        Owner = new AccountOwner { Name = "Owner " + number },
    };

    [Fact]
    public async Task Frozen_accounts_are_counted_over_every_page()
    {
        _server.Seed("listAccounts", Enumerable.Range(1, 45).Select(i => Account(i, i % 3 == 0 ? AccountStatus.Frozen : AccountStatus.Open)));

        var frozen = await Review().CountFrozenAsync();

        Assert.Equal(15, frozen);
        Assert.Equal(5, _server.Requests.Count(r => r.Operation == "listAccounts"));
        Assert.All(_server.Requests, r => Assert.Contains("status=FROZEN", r.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_account_SEI_does_not_know_has_no_status()
    {
        _server.Fail("getAccount", SeiFault.Envelope(404, "accounts.account.not_found"));

        var status = await Review().StatusOfAsync("ACC-404");

        Assert.Null(status);
        var logged = Assert.Single(_server.Logs, l => l.Category == typeof(AccountReview).FullName);
        var refusal = Assert.IsType<SeiApiException>(logged.Exception);
        Assert.Contains("(tracking ID " + refusal.TrackingId + ")", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transient_503_is_retried_and_the_status_read()
    {
        _server.Fail("getAccount", SeiFault.Envelope(503, "accounts.unavailable", transient: true) with { RetryAfter = TimeSpan.Zero });

        var status = await Review().StatusOfAsync("ACC-1");

        Assert.NotNull(status);
        Assert.Equal(new[] { 503, 200 }, _server.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Too_many_IDs_for_one_URL_are_refused_before_anything_is_sent()
    {
        var ids = Enumerable.Range(1, 150).Select(i => "ACC-" + i.ToString("D16", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var refused = await Assert.ThrowsAsync<SeiUrlTooLongException>(() => Review().FindAsync(ids));

        Assert.Contains("SearchAccountsAsync", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }
}
