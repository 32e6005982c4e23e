using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sei.Generators.Model;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>
/// Enumerations and unions written in place in several places are declared once, named after what
/// they hold; everything else keeps the name of its place. Checked on the model for every naming
/// rule, and compiled and run for the JSON both places read and write.
/// </summary>
public sealed class SharedShapeTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: SEI Shapes API, version: '1'}
        paths:
          /orders:
            get:
              operationId: listOrders
              parameters:
                - {name: status, in: query, schema: {type: string, enum: [open, closed]}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '#/components/schemas/Order'}}
        components:
          schemas:
            Customer:
              type: object
              properties:
                id: {type: string}
            OpenOrClosedState:
              type: string
              enum: [open, closed]
            Order:
              type: object
              properties:
                status: {type: string, enum: [open, closed]}
                channel: {type: string, enum: [web, phone, store, partner, marketplace]}
                priority: {type: integer, enum: [1, 2, 3]}
                customer:
                  anyOf:
                    - {type: string, maxLength: 5000}
                    - {$ref: '#/components/schemas/Customer'}
                placedBy:
                  oneOf:
                    - {type: string}
                    - {$ref: '#/components/schemas/Customer'}
                unique: {type: string, enum: [alpha, beta]}
                reversed: {type: string, enum: [closed, open]}
            Invoice:
              type: object
              properties:
                status: {type: string, enum: [open, closed], description: The invoice's own status.}
                channel: {type: string, enum: [web, phone, store, partner, marketplace]}
                priority: {type: integer, enum: [1, 2, 3]}
                customer:
                  oneOf:
                    - {type: string}
                    - {$ref: '#/components/schemas/Customer'}
                reversed: {type: string, enum: [closed, open]}
        """;

    private static ClientModel Build(string text)
    {
        var result = SeiClientGenerator.ReadAndBuild(new SpecInput("/project/shapes.yaml", text, null, null, "Consumer", "/project/"), CancellationToken.None);
        Assert.NotNull(result.Model);
        return result.Model!;
    }

    private static TypeRef TypeOf(ClientModel model, string type, string json)
        => model.Types.OfType<ObjectDeclaration>().Single(t => t.Name == type).Properties.Single(p => p.JsonName == json).Type;

    [Fact]
    public void A_set_of_values_written_in_several_places_is_one_type_named_after_its_values()
    {
        var model = Build(Spec);

        Assert.Equal("OpenOrClosed", TypeOf(model, "Order", "status").Name);
        Assert.Equal("OpenOrClosed", TypeOf(model, "Invoice", "status").Name);
        var parameter = model.Operations.Single().Parameters.Single(p => p.WireName == "status");
        Assert.Equal("OpenOrClosed", parameter.Type.Name);
        var shared = model.Types.OfType<EnumDeclaration>().Single(e => e.Name == "OpenOrClosed");
        Assert.Null(shared.Summary);
        Assert.Equal(new[] { "open", "closed" }, shared.Members.Select(m => m.WireValue));
    }

    [Fact]
    public void Components_keep_their_names_and_are_never_merged()
    {
        var model = Build(Spec);

        var component = model.Types.OfType<EnumDeclaration>().Single(e => e.Name == "OpenOrClosedState");
        Assert.Equal(new[] { "open", "closed" }, component.Members.Select(m => m.WireValue));
        Assert.NotEqual("OpenOrClosedState", TypeOf(model, "Order", "status").Name);
    }

    [Fact]
    public void Sets_without_a_short_name_of_values_keep_the_name_of_their_first_place()
    {
        var model = Build(Spec);

        // Five values make no readable name, and integers none at all: the first place names the type.
        Assert.Equal("OrderChannel", TypeOf(model, "Order", "channel").Name);
        Assert.Equal("OrderChannel", TypeOf(model, "Invoice", "channel").Name);
        Assert.Equal("OrderPriority", TypeOf(model, "Order", "priority").Name);
        Assert.Equal("OrderPriority", TypeOf(model, "Invoice", "priority").Name);
    }

    [Fact]
    public void A_set_written_once_or_in_another_order_keeps_its_own_type()
    {
        var model = Build(Spec);

        Assert.Equal("OrderUnique", TypeOf(model, "Order", "unique").Name);
        var reversed = TypeOf(model, "Order", "reversed").Name;
        Assert.Equal("ClosedOrOpen", reversed);
        Assert.Equal(reversed, TypeOf(model, "Invoice", "reversed").Name);
        Assert.NotEqual(TypeOf(model, "Order", "status").Name, reversed);
    }

    [Fact]
    public void Unions_of_the_same_alternatives_are_one_type_named_after_them_however_written()
    {
        var model = Build(Spec);

        // anyOf beside oneOf, and a maxLength C# does not carry, still hold the same values.
        Assert.Equal("StringOrCustomer", TypeOf(model, "Order", "customer").Name);
        Assert.Equal("StringOrCustomer", TypeOf(model, "Order", "placedBy").Name);
        Assert.Equal("StringOrCustomer", TypeOf(model, "Invoice", "customer").Name);
        Assert.Single(model.Types.OfType<UnionDeclaration>());
    }

    [Fact]
    public void The_name_does_not_depend_on_which_place_comes_first()
    {
        var swapped = Spec.Replace("    Order:\n", "    Zeta:\n").Replace("'#/components/schemas/Order'", "'#/components/schemas/Zeta'");
        var model = Build(swapped);

        Assert.Equal("OpenOrClosed", TypeOf(model, "Zeta", "status").Name);
        Assert.Equal("StringOrCustomer", TypeOf(model, "Invoice", "customer").Name);
    }

    [Fact]
    public void A_component_that_already_has_the_name_of_the_values_keeps_it()
    {
        var clash = Spec.Replace("    OpenOrClosedState:\n", "    OpenOrClosed:\n").Replace("    Customer:\n", "    StringOrCustomer:\n      type: object\n    Customer:\n");
        var model = Build(clash);

        Assert.Equal(new[] { "open", "closed" }, model.Types.OfType<EnumDeclaration>().Single(e => e.Name == "OpenOrClosed").Members.Select(m => m.WireValue));
        Assert.IsType<ObjectDeclaration>(model.Types.Single(t => t.Name == "StringOrCustomer"));
        Assert.NotEqual("OpenOrClosed", TypeOf(model, "Order", "status").Name);
        Assert.NotEqual("StringOrCustomer", TypeOf(model, "Order", "customer").Name);
        Assert.Equal(TypeOf(model, "Order", "customer").Name, TypeOf(model, "Invoice", "customer").Name);
    }

    private const string Probe = """"
        using System.Threading.Tasks;
        using Consumer.Shapes.V1;

        public static class Probe
        {
            public static Task<string> Run(string unused)
            {
                var orders = new[]
                {
                    Sei.Client.Json.SeiJson.Deserialize<Order>("""{"status":"open","customer":"cus_1","placedBy":{"id":"cus_2"}}""")!,
                    Sei.Client.Json.SeiJson.Deserialize<Order>("""{"status":"archived","customer":{"id":"cus_3"}}""")!,
                };
                var invoice = new Invoice { Status = OpenOrClosed.Closed, Customer = new Customer { Id = "cus_4" } };
                return Task.FromResult(string.Join("|",
                    orders[0].Status == OpenOrClosed.Open, orders[0].Customer!.String, orders[0].PlacedBy!.Customer!.Id,
                    orders[1].Status!.Value.IsKnown, orders[1].Status!.Value.WireValue, orders[1].Customer!.Customer!.Id,
                    Sei.Client.Json.SeiJson.Serialize(invoice),
                    Sei.Client.Json.SeiJson.Serialize(orders[1])));
            }
        }
        """";

    [Fact]
    public async Task Every_place_reads_and_writes_the_shared_types()
    {
        var run = GeneratorHarness.Run(new[] { new SpecFile("/project/shapes.yaml", Spec) }, new[] { Probe });
        Assert.Empty(run.CompilationDiagnostics());

        var result = await CompiledClient.InvokeAsync(CompiledClient.Compile(run), "Run", string.Empty);

        Assert.Equal("True|cus_1|cus_2|False|archived|cus_3|{\"status\":\"closed\",\"customer\":{\"id\":\"cus_4\"}}|{\"status\":\"archived\",\"customer\":{\"id\":\"cus_3\"}}", result);
    }
}
