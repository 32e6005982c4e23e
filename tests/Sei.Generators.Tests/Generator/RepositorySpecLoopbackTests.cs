using System.Linq;
using System.Threading.Tasks;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>
/// The clients generated from the repository's specs, compiled together into one assembly, against a
/// real HTTP server on 127.0.0.1: form, multipart and binary bodies, streamed downloads, and unions
/// read from JSON with and without a discriminator.
/// </summary>
public sealed class RepositorySpecLoopbackTests
{
    private const string Probe = """"
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Text;
        using System.Text.Json;
        using System.Threading.Tasks;

        public static class Probe
        {
            private static HttpClient Http(string baseUrl) => new HttpClient { BaseAddress = new Uri(baseUrl) };

            public static async Task<string> FormBatch(string baseUrl)
            {
                var client = new Consumer.Payments.V1.PaymentsClient(Http(baseUrl));
                var form = new Consumer.Payments.V1.PaymentBatchForm
                {
                    BatchName = "March run",
                    PaymentIds = new[] { Guid.Parse("11111111-1111-1111-1111-111111111111"), Guid.Parse("22222222-2222-2222-2222-222222222222") },
                    ExecutionDate = new DateOnly(2024, 3, 1),
                };
                try { await client.CreatePaymentBatchAsync(form); } catch (Sei.Client.SeiException) { }
                return "sent";
            }

            public static async Task<string> Upload(string baseUrl)
            {
                var client = new Consumer.Accounts.V1.AccountsClient(Http(baseUrl));
                var request = new Consumer.Accounts.V1.UploadAccountDocumentRequest
                {
                    File = Sei.Client.SeiFile.FromBytes(Encoding.UTF8.GetBytes("%PDF-1.7 statement"), "statement.pdf", "application/pdf"),
                    DocumentType = Consumer.Accounts.V1.DocumentType.KnownValues[0],
                    Description = "March statement",
                };
                try { await client.UploadAccountDocumentAsync("ACC-1", request); } catch (Sei.Client.SeiException) { }
                return "sent";
            }

            public static async Task<string> Download(string baseUrl)
            {
                var client = new Consumer.Accounts.V1.AccountsClient(Http(baseUrl));
                var response = await client.GetAccountStatementAsync("ACC-1", "ST-9");
                using var stream = response.Value;
                using var reader = new StreamReader(stream);
                return await reader.ReadToEndAsync() + "|" + response.TrackingId;
            }

            public static async Task<string> MergePatch(string baseUrl)
            {
                var client = new Consumer.Accounts.V1.AccountsClient(Http(baseUrl));
                try { await client.UpdateAccountAsync("ACC-1", new Consumer.Accounts.V1.AccountUpdate { Nickname = null }); } catch (Sei.Client.SeiException) { }
                try { await client.UpdateAccountAsync("ACC-1", new Consumer.Accounts.V1.AccountUpdate { Tags = new[] { "vip" } }); } catch (Sei.Client.SeiException) { }
                return "sent";
            }

            public static Task<string> Unions(string unused)
            {
                const string json = """
                    [
                      {"kind":"CARD","transactionId":"11111111-1111-1111-1111-111111111111","amount":{"amount":12.5,"currency":"USD"},"bookedAt":"2024-03-01T10:00:00Z","href":"/v2/t/1","cardLast4":"4242","merchantName":"Cafe"},
                      {"kind":"TRANSFER","transactionId":"22222222-2222-2222-2222-222222222222","amount":{"amount":100,"currency":"USD"},"bookedAt":"2024-03-02T10:00:00Z","href":"/v2/t/2","direction":"INBOUND","counterparty":{"institutionName":"Bank"}},
                      {"kind":"CASHBACK","transactionId":"33333333-3333-3333-3333-333333333333","amount":{"amount":1,"currency":"USD"},"bookedAt":"2024-03-03T10:00:00Z","href":"/v2/t/3"}
                    ]
                    """;
                // The public path: System.Text.Json reads the list, and each item through the converter its type names.
                var items = JsonSerializer.Deserialize<System.Collections.Generic.List<Consumer.Accounts.V2.Transaction>>(json)!;
                var transfer = items[1].TransferTransaction!;
                var written = Sei.Client.Json.SeiJson.Serialize(items[2]);
                return Task.FromResult(string.Join("|",
                    items[0].CardTransaction!.MerchantName,
                    transfer.Counterparty.InstitutionCounterparty!.InstitutionName,
                    transfer.Counterparty.IndividualCounterparty is null,
                    items[2].Value is JsonElement,
                    written.Contains("CASHBACK")));
            }
        }
        """";

    private static readonly System.Lazy<System.Reflection.Assembly> Assembly = new(() => CompiledClient.Compile(GeneratorHarness.Run(
        new[] { SpecFile.FromRepository("accounts.v1.yaml"), SpecFile.FromRepository("accounts.v2.yaml"), SpecFile.FromRepository("payments.v1.yaml") },
        new[] { Probe })));

    [Fact]
    public async Task A_form_body_is_url_encoded_field_by_field()
    {
        using var server = new LoopbackServer(_ => (500, string.Empty, null));

        await CompiledClient.InvokeAsync(Assembly.Value, "FormBatch", server.BaseAddress.ToString());

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("batchName=March+run&paymentIds=11111111-1111-1111-1111-111111111111&paymentIds=22222222-2222-2222-2222-222222222222&executionDate=2024-03-01&notifyByEmail=false&priority=5", request.Body);
    }

    [Fact]
    public async Task A_multipart_body_carries_the_file_and_the_fields()
    {
        using var server = new LoopbackServer(_ => (500, string.Empty, null));

        await CompiledClient.InvokeAsync(Assembly.Value, "Upload", server.BaseAddress.ToString());

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/accounts/ACC-1/documents", request.RawUrl);
        Assert.StartsWith("multipart/form-data", request.ContentType);
        Assert.Contains("name=\"file\"; filename=\"statement.pdf\"", request.Body.Replace("name=file", "name=\"file\""));
        Assert.Contains("%PDF-1.7 statement", request.Body);
        Assert.Contains("March statement", request.Body);
    }

    [Fact]
    public async Task A_binary_response_is_streamed_to_the_caller()
    {
        using var server = new LoopbackServer(_ => (200, "%PDF-1.7 bytes", "application/pdf"));

        var result = await CompiledClient.InvokeAsync(Assembly.Value, "Download", server.BaseAddress.ToString());

        Assert.Equal("%PDF-1.7 bytes|6cfbfd80-60ef-04bb-8b67-95f164846a3d", result);
        Assert.Equal("/v1/accounts/ACC-1/statements/ST-9", Assert.Single(server.Requests).RawUrl);
    }

    [Fact]
    public async Task A_merge_patch_sends_null_for_a_cleared_field_and_leaves_out_unset_ones()
    {
        using var server = new LoopbackServer(_ => (500, string.Empty, null));

        await CompiledClient.InvokeAsync(Assembly.Value, "MergePatch", server.BaseAddress.ToString());

        var bodies = server.Requests.Select(r => r.Body).ToArray();
        Assert.Equal(new[] { "{\"nickname\":null}", "{\"tags\":[\"vip\"]}" }, bodies);
        Assert.All(server.Requests, r => Assert.Equal("PATCH", r.Method));
    }

    [Fact]
    public async Task Unions_are_read_by_discriminator_by_shape_and_kept_when_unknown()
    {
        var result = await CompiledClient.InvokeAsync(Assembly.Value, "Unions", string.Empty);

        Assert.Equal("Cafe|Bank|True|True|True", result);
    }
}
