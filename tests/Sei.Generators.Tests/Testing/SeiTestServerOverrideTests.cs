using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Testing;

/// <summary>
/// A test's own answers on Sei.Testing's server, used as a user's test uses them (the probe below is
/// compiled against the generated client and the Sei.Testing assembly): every kind of fault, typed
/// handlers with the generated models, and seeded lists.
/// </summary>
public sealed class SeiTestServerOverrideTests
{
    private const string Probe = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using Sei.Client;
        using Sei.Testing;
        using Consumer.Accounts.V1;

        public static class Probe
        {
            private static Task<SeiTestServer> Start(string document) => SeiTestServer.StartAsync("accounts.v1.yaml", document, null);

            // Only the delay fault needs a short timeout. Every other call keeps a long one: a timeout that
            // fires on a loaded machine just as an answer arrives aborts the answer's body mid-read.
            private static IAccountsClient Client(SeiTestServer server, bool retry = false, double timeoutSeconds = 60)
                => server.CreateClient((http, options) => new AccountsClient(http, options), options =>
                {
                    options.Retry.Enabled = retry;
                    options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
                    options.Timeout = TimeSpan.FromSeconds(timeoutSeconds);
                });

            private static async Task<string> Outcome(Func<Task<SeiResponse<Account>>> call)
            {
                try
                {
                    var response = await call();
                    return "ok:" + (response.TrackingId ?? "no-tracking-id");
                }
                catch (SeiQuotaExceededException exception)
                {
                    return "quota:" + exception.RetryAfter?.TotalSeconds;
                }
                catch (SeiApiException exception)
                {
                    return (int)exception.StatusCode + ":" + (exception.Code ?? "no-code") + ":" + exception.Transient + ":" + (exception.TrackingId is { Length: 36 });
                }
                catch (SeiException exception)
                {
                    return exception.GetType().Name;
                }
                catch (Exception exception)
                {
                    return "untyped " + exception.GetType().Name;
                }
            }

            public static async Task<string> Faults(string document)
            {
                await using var server = await Start(document);
                var accounts = Client(server);
                var results = new List<string>();
                server.Fail("getAccount", SeiFault.Envelope(404, "accounts.account.not_found"));
                results.Add(await Outcome(() => accounts.GetAccountAsync("ACC-1")));
                server.Fail("getAccount", SeiFault.Envelope(503, "accounts.unavailable", transient: true) with { TransientAsBoolean = true });
                results.Add(await Outcome(() => accounts.GetAccountAsync("ACC-1")));
                server.Fail("getAccount", SeiFault.Empty(500));
                results.Add(await Outcome(() => accounts.GetAccountAsync("ACC-1")));
                server.Fail("getAccount", SeiFault.Html(502));
                results.Add(await Outcome(() => accounts.GetAccountAsync("ACC-1")));
                server.Fail("getAccount", SeiFault.Quota(TimeSpan.FromSeconds(30)));
                results.Add(await Outcome(() => accounts.GetAccountAsync("ACC-1")));
                server.Fail("getAccount", SeiFault.ExpiredToken());
                results.Add(await Outcome(() => accounts.GetAccountAsync("ACC-1")));
                server.Fail(null, SeiFault.DroppedTrackingId());
                results.Add(await Outcome(() => accounts.GetAccountAsync("ACC-1")));
                server.Fail("getAccount", SeiFault.Delay(TimeSpan.FromSeconds(10)));
                results.Add(await Outcome(() => Client(server, timeoutSeconds: 1).GetAccountAsync("ACC-1")));
                server.Fail("listAccounts", SeiFault.RepeatedCursor(), times: 5);
                try
                {
                    await foreach (var item in accounts.ListAccountsAsync())
                    {
                    }

                    results.Add("walked");
                }
                catch (SeiPagingException)
                {
                    results.Add("loop refused");
                }

                return string.Join("|", results.Select(r => r.StartsWith("ok:", StringComparison.Ordinal) && r.Length == 39 ? "ok" : r));
            }

