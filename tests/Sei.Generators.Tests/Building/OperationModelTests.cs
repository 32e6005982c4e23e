using System.Linq;
using System.Threading;
using Sei.Generators.Model;
using Xunit;

namespace Sei.Generators.Tests.Building;

/// <summary>What the builder records of operations, on the model (no C# involved): styles as enums, the body's media types, response headers, 304.</summary>
public sealed class OperationModelTests
{
    private static ClientModel Build(string text, string path = "/project/spec.yaml")
    {
        var result = SeiClientGenerator.ReadAndBuild(new SpecInput(path, text, null, null, "Consumer", "/project/"), CancellationToken.None);
        Assert.NotNull(result.Model);
        return result.Model!;
    }

    private static ParameterModel Parameter(ClientModel model, string wireName) => model.Operations.SelectMany(o => o.Parameters).Single(p => p.WireName == wireName);

    [Fact]
    public void Styles_are_recorded_as_written_with_the_default_explode_of_each()
    {
        var model = Build("""
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths:
              /a/{m}/{l}/{s}:
                get:
                  parameters:
                    - { name: m, in: path, required: true, style: matrix, explode: true, schema: { type: array, items: { type: string } } }
                    - { name: l, in: path, required: true, style: label, schema: { type: string } }
                    - { name: s, in: path, required: true, schema: { type: string } }
                    - { name: f, in: query, schema: { type: array, items: { type: string } } }
                    - { name: p, in: query, style: pipeDelimited, schema: { type: array, items: { type: string } } }
                    - { name: d, in: query, style: deepObject, explode: true, schema: { type: object, additionalProperties: { type: string } } }
                    - { name: r, in: query, allowReserved: true, schema: { type: string } }
                    - { name: h, in: header, schema: { type: array, items: { type: string } } }
                    - { name: c, in: cookie, explode: false, schema: { type: array, items: { type: string } } }
                    - { name: j, in: query, content: { application/json: { schema: { type: object } } } }
                  responses: { '204': { description: Done. } }
            """);

        Assert.Equal((ParameterStyle.Matrix, true), (Parameter(model, "m").Style, Parameter(model, "m").Explode));
        Assert.Equal((ParameterStyle.Label, false), (Parameter(model, "l").Style, Parameter(model, "l").Explode));
        Assert.Equal((ParameterStyle.Simple, false), (Parameter(model, "s").Style, Parameter(model, "s").Explode));
        Assert.Equal((ParameterStyle.Form, true), (Parameter(model, "f").Style, Parameter(model, "f").Explode));
        Assert.Equal((ParameterStyle.PipeDelimited, false), (Parameter(model, "p").Style, Parameter(model, "p").Explode));
        Assert.Equal((ParameterStyle.DeepObject, true), (Parameter(model, "d").Style, Parameter(model, "d").Explode));
        Assert.True(Parameter(model, "r").AllowReserved);
        Assert.Equal((ParameterStyle.Simple, false), (Parameter(model, "h").Style, Parameter(model, "h").Explode));
        Assert.Equal((ParameterStyle.Form, false), (Parameter(model, "c").Style, Parameter(model, "c").Explode));
        Assert.True(Parameter(model, "j").IsJson);
    }

    [Fact]
    public void Swagger_2_collection_formats_become_styles()
    {
        var model = Build("""
            {"swagger":"2.0","info":{"title":"T","version":"1"},"paths":{"/a/{p}":{"get":{"parameters":[
              {"name":"p","in":"path","required":true,"type":"array","items":{"type":"string"}},
              {"name":"csv","in":"query","type":"array","items":{"type":"string"}},
              {"name":"multi","in":"query","type":"array","items":{"type":"string"},"collectionFormat":"multi","maxItems":4},
              {"name":"ssv","in":"query","type":"array","items":{"type":"string"},"collectionFormat":"ssv"},
              {"name":"tsv","in":"header","type":"array","items":{"type":"string"},"collectionFormat":"tsv"},
              {"name":"pipes","in":"query","type":"array","items":{"type":"string"},"collectionFormat":"pipes"},
              {"name":"one","in":"query","type":"string","maxLength":9}
            ],"responses":{"204":{"description":"Done."}}}}}}
            """, "/project/spec.json");

        Assert.Equal((ParameterStyle.Simple, false), (Parameter(model, "p").Style, Parameter(model, "p").Explode));
        Assert.Equal((ParameterStyle.Form, false), (Parameter(model, "csv").Style, Parameter(model, "csv").Explode));
        Assert.Equal((ParameterStyle.Form, true), (Parameter(model, "multi").Style, Parameter(model, "multi").Explode));
        Assert.Equal(4, Parameter(model, "multi").MaxItems);
        Assert.Equal(ParameterStyle.SpaceDelimited, Parameter(model, "ssv").Style);
        Assert.Equal(ParameterStyle.TabDelimited, Parameter(model, "tsv").Style);
        Assert.Equal(ParameterStyle.PipeDelimited, Parameter(model, "pipes").Style);
        Assert.Equal(9, Parameter(model, "one").MaxLength);
    }

    [Fact]
    public void Bodies_response_headers_and_304_are_recorded()
    {
        var model = Build("""
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths:
              /things/{id}:
                patch:
                  operationId: updateThing
                  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                  requestBody:
                    content:
                      application/merge-patch+json: { schema: { $ref: '#/components/schemas/Thing' } }
                      application/json-patch+json: { schema: { type: array, items: { type: object } } }
                      application/json; charset=utf-8: { schema: { $ref: '#/components/schemas/Thing' } }
                      application/json: { schema: { $ref: '#/components/schemas/Thing' } }
                  responses:
                    '200':
                      description: Done.
                      headers:
                        ETag: { schema: { type: string } }
                        RequestTrackingId: { schema: { type: string } }
                      content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } }
                    '304': { description: Not modified. }
            components:
              schemas:
                Thing: { type: object, properties: { name: { type: string } } }
            """);

        var operation = Assert.Single(model.Operations);
        Assert.Equal("application/merge-patch+json", operation.Body!.MediaType);
        Assert.Equal(new[] { ("UpdateThingAsJsonPatchAsync", "application/json-patch+json"), ("UpdateThingAsJsonAsync", "application/json; charset=utf-8") }, operation.BodyVariants.Select(v => (v.MethodName, v.Body.MediaType)));
        Assert.Equal("UpdateThingResponse", operation.ResponseHeaders!.ClassName);
        var header = Assert.Single(operation.ResponseHeaders.Headers);
        Assert.Equal(("ETag", "ETag", TypeKind.String), (header.WireName, header.PropertyName, header.Type.Kind));
        Assert.True(operation.NotModifiedIsResult);
    }
}
