using System.Threading.Tasks;
using Sei.Generators.Tests.Infrastructure;
using Sei.Sandbox;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>Link following through the generated client against the SEI sandbox on 127.0.0.1.</summary>
public sealed class SandboxLinkTests
{
    private const string Probe = """
        using System;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Consumer.Accounts.V1;

        public static class Probe
        {
            public static async Task<string> Links(string baseUrl)
            {
                var client = new AccountsClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                var page = await client.ListAccountsPageAsync(limit: 1);
                var account = page.Items[0];
                var untyped = await client.FollowAsync(account.Links, "holders");
                var typed = await client.FollowAsync<AccountHolderList>(account.Links, "HOLDERS");
                var self = await client.FollowAsync<Account>(account.Href!.OriginalString);
                string missing;
                try { await client.FollowAsync(account.Links, "statements"); missing = "followed"; }
                catch (Sei.Client.SeiLinkException exception) { missing = exception.Message; }
                string foreign;
                try { await client.FollowAsync<Account>("https://elsewhere.example.com/v1/accounts/" + account.AccountId); foreign = "followed"; }
                catch (Sei.Client.SeiLinkException exception) { foreign = exception.Message; }
                return string.Join("|",
                    untyped.Value.GetType().Name,
                    ((AccountHolderList)untyped.Value).Data.Count == typed.Value.Data.Count,
                    self.Value.AccountId == account.AccountId,
                    typed.TrackingId is not null,
                    missing,
                    foreign);
            }
        }
        """;

    [Fact]
    public async Task Links_are_followed_by_relation_typed_by_route_or_by_the_caller_and_never_to_another_host()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var assembly = CompiledClient.Compile(GeneratorHarness.Run(new[] { SpecFile.FromRepository("accounts.v1.yaml") }, new[] { Probe }));

        var result = (await CompiledClient.InvokeAsync(assembly, "Links", sandbox.BaseAddress.ToString())).Split('|');

        Assert.Equal("AccountHolderList", result[0]);
        Assert.Equal("True", result[1]);
        Assert.Equal("True", result[2]);
        Assert.Equal("True", result[3]);
        Assert.StartsWith("No link has the relation 'statements'; the links are: holders, balance", result[4]);
        Assert.Contains("leads to https://elsewhere.example.com, not to the API's server", result[5]);
    }
}
