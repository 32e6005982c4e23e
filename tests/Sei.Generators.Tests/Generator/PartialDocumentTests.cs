using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sei.Generators.Model;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>
/// Clients generated from part of a document (<c>SeiInclude</c>, <c>SeiExclude</c>), compiled with
/// every warning an error and called over a real HTTP server on 127.0.0.1; and the whole document,
/// whose output does not change when the metadata is absent, empty or blank.
/// </summary>
public sealed class PartialDocumentTests
{
    /// <summary>Ten Stripe operations, written as a project file would hold them: one entry a line, several kinds of pattern.</summary>
    internal const string TenStripeOperations = """

        GET /v1/balance
        GET /v1/products; POST /v1/products
        GET /v1/products/{id}; DELETE /v1/products/{id}
        op:GetPrices; op:GetPricesPrice
        GET /v1/tax_rates/**
        GET /v1/coupons

        """;

    private const string StripeProbe = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        public static class Probe
        {
            public static async Task<string> GetProduct(string baseUrl)
            {
                var client = new Consumer.Stripe.V1.StripeClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                var response = await client.GetProductsIdAsync("prod_1");
                Consumer.Stripe.V1.Product product = response.Value;
                return string.Join("|", product.Id, product.Name, product.Active, product.Images.Count, product.Metadata["tier"], response.TrackingId);
            }

            public static async Task<string> DeleteMissingProduct(string baseUrl)
            {
                var client = new Consumer.Stripe.V1.StripeClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                try
                {
                    await client.DeleteProductsIdAsync("prod_missing");
                    return "no error";
                }
                catch (Sei.Client.SeiApiException exception)
                {
                    // The document's own error body, generated because the operation's default response names it.
                    Consumer.Stripe.V1.Error error = Sei.Client.Json.SeiJson.Deserialize<Consumer.Stripe.V1.Error>(exception.RawBody);
                    return string.Join("|", (int)exception.StatusCode, error.ErrorProperty.Type, error.ErrorProperty.Code, error.ErrorProperty.Param);
                }
            }
        }
        """;

    private const string CatProbe = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        public static class Probe
        {
            public static async Task<string> GetCat(string baseUrl)
            {
                var client = new Consumer.Selection.V1.SelectionClient(new HttpClient { BaseAddress = new Uri(baseUrl) });
                Consumer.Selection.V1.Cat cat = await client.GetCatAsync("leo");
                var lion = (Consumer.Selection.V1.Lion)cat;
                return string.Join("|", lion.GetType().Name, lion.Name, lion.Mane, lion.Claws!.Sharp);
            }
        }
        """;

    private static readonly string[] StripeOperationMethods =
    {
        "GetBalanceAsync", "GetProductsAsync", "PostProductsAsync", "GetProductsIdAsync", "DeleteProductsIdAsync",
        "GetPricesAsync", "GetPricesPriceAsync", "GetTaxRatesAsync", "GetTaxRatesTaxRateAsync", "GetCouponsAsync",
    };

    private static SpecFile Stripe(string? include) => new(GeneratorHarness.ProjectDirectory + "stripe.json", CorpusDocuments.ReadText("stripe__spec3.json"), Include: include);

    private static SpecFile Selection(string? include) => new(GeneratorHarness.ProjectDirectory + "selection.v1.yaml", File.ReadAllText(Paths.TestDocument("selection.v1.yaml")), Include: include);

    [Fact]
    public async Task Ten_Stripe_operations_compile_alone_and_call_their_API()
    {
        var run = GeneratorHarness.Run(new[] { Stripe(TenStripeOperations) }, new[] { StripeProbe });
        Assert.Null(run.Fault());
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "SEI2010" or "SEI2011");

        // The client holds the ten operations and nothing else; the models hold what they reach, and not, say, customers.
        var client = run.Source(".Client.g.cs");
        var methods = System.Text.RegularExpressions.Regex.Matches(client, @"public (?:async )?[^\n]*? (\w+Async)\(").Select(m => m.Groups[1].Value).Where(m => !m.EndsWith("PageAsync", StringComparison.Ordinal)).Distinct().OrderBy(m => m, StringComparer.Ordinal);
        Assert.Equal(StripeOperationMethods.OrderBy(m => m, StringComparer.Ordinal), methods);
        Assert.Contains("partial class Product", run.Source(".Models.g.cs"));
        Assert.Contains("partial class Error", run.Source(".Models.g.cs"));
        Assert.DoesNotContain("partial class CheckoutSession", run.Source(".Models.g.cs"));

        using var server = new LoopbackServer(request => request.Method == "DELETE"
            ? (404, """{"error":{"type":"invalid_request_error","code":"resource_missing","param":"id","message":"No such product"}}""", "application/json")
            : (200, """{"id":"prod_1","object":"product","active":true,"created":1700000000,"images":["https://img/1.png"],"livemode":false,"metadata":{"tier":"gold"},"name":"Gold plan","updated":1700000001,"default_price":"price_1"}""", "application/json"));
        var assembly = CompiledClient.Compile(run);
        var result = await CompiledClient.InvokeAsync(assembly, "GetProduct", server.BaseAddress.ToString());
        var error = await CompiledClient.InvokeAsync(assembly, "DeleteMissingProduct", server.BaseAddress.ToString());

