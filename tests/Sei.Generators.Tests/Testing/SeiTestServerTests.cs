using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Sei.Client;
using Sei.Client.Metadata;
using Sei.Generators.Tests.Corpus;
using Sei.Generators.Tests.Infrastructure;
using Sei.Testing;
using Xunit;

namespace Sei.Generators.Tests.Testing;

/// <summary>
/// Sei.Testing's server against SEI's conventions, with the generated client of the same document as
/// its caller (in memory and over loopback TCP), and against corpus documents it was not written for:
/// it starts, and answers every GET with a body the generated client reads back.
/// </summary>
[Collection(CorpusClients.Name)]
public sealed class SeiTestServerTests
{
    private const string Probe = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Sei.Client;
        using Consumer.Accounts.V1;

        public static class Probe
        {
            private static IAccountsClient Client(HttpClient http)
                => new AccountsClient(http, new SeiClientOptions { BaseAddress = http.BaseAddress, Retry = { Enabled = false } });

            public static async Task<string> Read(HttpClient http)
            {
                var accounts = Client(http);
                var account = await accounts.GetAccountAsync("ACC-00000001");
                var walked = new List<string>();
                await foreach (var item in accounts.ListAccountsAsync(limit: 10))
                {
                    walked.Add(item.AccountId ?? string.Empty);
                }

                var page = await accounts.ListAccountsPageAsync(limit: 10);
                return string.Join("|", account.Value.AccountId, account.TrackingId is { Length: 36 }, walked.Count, walked.Distinct().Count(), page.TotalCount, page.Cursors.Next is not null);
            }