            public static async Task<string> RetryAfter503(string document)
            {
                await using var server = await Start(document);
                server.Fail("getAccount", SeiFault.Envelope(503, "accounts.unavailable", transient: true) with { RetryAfter = TimeSpan.Zero });
                var account = await Client(server, retry: true).GetAccountAsync("ACC-7");
                return account.Value.AccountId + "|" + string.Join(",", server.Requests.Select(r => r.Status));
            }

            public static async Task<string> Logged(string document)
            {
                await using var server = await Start(document);
                var accounts = server.CreateClient((http, options, loggers) => new AccountsClient(http, options, loggers.CreateLogger<AccountsClient>()));
                var response = await accounts.GetAccountAsync("ACC-1");
                var entry = server.Logs.Single(l => l.Message.Contains(response.TrackingId!));
                return entry.Category + "|" + entry.Level;
            }

            public static async Task<string> Handled(string document)
            {
                await using var server = await Start(document);
                server.Handle("getAccount", request => SeiTestResponse.Of(new Account
                {
                    AccountId = request.PathValues["accountId"],
                    Type = AccountType.Individual,
                    Status = AccountStatus.Frozen,
                    Balance = new Money { Amount = 12.5m, Currency = "EUR" },
                    Owner = new AccountOwner { Name = "Ada" },
                    CreatedAt = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero),
                    Href = new Uri("/v1/accounts/" + request.PathValues["accountId"], UriKind.Relative),
                }));
                server.Seed("listAccounts", Enumerable.Range(1, 12).Select(i => new Account
                {
                    AccountId = "ACC-" + i,
                    Type = AccountType.Individual,
                    Status = AccountStatus.Open,
                    Balance = new Money { Amount = i, Currency = "USD" },
                    Owner = new AccountOwner { Name = "Owner " + i },
                    CreatedAt = new DateTimeOffset(2024, 1, i, 0, 0, 0, TimeSpan.Zero),
                    Href = new Uri("/v1/accounts/ACC-" + i, UriKind.Relative),
                }));
                var accounts = Client(server);
                var account = (await accounts.GetAccountAsync("ACC-42")).Value;
                var ids = new List<string?>();
                await foreach (var item in accounts.ListAccountsAsync(limit: 5))
                {
                    ids.Add(item.AccountId);
                }

                string unknown;
                try { server.Handle("noSuchOperation", _ => SeiTestResponse.Empty()); unknown = "accepted"; }
                catch (ArgumentException exception) { unknown = exception.Message.Contains("getAccount") ? "refused, naming the operations" : exception.Message; }

                return string.Join("|", account.AccountId, account.Status == AccountStatus.Frozen, account.Owner.Name, ids.Count, ids.First(), ids.Last(), unknown);
            }
        }
        """;

    private static readonly AccountsProbe Probes = new(Probe);

    [Fact]
    public async Task Every_kind_of_fault_reaches_the_client_as_SEI_would_send_it()
    {
        var result = await Probes.RunAsync("Faults");

        Assert.Equal(
            string.Join("|", new[]
            {
                "404:accounts.account.not_found:False:True",
                "503:accounts.unavailable:True:True",
                "500:no-code:False:True",
                "502:no-code:False:True",
                "quota:30",
                "401:gateway.authentication.failure:False:True",
                "ok:no-tracking-id",
                "SeiTimeoutException",
                "loop refused",
            }),
            result);
    }

    [Fact]
    public async Task A_transient_503_is_retried_and_the_second_request_succeeds()
    {
        var result = await Probes.RunAsync("RetryAfter503");

        Assert.Equal("ACC-7|503,200", result);
    }

    [Fact]
    public async Task The_server_keeps_what_its_clients_logged_so_a_test_can_find_the_tracking_ID()
    {
        var result = await Probes.RunAsync("Logged");

        Assert.Equal("Consumer.Accounts.V1.AccountsClient|Information", result);
    }

    [Fact]
    public async Task Handlers_and_seeded_lists_answer_with_the_generated_models()
    {
        var result = await Probes.RunAsync("Handled");

        Assert.Equal("ACC-42|True|Ada|12|ACC-1|ACC-12|refused, naming the operations", result);
    }
}
