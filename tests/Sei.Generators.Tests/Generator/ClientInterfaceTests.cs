using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sei.Generators.Analyzers;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>
/// Each generated client has an interface beside it (IAccountsClient) that application code depends
/// on: the registration resolves it to the typed client, an application's own registration of it wins,
/// two versions of one product keep two interfaces, and the analyzers see calls through it as they see
/// calls on the class. That every method is on the interface is checked for every repository and corpus
/// document by <see cref="ClientInterfaces"/>.
/// </summary>
public sealed class ClientInterfaceTests
{
    private const string Probe = """
        using System;
        using System.Reflection;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Consumer.Accounts.V1;
        using V2 = Consumer.Accounts.V2;

        public static class Probe
        {
            public static async Task<string> ThroughTheInterface(string baseUrl)
            {
                var services = new ServiceCollection();
                services.AddAccountsClientV1(options => options.BaseAddress = new Uri(baseUrl));
                V2.AccountsClientServiceCollectionExtensions.AddAccountsClientV2(services, options => { options.BaseAddress = new Uri(baseUrl); options.Retry.Enabled = false; });
                using var provider = services.BuildServiceProvider();
                IAccountsClient v1 = provider.GetRequiredService<IAccountsClient>();
                V2.IAccountsClient v2 = provider.GetRequiredService<V2.IAccountsClient>();
                var first = await v1.GetAccountAsync("ACC-1");
                var second = await v2.GetAccountAsync("ACC-2");
                var followed = await v1.FollowAsync<Account>("/v1/accounts/ACC-3");
                var items = 0;
                await foreach (var account in v1.ListAccountsAsync(limit: 1))
                {
                    items++;
                }

                return string.Join("|", v1 is AccountsClient, v2 is V2.AccountsClient, first.Value.AccountId, second.Value.AccountId, followed.Value.AccountId, items, v1.ServerUrl);
            }

            public static Task<string> TheApplicationsOwnRegistrationWins(string unused)
            {
                var services = new ServiceCollection();
                var fake = DispatchProxy.Create<IAccountsClient, Refuses>();
                services.AddSingleton(fake);
                services.AddAccountsClientV1();
                using var provider = services.BuildServiceProvider();
                return Task.FromResult(string.Join("|", ReferenceEquals(provider.GetRequiredService<IAccountsClient>(), fake), provider.GetRequiredService<AccountsClient>() is not null));
            }
        }

        /// <summary>A hand-written fake of the kind a test writes: here, one that answers nothing.</summary>
        public class Refuses : DispatchProxy
        {
            protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new NotSupportedException(targetMethod?.Name);
        }
        """;

    private const string Account = "\"accountId\":\"ACC-1\",\"type\":\"INDIVIDUAL\",\"status\":\"OPEN\",\"balance\":{\"amount\":1,\"currency\":\"USD\"},\"owner\":{\"name\":\"Ann\"},\"createdAt\":\"2024-01-01T00:00:00Z\",\"href\":\"/a\"";

    private static System.Reflection.Assembly Compile()
        => CompiledClient.Compile(GeneratorHarness.Run(new[] { SpecFile.FromRepository("accounts.v1.yaml"), SpecFile.FromRepository("accounts.v2.yaml") }, new[] { Probe }));

    [Fact]
    public async Task The_registration_resolves_each_versions_interface_to_its_client()
    {
        using var server = new LoopbackServer(request => request.RawUrl!.StartsWith("/v1/accounts?", System.StringComparison.Ordinal)
            ? (200, "{\"data\":[{" + Account + "}],\"paging\":{\"limit\":1}}", "application/json")
            : (200, "{" + Account.Replace("ACC-1", request.RawUrl!.Substring(request.RawUrl.LastIndexOf('/') + 1)) + "}", "application/json"));

        var result = await CompiledClient.InvokeAsync(Compile(), "ThroughTheInterface", server.BaseAddress.ToString());

        Assert.Equal("True|True|ACC-1|ACC-2|ACC-3|1|" + server.BaseAddress, result);
        Assert.Equal(new[] { "/v1/accounts/ACC-1", "/v2/accounts/ACC-2", "/v1/accounts/ACC-3", "/v1/accounts?limit=1" }, server.Requests.Select(r => r.RawUrl));
    }

    [Fact]
    public async Task An_interface_the_application_registered_first_is_kept()
    {
        var result = await CompiledClient.InvokeAsync(Compile(), "TheApplicationsOwnRegistrationWins", string.Empty);

        Assert.Equal("True|True", result);
    }

    private static readonly string Long = new('a', 700);

    [Fact]
    public async Task The_analyzers_see_calls_through_the_interface_and_on_the_class_alike()
    {
        var usage = $$"""
            using System;
            using System.Threading.Tasks;
            using Consumer.Accounts.V1;

            public static class Usage
            {
                public static async Task Run(IAccountsClient viaInterface, AccountsClient viaClass)
                {
                    await viaInterface.ListAccountsPageAsync(accountIds: new[] { "{{Long}}", "{{Long}}", "{{Long}}" });
                    await viaClass.ListAccountsPageAsync(accountIds: new[] { "{{Long}}", "{{Long}}", "{{Long}}" });
                    try { await viaInterface.GetAccountAsync("ACC-1"); } catch (Exception) { }
                    try { await viaClass.GetAccountAsync("ACC-1"); } catch (Exception) { }
                    try { await viaInterface.FollowAsync<Account>("/v1/accounts/ACC-1"); } catch (Exception) { }
                }
            }
            """;
        var run = GeneratorHarness.Run(new[] { SpecFile.FromRepository("accounts.v1.yaml") }, new[] { usage });
        Assert.Empty(run.CompilationDiagnostics(includeWarnings: false));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new GetUrlLengthAnalyzer(), new TrackingIdDroppedAnalyzer());
        var diagnostics = await run.OutputCompilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();

        var lines = diagnostics.Where(d => d.Location.SourceTree?.FilePath == run.OutputCompilation.SyntaxTrees.First().FilePath)
            .Select(d => d.Id + "@" + d.Location.GetLineSpan().StartLinePosition.Line)
            .OrderBy(text => text, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "SEI3001@10", "SEI3001@11", "SEI3002@8", "SEI3002@9" }, lines);
    }
}
