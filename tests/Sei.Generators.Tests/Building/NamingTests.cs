using System.Threading;
using Sei.Generators.Model;
using Xunit;

namespace Sei.Generators.Tests.Building;

/// <summary>
/// How the client class, its <c>AddXxxClient</c> method and its namespace are named from <c>info.title</c>,
/// the file name and the version. These cases are the examples the README gives, so the two cannot drift apart.
/// </summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("SEI Accounts API", "accounts.v1.yaml", "AccountsClient", "Consumer.Accounts.V1")]
    [InlineData("SEI Product Catalog APIs", "catalog.yaml", "ProductCatalogClient", "Consumer.ProductCatalog.V1")]
    [InlineData("Accounts", "accounts.yaml", "AccountsClient", "Consumer.Accounts.V1")]
    [InlineData("Swagger Petstore", "petstore.yaml", "SwaggerPetstoreClient", "Consumer.SwaggerPetstore.V1")]
    [InlineData("payment-gateway service", "pay.yaml", "PaymentGatewayServiceClient", "Consumer.PaymentGatewayService.V1")]
    [InlineData("Accounts API v2", "accounts.yaml", "AccountsAPIV2Client", "Consumer.AccountsAPIV2.V1")]
    [InlineData("SEI API", "core.yaml", "APIClient", "Consumer.API.V1")]
    [InlineData("3D Secure API", "threeds.yaml", "_3DSecureClient", "Consumer._3DSecure.V1")]
    [InlineData("", "billing-events.v1.yaml", "BillingEventsClient", "Consumer.BillingEvents.V1")]
    [InlineData("---", "billing-events.v1.yaml", "BillingEventsClient", "Consumer.BillingEvents.V1")]
    public void The_product_name_comes_from_the_title(string title, string fileName, string clientName, string @namespace)
    {
        var model = Build(fileName, title, "1.0.0", "/things");

        Assert.Equal((clientName, @namespace), (model.ClientName, model.Namespace));
    }

    [Theory]
    [InlineData("2.3.0", "/things", "Consumer.Accounts.V2")]
    [InlineData("v3", "/things", "Consumer.Accounts.V3")]
    [InlineData("beta", "/things", "Consumer.Accounts.V1")]
    [InlineData("7.0.0", "/v2/things", "Consumer.Accounts.V2")]
    public void The_version_segment_comes_from_the_paths_else_from_info_version(string version, string path, string @namespace)
        => Assert.Equal(@namespace, Build("accounts.yaml", "SEI Accounts API", version, path).Namespace);

    [Fact]
    public void Item_metadata_overrides_both_names()
    {
        var input = new SpecInput("/project/specs/accounts.yaml", Document("SEI Accounts API", "1.0.0", "/things"), "Acme.Sei.Accounts", "LedgerClient", "Consumer", "/project/");

        var model = SeiClientGenerator.ReadAndBuild(input, CancellationToken.None).Model!;

        Assert.Equal(("LedgerClient", "Acme.Sei.Accounts.V1"), (model.ClientName, model.Namespace));
    }

    private static ClientModel Build(string fileName, string title, string version, string path)
    {
        var input = new SpecInput("/project/specs/" + fileName, Document(title, version, path), null, null, "Consumer", "/project/");
        return SeiClientGenerator.ReadAndBuild(input, CancellationToken.None).Model!;
    }

    private static string Document(string title, string version, string path) => $$"""
        openapi: 3.0.3
        info:
          title: '{{title}}'
          version: '{{version}}'
        servers:
          - url: https://api.example.com
        paths:
          {{path}}:
            get:
              operationId: listThings
              responses:
                '200':
                  description: OK
        """;
}