        Assert.Equal("prod_1|Gold plan|True|1|gold|" + LoopbackServer.TrackingId, result);
        Assert.Equal("404|invalid_request_error|resource_missing|id", error);
        Assert.Equal(new[] { ("GET", "/v1/products/prod_1"), ("DELETE", "/v1/products/prod_missing") }, server.Requests.Select(r => (r.Method, r.RawUrl)));
    }

    [Fact]
    public void With_the_error_body_left_out_ten_Stripe_operations_generate_only_what_their_signatures_reach()
    {
        // Stripe's error body embeds PaymentIntent, SetupIntent, PaymentMethod and Source, which reach most of the
        // document; "schema:error" in SeiExclude keeps it from being generated for the error responses alone.
        ClientModel Model(string? exclude)
            => SeiClientGenerator.ReadAndBuild(new SpecInput(GeneratorHarness.ProjectDirectory + "stripe.json", CorpusDocuments.ReadText("stripe__spec3.json"), null, null, "Consumer", GeneratorHarness.ProjectDirectory, TenStripeOperations, exclude), CancellationToken.None).Model!;
        var model = Model("schema:error");
        var withErrors = Model(null);

        Assert.Equal(10, model.Operations.Count);
        Assert.Equal(model.Types.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal), ModelGraph.TypesInUse(model).OrderBy(n => n, StringComparer.Ordinal));
        Assert.DoesNotContain(model.Types, t => t.Name is "Error" or "Customer");
        Assert.Contains(withErrors.Types, t => t.Name is "Error");
        Assert.True(model.Types.Count * 5 < withErrors.Types.Count, model.Types.Count + " types without the error body, " + withErrors.Types.Count + " with it");

        var run = GeneratorHarness.Run(Stripe(TenStripeOperations) with { Exclude = "schema:error" });
        Assert.Null(run.Fault());
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "SEI2010" or "SEI2011");
        CompiledClient.Compile(run);
    }

    [Fact]
    public async Task A_derived_type_reached_only_through_its_base_is_read_by_the_discriminator_in_a_partial_client()
    {
        var run = GeneratorHarness.Run(new[] { Selection("op:getCat") }, new[] { CatProbe });
        Assert.Null(run.Fault());
        Assert.DoesNotContain("partial class Dog", run.Source(".Models.g.cs"));

        using var server = new LoopbackServer(_ => (200, """{"petType":"lion","name":"Leo","mane":true,"claws":{"sharp":true}}""", "application/json"));
        var result = await CompiledClient.InvokeAsync(CompiledClient.Compile(run), "GetCat", server.BaseAddress.ToString());

        Assert.Equal("Lion|Leo|True|True", result);
    }

    public static TheoryData<string> PartsThatCompile => new()
    {
        "/v1/accounts/**",
        "tag:Payments",
        "op:listPets",
        "op:getShape",
        "POST /**",
    };

    [Theory]
    [MemberData(nameof(PartsThatCompile))]
    public void Every_kind_of_part_compiles_with_warnings_as_errors(string include)
    {
        var run = GeneratorHarness.Run(Selection(include));

        Assert.Null(run.Fault());
        CompiledClient.Compile(run);
    }

    public static TheoryData<string> WholeDocuments => new()
    {
        "accounts.v1.yaml",
        "accounts.v2.yaml",
        "payments.v1.yaml",
        "catalog.v1.yaml",
        "legacy-notes.v1.json",
        "corpus:readme__polymorphism.json",
        "corpus:oai__link-example-v3.yaml",
        "corpus:twilio__lookups_v2.yaml",
    };

    [Theory]
    [MemberData(nameof(WholeDocuments))]
    public void Without_patterns_the_output_is_the_same_whether_the_metadata_is_absent_empty_or_blank(string document)
    {
        var spec = document.StartsWith("corpus:", StringComparison.Ordinal)
            ? new SpecFile(GeneratorHarness.ProjectDirectory + document.Substring(7), CorpusDocuments.ReadText(document.Substring(7)))
            : SpecFile.FromRepository(document);

        var absent = Output(spec);
        Assert.NotEmpty(absent);
        Assert.Equal(absent, Output(spec with { Include = string.Empty, Exclude = string.Empty }));
        Assert.Equal(absent, Output(spec with { Include = " ;\n  ; ", Exclude = "\r\n" }));
    }

    [Fact]
    public void A_link_to_an_operation_left_out_gets_no_helper_and_the_client_still_compiles()
    {
        var spec = new SpecFile(GeneratorHarness.ProjectDirectory + "links.yaml", CorpusDocuments.ReadText("oai__link-example-v3.yaml"));
        var whole = GeneratorHarness.Run(spec);
        var part = GeneratorHarness.Run(spec with { Include = "op:getUserByName" });

        Assert.Contains("FollowUserRepositoriesAsync", whole.Source(".Client.g.cs"));
        Assert.DoesNotContain("FollowUserRepositoriesAsync", part.Source(".Client.g.cs"));
        Assert.Null(part.Fault());
        CompiledClient.Compile(part);
    }

    private static List<(string HintName, string Text)> Output(SpecFile spec)
        => GeneratorHarness.Run(spec).Result.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
}
