using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Sei.Generators.Analyzers;
using Xunit;

namespace Sei.Generators.Tests.Analyzers;

/// <summary>SEI3002 where the length is known to pass the limit, SEI3006 where a value has no bound; the false-positive cases expect nothing.</summary>
public sealed class GetUrlLengthAnalyzerTests
{
    private static readonly string Long = new('a', 700);
    private static readonly string VeryLong = new('b', 2100);

    private static string Source(string body) => """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Sei.Client.Metadata;

        public sealed class AccountsClient
        {
            [SeiOperation("GET", "/v1/accounts", OperationId = "listAccounts", LongestServerUrl = "https://pilot-api.example.com", SearchOperation = "SearchAccountsAsync")]
            public Task ListAccountsAsync(
                [SeiParameter("accountIds", SeiParameterLocation.Query, MaxLength = 20, MaxItems = 50)] IList<string>? accountIds = null,
                [SeiParameter("tags", SeiParameterLocation.Query)] IList<string>? tags = null,
                [SeiParameter("name", SeiParameterLocation.Query)] string? name = null) => Task.CompletedTask;

            [SeiOperation("POST", "/v1/accounts/search", OperationId = "searchAccounts")]
            public Task SearchAccountsAsync([SeiParameter("body", SeiParameterLocation.Body)] object body) => Task.CompletedTask;
        }

        public sealed class Usage
        {
            public async Task Run(AccountsClient client, HttpClient http, List<string> ids, string id)
            {
        """ + body + """

            }
        }
        """;

    /// <summary>
    /// Generated clients write the longest server URL once, on the interface ([SeiClient]), and leave a
    /// query parameter's location to the attribute's default: the length counts both.
    /// </summary>
    [Fact]
    public Task The_longest_server_url_on_the_interface_and_a_default_query_location_are_counted()
    {
        var server = "https://" + new string('s', 1000);
        var source = $$"""
            using System.Threading.Tasks;
            using Sei.Client.Metadata;

            [SeiClient(LongestServerUrl = "{{server}}")]
            public interface IThingsClient
            {
                [SeiOperation("GET", "/v1/things", OperationId = "listThings")]
                Task ListThingsAsync([SeiParameter("q")] string? q = null);
            }

            public sealed class Usage
            {
                public async Task Run(IThingsClient client)
                {
                    await {|#0:client.ListThingsAsync("{{new string('c', 1100)}}")|};
                    await client.ListThingsAsync("{{new string('c', 900)}}");
                }
            }
            """;

        // 1,008 (server) + 10 (path) + 3 ("?q=") + 1,100 (value).
        return AnalyzerVerifier<GetUrlLengthAnalyzer>.VerifyAsync(source, new DiagnosticResult("SEI3002", DiagnosticSeverity.Error).WithLocation(0).WithArguments("2121"));
    }

    [Fact]
    public Task Constant_arguments_that_pass_2048_characters_are_errors() => AnalyzerVerifier<GetUrlLengthAnalyzer>.VerifyAsync(Source($$"""
                await {|SEI3002:client.ListAccountsAsync(accountIds: new[] { "{{Long}}", "{{Long}}", "{{Long}}" })|};
                await {|SEI3002:client.ListAccountsAsync(name: "{{VeryLong}}")|};
                await {|SEI3002:http.GetAsync("https://api.example.com/v1/x?q={{VeryLong}}")|};
                await {|SEI3002:http.GetStringAsync($"https://api.example.com/v1/{id}?q={{VeryLong}}")|};
        """));

    [Fact]
    public Task A_value_of_unknown_size_for_an_unbounded_parameter_is_a_warning_naming_the_parameter_and_the_method()
        => AnalyzerVerifier<GetUrlLengthAnalyzer>.VerifyAsync(
            Source("""
                await {|#0:client.ListAccountsAsync(tags: ids)|};
        """),
            new DiagnosticResult("SEI3006", DiagnosticSeverity.Warning).WithLocation(0).WithMessage(
                "The query parameter 'tags' of 'ListAccountsAsync' gets a value of unknown size and the document sets no bound, so this GET's URL can pass the 2048 characters SEI accepts. Pass fewer or shorter values, or send them in the body of a POST (the operation's search counterpart, if it has one; the code fix moves the call there)."));

    [Fact]
    public Task Each_unbounded_parameter_of_a_call_is_reported_on_its_own()
        => AnalyzerVerifier<GetUrlLengthAnalyzer>.VerifyAsync(
            Source("""
                var name = string.Concat(ids);
                await {|#0:client.ListAccountsAsync(tags: ids, name: name)|};
        """),
            new DiagnosticResult("SEI3006", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("tags", "ListAccountsAsync"),
            new DiagnosticResult("SEI3006", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("name", "ListAccountsAsync"));

    [Fact]
    public Task A_GET_request_message_with_a_long_URL_is_an_error_wherever_it_is_sent() => AnalyzerVerifier<GetUrlLengthAnalyzer>.VerifyAsync(Source($$"""
                await http.SendAsync({|SEI3002:new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/v1/x?q={{VeryLong}}")|});
                var request = {|SEI3002:new HttpRequestMessage(new HttpMethod("GET"), $"https://api.example.com/v1/{id}?q={{VeryLong}}")|};
                await http.SendAsync(request);
                using var implicitGet = {|SEI3002:new HttpRequestMessage { RequestUri = new System.Uri("https://api.example.com/v1/x?q={{VeryLong}}") }|};
        """));

    [Fact]
    public Task A_collection_built_in_a_loop_for_an_unbounded_parameter_is_a_warning() => AnalyzerVerifier<GetUrlLengthAnalyzer>.VerifyAsync(Source("""
                var tags = new List<string>();
                foreach (var value in ids)
                {
                    tags.Add(value.ToUpperInvariant());
                }

                await {|SEI3006:client.ListAccountsAsync(tags: tags)|};
                var name = string.Empty;
                for (var i = 0; i < ids.Count; i++)
                {
                    name += ids[i];
                }

                await {|SEI3006:client.ListAccountsAsync(name: name)|};
        """));

    [Fact]
    public Task Bounded_short_or_non_GET_calls_are_not_reported() => AnalyzerVerifier<GetUrlLengthAnalyzer>.VerifyAsync(Source("""
                await client.ListAccountsAsync(accountIds: ids);
                await client.ListAccountsAsync(accountIds: new[] { "ACC-1", "ACC-2" }, name: "short");
                await client.ListAccountsAsync();
                await client.SearchAccountsAsync(new object());
                await http.GetAsync("https://api.example.com/v1/accounts");
                await http.GetAsync($"https://api.example.com/v1/accounts/{id}");
                await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/v1/x?q=" + id) { Content = new StringContent(id) });
                await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/v1/accounts"));
        """));

    [Fact]
    public Task A_long_URL_on_a_POST_request_message_is_not_reported() => AnalyzerVerifier<GetUrlLengthAnalyzer>.VerifyAsync(Source($$"""
                await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/v1/x?q={{VeryLong}}"));
                await http.SendAsync(new HttpRequestMessage { Method = HttpMethod.Put, RequestUri = new System.Uri("https://api.example.com/v1/x?q={{VeryLong}}") });
        """));
}
