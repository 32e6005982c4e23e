using System.Linq;
using System.Threading;
using Sei.Generators.Model;
using Xunit;

namespace Sei.Generators.Tests.Building;

/// <summary>How schemas become types, checked on the model (no C# involved).</summary>
public sealed class SchemaMappingTests
{
    private static ClientModel Build(string text, string path = "/project/spec.yaml")
    {
        var result = SeiClientGenerator.ReadAndBuild(new SpecInput(path, text, null, null, "Consumer", "/project/"), CancellationToken.None);
        Assert.NotNull(result.Model);
        return result.Model!;
    }

    private static PropertyModel Property(ClientModel model, string type, string json)
        => model.Types.OfType<ObjectDeclaration>().Single(t => t.Name == type).Properties.Single(p => p.JsonName == json);

    [Fact]
    public void Nullability_is_read_from_every_OpenAPI_version()
    {
        var v30 = Build("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      required: [n, r]\n      properties:\n        n: {type: string, nullable: true}\n        r: {type: string}\n");
        var v31 = Build("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    B: {type: object}\n    A:\n      type: object\n      required: [n, o, r]\n      properties:\n        n: {type: [string, 'null']}\n        o: {oneOf: [{$ref: '#/components/schemas/B'}, {type: 'null'}]}\n        r: {type: string}\n");
        var v20 = Build("{\"swagger\":\"2.0\",\"info\":{\"title\":\"T\",\"version\":\"1\"},\"paths\":{},\"definitions\":{\"A\":{\"type\":\"object\",\"required\":[\"n\",\"r\"],\"properties\":{\"n\":{\"type\":\"string\",\"x-nullable\":true},\"r\":{\"type\":\"string\"}}}}}", "/project/spec.json");

        Assert.True(Property(v30, "A", "n").Type.IsNullable);
        Assert.True(Property(v31, "A", "n").Type.IsNullable);
        Assert.True(Property(v31, "A", "o").Type.IsNullable);
        Assert.Equal("B", Property(v31, "A", "o").Type.Name);
        Assert.True(Property(v20, "A", "n").Type.IsNullable);
        foreach (var model in new[] { v30, v31, v20 })
        {
            var required = Property(model, "A", "r");
            Assert.False(required.Type.IsNullable);
            Assert.True(required.IsRequired);
        }
    }

    [Fact]
    public void Formats_map_to_their_types()
    {
        var model = Build("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                F:
                  type: object
                  required: [a, b, c, d, e, f, g, h, i, j, k, l, m]
                  properties:
                    a: {type: string, format: date-time}
                    b: {type: string, format: date}
                    c: {type: string, format: uuid}
                    d: {type: integer, format: int32}
                    e: {type: integer, format: int64}
                    f: {type: number, format: float}
                    g: {type: number, format: double}
                    h: {type: number, format: decimal}
                    i: {type: string, format: byte}
                    j: {type: string, format: binary}
                    k: {type: string, format: uri}
                    l: {type: integer}
                    m: {type: number}
            """);

        var kinds = "abcdefghijklm".Select(c => Property(model, "F", c.ToString()).Type.Kind).ToArray();
        Assert.Equal(
            new[] { TypeKind.DateTime, TypeKind.Date, TypeKind.Guid, TypeKind.Int32, TypeKind.Int64, TypeKind.Single, TypeKind.Double, TypeKind.Decimal, TypeKind.Bytes, TypeKind.File, TypeKind.Uri, TypeKind.Int64, TypeKind.Double },
            kinds);
    }

    [Fact]
    public void Inline_schemas_are_named_after_where_they_stand()
    {
        var model = Build("""
            openapi: 3.0.3
            info: {title: SEI Shapes API, version: '1'}
            paths:
              /v1/orders:
                post:
                  operationId: createOrder
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            lines:
                              type: array
                              items:
                                type: object
                                properties:
                                  sku: {type: string}
                            status:
                              type: string
                              enum: [open, closed]
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              id: {type: string}
            """);

        var names = model.Types.Select(t => t.Name).ToList();
        Assert.Contains("CreateOrderRequest", names);
        Assert.Contains("CreateOrderRequestLinesItem", names);
        Assert.Contains("CreateOrderRequestStatus", names);
        Assert.Contains("CreateOrderResponse", names);
        Assert.Equal("Consumer.Shapes.V1", model.Namespace);
        Assert.Equal("ShapesClient", model.ClientName);
    }

    [Fact]
    public void Recursive_and_composed_schemas_resolve_to_named_types()
    {
        var model = Build("""
            openapi: 3.0.3
            info: {title: T, version: '2.4.1'}
            paths: {}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                Base:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string}
                Derived:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - type: object
                      properties:
                        extra: {type: integer}
                Map:
                  type: object
                  additionalProperties: {$ref: '#/components/schemas/Base'}
            """);

        var children = Property(model, "Node", "children").Type;
        Assert.Equal(TypeKind.Array, children.Kind);
        Assert.Equal("Node", children.Element!.Name);
        var derived = model.Types.OfType<ObjectDeclaration>().Single(t => t.Name == "Derived");
        Assert.Equal(new[] { "id", "extra" }, derived.Properties.Select(p => p.JsonName));
        Assert.True(derived.Properties[0].IsRequired);
        Assert.DoesNotContain(model.Types, t => t.Name == "Map");
        Assert.Equal("Consumer.T.V2", model.Namespace);
    }

    [Fact]
    public void Names_are_valid_and_unique_identifiers()
    {
        var model = Build("""
            openapi: 3.0.3
            info: {title: SEI Names API, version: '1'}
            paths: {}
            components:
              schemas:
                NamesClient: {type: object, properties: {a: {type: string}}}
                app-permissions:
                  type: object
                  properties:
                    class: {type: string}
                    3dsVersion: {type: string}
                    '@id': {type: string}
                    account-type: {type: string}
                    reference: {type: string}
                    Reference: {type: string}
                    AppPermissions: {type: string}
                    toString: {type: string}
                    equals: {type: string}
            """);

        // A schema named like the client is the document's schema of that name; members named like their
        // type or like object's members say they are properties. "Reference" after "reference" differs only
        // in a letter every name capitalises, so it alone falls back to a number.
        Assert.Contains(model.Types, t => t.Name == "NamesClientSchema");
        var members = model.Types.OfType<ObjectDeclaration>().Single(t => t.Name == "AppPermissions").Properties.Select(p => p.Name).ToList();
        Assert.Equal(new[] { "Class", "_3dsVersion", "Id", "AccountType", "Reference", "Reference2", "AppPermissionsProperty", "ToStringProperty", "EqualsProperty" }, members);
    }
}