            public static async Task<string> Refused(HttpClient http)
            {
                try
                {
                    await Client(http).GetAccountAsync(new string('A', 30));
                    return "answered";
                }
                catch (SeiApiException exception)
                {
                    var error = exception.Errors.Single();
                    return string.Join("|", (int)exception.StatusCode, exception.Code, error.Field, error.Location, exception.TrackingId is { Length: 36 });
                }
            }
        }
        """;

    private static readonly Lazy<Assembly> AccountsClient = new(() =>
        CompiledClient.Compile(GeneratorHarness.Run(new[] { SpecFile.FromRepository("accounts.v1.yaml") }, new[] { Probe })));

    private static Task<SeiTestServer> StartAsync(SeiTestServerOptions? options = null)
        => SeiTestServer.StartAsync("accounts.v1.yaml", System.IO.File.ReadAllText(Paths.Spec("accounts.v1.yaml")), options);

    [Theory]
    [InlineData(SeiTestTransport.InMemory)]
    [InlineData(SeiTestTransport.Loopback)]
    public async Task The_generated_client_reads_an_operation_and_walks_every_page(SeiTestTransport transport)
    {
        await using var server = await StartAsync(new SeiTestServerOptions { Transport = transport, ListLength = 25 });
        using var http = server.CreateHttpClient();

        var result = await CompiledClient.InvokeAsync(AccountsClient.Value, "Read", http);

        // The path value is echoed; 25 distinct items over three pages; cursors hold +, / and =, and come back encoded.
        Assert.Equal("ACC-00000001|True|25|25|25|True", result);
        var second = server.Requests[2].Url;
        Assert.True(second.Contains("%2B", StringComparison.Ordinal) && second.Contains("%2F", StringComparison.Ordinal) && second.Contains("%3D", StringComparison.Ordinal), second);
        Assert.Equal(transport == SeiTestTransport.InMemory ? "sei.test" : "127.0.0.1", server.BaseAddress.Host);
        Assert.Equal(new[] { "getAccount", "listAccounts", "listAccounts", "listAccounts", "listAccounts" }, server.Requests.Select(r => r.Operation));
        Assert.All(server.Requests, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task A_request_against_the_document_is_refused_with_the_envelope_naming_the_field()
    {
        await using var server = await StartAsync();
        using var http = server.CreateHttpClient();

        var result = await CompiledClient.InvokeAsync(AccountsClient.Value, "Refused", http);

        Assert.Equal("400|request.validation.failed|accountId|path|True", result);
    }

    [Fact]
    public async Task Bodies_are_checked_for_media_type_and_required_members()
    {
        await using var server = await StartAsync();
        using var http = server.CreateHttpClient();

        using var wrongType = await http.PostAsync("v1/accounts", new StringContent("{}", Encoding.UTF8, "text/plain"));
        using var missing = await http.PostAsync("v1/accounts", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(new[] { "Content-Type@header" }, await FieldsAsync(wrongType));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var fields = await FieldsAsync(missing);
        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.EndsWith("@body", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_media_type_the_document_offers_for_a_body_is_taken_and_only_those()
    {
        const string Document = """
            openapi: 3.0.3
            info: {title: SEI Notes API, version: '1'}
            paths:
              /v1/notes:
                post:
                  operationId: createNote
                  requestBody:
                    required: true
                    content:
                      text/json:
                        schema: {type: object, required: [title], properties: {title: {type: string}}}
                      text/plain:
                        schema: {type: string}
                  responses:
                    '204': {description: Created.}
            """;
        await using var server = await SeiTestServer.StartAsync("notes.v1.yaml", Document, null);
        using var http = server.CreateHttpClient();

        using var json = await http.PostAsync("v1/notes", new StringContent("{\"title\":\"t\"}", Encoding.UTF8, "text/json"));
        using var text = await http.PostAsync("v1/notes", new StringContent("a note", Encoding.UTF8, "text/plain"));
        using var missing = await http.PostAsync("v1/notes", new StringContent("{}", Encoding.UTF8, "text/json"));
        using var other = await http.PostAsync("v1/notes", new StringContent("<note/>", Encoding.UTF8, "application/xml"));

        // What the client's CreateNoteAsync and CreateNoteAsTextAsync send is taken; the JSON one is still checked.
        Assert.Equal(HttpStatusCode.NoContent, json.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, text.StatusCode);
        Assert.Equal(new[] { "title@body" }, await FieldsAsync(missing));
        Assert.Equal(new[] { "Content-Type@header" }, await FieldsAsync(other));
        Assert.Contains("text/json or text/plain", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateway_answers_long_URLs_unknown_paths_and_methods_with_the_envelope_and_a_tracking_ID()
    {
        await using var server = await StartAsync();
        using var http = server.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "secret-token");

        using var tooLong = await http.GetAsync("v1/accounts?status=" + new string('x', 2100));
        using var unknown = await http.GetAsync("v1/nothing-here");
        using var method = await http.PutAsync("v1/accounts", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode)414, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        foreach (var response in new[] { tooLong, unknown, method })
        {
            var trackingId = Assert.Single(response.Headers.GetValues("RequestTrackingId"));
            var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(trackingId, (string?)envelope["trackingId"]);
            Assert.False(string.IsNullOrEmpty((string?)envelope["code"]));
            Assert.Equal("false", (string?)envelope["transient"]);
        }

        Assert.All(server.Requests, r => Assert.Equal("***", r.Headers["Authorization"]));
        Assert.DoesNotContain(server.Requests, r => r.Headers.Values.Any(v => v.Contains("secret-token", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Past_its_quota_the_gateway_answers_429_with_Retry_After_until_the_window_ends()
    {
        await using var server = await StartAsync(new SeiTestServerOptions { QuotaLimit = 2, QuotaWindow = TimeSpan.FromMinutes(1) });
        using var http = server.CreateHttpClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await http.GetAsync("v1/accounts/ACC-1");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }, statuses);
        var retryAfter = last!.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var envelope = JsonNode.Parse(await last.Content.ReadAsStringAsync())!;
        Assert.Equal("gateway.quota.exceeded", (string?)envelope["code"]);
        Assert.Equal("true", (string?)envelope["transient"]);
        last.Dispose();
    }

    [Fact]
    public async Task An_operation_whose_document_has_an_example_answers_with_it()
    {
        await using var server = await StartAsync();
        using var http = server.CreateHttpClient();

        var account = JsonNode.Parse(await http.GetStringAsync("v1/accounts/ACC-7"))!;

        // The document's example of getAccount, with the path's own account ID.
        Assert.Equal("ACC-7", (string?)account["accountId"]);
        Assert.Equal("FROZEN", (string?)account["status"]);
        Assert.Equal("Whitfield Family Trust", (string?)account["nickname"]);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_data()
    {
        await using var first = await StartAsync(new SeiTestServerOptions { Seed = 7 });
        await using var second = await StartAsync(new SeiTestServerOptions { Seed = 7 });
        await using var other = await StartAsync(new SeiTestServerOptions { Seed = 8 });
        static async Task<string> Page(SeiTestServer server)
        {
            using var http = server.CreateHttpClient();
            var text = await http.GetStringAsync("v1/accounts?limit=3");
            return text;
        }

        Assert.Equal(await Page(first), await Page(second));
        Assert.NotEqual(await Page(first), await Page(other));
    }

    [Fact]
    public async Task A_document_that_cannot_be_read_is_a_typed_exception_saying_what_to_do()
    {
        var unreadable = await Assert.ThrowsAsync<SeiTestServerException>(() => SeiTestServer.StartAsync("notes.yaml", "just: [text", null));
        var missing = await Assert.ThrowsAsync<SeiTestServerException>(() => SeiTestServer.StartAsync("no/such/accounts.yaml"));

        Assert.Contains("could not read 'notes.yaml'", unreadable.Message, StringComparison.Ordinal);
        Assert.Contains("CopyToOutputDirectory", missing.Message, StringComparison.Ordinal);
    }

    /// <summary>Documents the server was not written for: a Swagger 2.0 and an OpenAPI 3.0 document of the corpus.</summary>
    public static TheoryData<string> UnseenDocuments => new() { "slack__web_openapi_v2.json", "twilio__api_v2010.json" };

    [Theory]
    [MemberData(nameof(UnseenDocuments))]
    public async Task A_document_it_has_never_seen_answers_every_GET_with_a_body_the_client_reads_back(string fileName)
    {
        var (assembly, _) = CorpusBehaviourTests.Load(fileName);
        await using var server = await SeiTestServer.StartAsync(fileName, CorpusDocuments.ReadText(fileName), null);
        using var http = server.CreateHttpClient();
        var clientType = CompiledClient.ClientType(assembly, CorpusRuns.Get(fileName).Run.OutputCompilation);
        var client = Activator.CreateInstance(clientType, http, new SeiClientOptions { BaseAddress = server.BaseAddress, Retry = { Enabled = false } }, null)!;
        var gets = clientType.GetInterface("I" + clientType.Name)!.GetMethods()
            .Where(m => m.GetCustomAttribute<SeiOperationAttribute>()?.HttpMethod == "GET" && typeof(Task).IsAssignableFrom(m.ReturnType))
            .ToList();

        var failures = new List<string>();
        foreach (var method in gets)
        {
            var arguments = method.GetParameters()
                .Select(p => p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : p.HasDefaultValue ? p.DefaultValue : SampleValues.For(p.ParameterType, p.Name!))
                .ToArray();
            try
            {
                var task = (Task)method.Invoke(client, arguments)!;
                await task;
                var value = task.GetType().GetProperty("Result")!.GetValue(task);
                if (value is SeiResponse { StatusCode: < HttpStatusCode.OK or >= HttpStatusCode.MultipleChoices } response)
                {
                    failures.Add(method.Name + ": " + response.StatusCode);
                }
            }
            catch (Exception exception)
            {
                failures.Add(method.Name + ": " + (exception.InnerException ?? exception).Message);
            }
        }

        Assert.True(gets.Count >= 20, "Only " + gets.Count + " GET operations in " + fileName);
        Assert.True(failures.Count == 0, failures.Count + " of " + gets.Count + " GET operations failed:\n" + string.Join("\n", failures.Take(20)));
        Assert.Equal(gets.Count, server.Requests.Count(r => r.Operation is not null && r.Status == 200));
    }

    private static async Task<string[]> FieldsAsync(HttpResponseMessage response)
    {
        var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return envelope["errors"]!.AsArray().Select(e => (string?)e!["field"] + "@" + (string?)e["location"]).ToArray();
    }
}
