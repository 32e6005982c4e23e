using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Sei.Generators.Analyzers;
using Sei.Generators.CodeFixes;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.CodeFixes;

/// <summary>
/// The SEI3002 and SEI3006 fix that rewrites a GET to its POST search counterpart: before and after, Fix All,
/// the calls it must leave alone (an argument with nowhere to go), and a client the generator made.
/// </summary>
public sealed class UseSearchOperationCodeFixTests
{
    private const string Client = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Sei.Client;
        using Sei.Client.Metadata;

        namespace Api.Accounts
        {
            public sealed class AccountSearchRequest
            {
                public IList<string>? Tags { get; set; }
                public string? Name { get; set; }
                public int Limit { get; set; } = 20;
            }

            public sealed class AccountsClient
            {
                [SeiOperation("GET", "/v1/accounts", OperationId = "listAccounts", SearchOperation = "SearchAccountsAsync")]
                public IAsyncEnumerable<string> ListAccountsAsync(
                    [SeiParameter("tags", SeiParameterLocation.Query)] IList<string>? tags = null,
                    [SeiParameter("name", SeiParameterLocation.Query)] string? name = null,
                    [SeiParameter("limit", SeiParameterLocation.Query)] int? limit = null,
                    [SeiParameter("X-Correlation-Source", SeiParameterLocation.Header)] string? xCorrelationSource = null,
                    [SeiParameter("X-Unheard-Of", SeiParameterLocation.Header)] string? xUnheardOf = null,
                    CancellationToken cancellationToken = default) => throw null!;

                [SeiOperation("GET", "/v1/accounts", OperationId = "listAccounts", SearchOperation = "SearchAccountsAsync")]
                public Task<SeiPage<string>> ListAccountsPageAsync(
                    [SeiParameter("tags", SeiParameterLocation.Query)] IList<string>? tags = null,
                    [SeiParameter("X-Correlation-Source", SeiParameterLocation.Header)] string? xCorrelationSource = null,
                    SeiCursor? cursor = null,
                    CancellationToken cancellationToken = default) => throw null!;

                [SeiOperation("POST", "/v1/accounts/search", OperationId = "searchAccounts")]
                public IAsyncEnumerable<string> SearchAccountsAsync(
                    [SeiParameter("body", SeiParameterLocation.Body)] AccountSearchRequest body,
                    [SeiParameter("X-Correlation-Source", SeiParameterLocation.Header)] string? xCorrelationSource = null,
                    CancellationToken cancellationToken = default) => throw null!;

                [SeiOperation("POST", "/v1/accounts/search", OperationId = "searchAccounts")]
                public Task<SeiPage<string>> SearchAccountsPageAsync(
                    [SeiParameter("body", SeiParameterLocation.Body)] AccountSearchRequest body,
                    [SeiParameter("X-Correlation-Source", SeiParameterLocation.Header)] string? xCorrelationSource = null,
                    SeiCursor? cursor = null,
                    CancellationToken cancellationToken = default) => throw null!;
            }
        }
        """;

    private static string Usage(string usings, string body) => usings + """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Api.Accounts;
        using Sei.Client;

        public sealed class Usage
        {
            public async Task Run(AccountsClient client, List<string> ids, string label, int? pageSize, SeiCursor cursor, CancellationToken token)
            {
        """ + body + """

            }
        }
        """;

    /// <summary>Runs the fix on <paramref name="before"/> beside the client's sources: the hand-written <see cref="Client"/> unless others are given.</summary>
    private static Task VerifyAsync(string before, string after, IReadOnlyList<string>? clientSources = null, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixTest<GetUrlLengthAnalyzer, UseSearchOperationCodeFixProvider, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            CodeActionEquivalenceKey = UseSearchOperationCodeFixProvider.EquivalenceKey,
        };
        test.TestState.Sources.Add(("/0/Usage.cs", before));
        test.TestState.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.Sources.Add(("/0/Usage.cs", after));
        foreach (var (source, index) in (clientSources ?? new[] { Client }).Select((s, i) => (s, i)))
        {
            test.TestState.Sources.Add(($"/0/Client{index}.g.cs", source));
            test.FixedState.Sources.Add(($"/0/Client{index}.g.cs", source));
        }

        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.DefaultReferences);
        test.FixedState.AdditionalReferences.AddRange(GeneratorHarness.DefaultReferences);
        return test.RunAsync();
    }

    [Fact]
    public Task Query_filters_move_into_the_search_body_and_the_header_and_token_are_passed_on() => VerifyAsync(
        Usage(string.Empty, """
                await foreach (var id in {|SEI3006:client.ListAccountsAsync(tags: ids, name: "ACME", limit: 50, xCorrelationSource: "tour", cancellationToken: token)|}) { }
        """),
        Usage(string.Empty, """
                await foreach (var id in client.SearchAccountsAsync(new AccountSearchRequest { Tags = ids, Name = "ACME", Limit = 50 }, "tour", token)) { }
        """));

    [Fact]
    public Task A_page_call_becomes_the_search_page_call_keeping_its_cursor_and_skipped_parameters_are_named() => VerifyAsync(
        Usage(string.Empty, """
                _ = client?{|SEI3006:.ListAccountsPageAsync(ids, cursor: cursor)|};
        """),
        Usage(string.Empty, """
                _ = client?.SearchAccountsPageAsync(new AccountSearchRequest { Tags = ids }, cursor: cursor);
        """));

    [Fact]
    public Task The_body_type_is_imported_when_the_file_does_not_name_its_namespace()
    {
        const string Before = """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public sealed class Usage
            {
                public async Task Run(Api.Accounts.AccountsClient client, List<string> ids)
                {
                    await foreach (var id in {|SEI3006:client.ListAccountsAsync(tags: ids)|}) { }
                }
            }
            """;
        const string After = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Api.Accounts;

            public sealed class Usage
            {
                public async Task Run(Api.Accounts.AccountsClient client, List<string> ids)
                {
                    await foreach (var id in client.SearchAccountsAsync(new AccountSearchRequest { Tags = ids })) { }
                }
            }
            """;
        return VerifyAsync(Before, After);
    }

    /// <summary>Each unbounded filter is its own SEI3006 on the same call; fixing one rewrites the call once, with both filters moved.</summary>
    [Fact]
    public Task A_call_with_two_unbounded_filters_is_rewritten_once() => VerifyAsync(
        Usage(string.Empty, """
                await foreach (var id in {|#0:client.ListAccountsAsync(tags: ids, name: label)|}) { }
        """),
        Usage(string.Empty, """
                await foreach (var id in client.SearchAccountsAsync(new AccountSearchRequest { Tags = ids, Name = label })) { }
        """),
        null,
        new DiagnosticResult("SEI3006", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("tags", "ListAccountsAsync"),
        new DiagnosticResult("SEI3006", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("name", "ListAccountsAsync"));

    [Fact]
    public Task Fix_all_rewrites_every_call_in_the_document() => VerifyAsync(
        Usage(string.Empty, """
                await foreach (var id in {|SEI3006:client.ListAccountsAsync(tags: ids)|}) { }
                await foreach (var id in {|SEI3006:client.ListAccountsAsync(name: label)|}) { }
        """),
        Usage(string.Empty, """
                await foreach (var id in client.SearchAccountsAsync(new AccountSearchRequest { Tags = ids })) { }
                await foreach (var id in client.SearchAccountsAsync(new AccountSearchRequest { Name = label })) { }
        """));

    /// <summary>
    /// No fix where an argument would be lost or would not compile in its new place: a header the
    /// search operation does not take, and an <c>int?</c> where the body member is an <c>int</c>.
    /// </summary>
    [Theory]
    [InlineData("tags: ids, xUnheardOf: label")]
    [InlineData("tags: ids, limit: pageSize")]
    public Task A_call_with_an_argument_that_has_nowhere_to_go_is_left_alone(string arguments)
    {
        var source = Usage(string.Empty, "        await foreach (var id in {|SEI3006:client.ListAccountsAsync(" + arguments + ")|}) { }");
        return VerifyAsync(source, source);
    }

    /// <summary>The fix on the client the generator makes from <c>specs/accounts.v1.yaml</c>, not on a hand-written look-alike.</summary>
    [Fact]
    public Task The_fix_works_on_a_generated_client()
    {
        var run = GeneratorHarness.Run(SpecFile.FromRepository("accounts.v1.yaml"));
        var generated = run.Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()).ToArray();
        var longIds = string.Join(", ", Enumerable.Repeat('"' + new string('A', 700) + '"', 3));
        var before = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Consumer.Accounts.V1;

            public sealed class Usage
            {
                public async Task Run(AccountsClient client, List<string> ids, CancellationToken token)
                {
                    var page = await {|SEI3002:client.ListAccountsPageAsync(limit: 50, accountIds: new[] { IDS }, status: AccountStatus.Open, cancellationToken: token)|};
                }
            }
            """;
        var after = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Consumer.Accounts.V1;

            public sealed class Usage
            {
                public async Task Run(AccountsClient client, List<string> ids, CancellationToken token)
                {
                    var page = await client.SearchAccountsPageAsync(new AccountSearchRequest { Limit = 50, AccountIds = new[] { IDS }, Status = AccountStatus.Open }, cancellationToken: token);
                }
            }
            """;
        return VerifyAsync(before.Replace("IDS", longIds, StringComparison.Ordinal), after.Replace("IDS", longIds, StringComparison.Ordinal), generated);
    }
}
