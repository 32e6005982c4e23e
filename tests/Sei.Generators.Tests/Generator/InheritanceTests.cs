using System.Linq;
using System.Threading.Tasks;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>allOf inheritance becomes C# inheritance; a discriminator on the base picks the derived type when reading.</summary>
public sealed class InheritanceTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: SEI Zoo API, version: '1'}
        paths: {}
        components:
          schemas:
            Animal:
              type: object
              required: [kind, name]
              properties:
                kind: {type: string}
                name: {type: string}
              discriminator:
                propertyName: kind
                mapping:
                  dog: '#/components/schemas/Dog'
            Dog:
              allOf:
                - $ref: '#/components/schemas/Animal'
                - type: object
                  properties:
                    barks: {type: boolean}
            Cat:
              allOf:
                - $ref: '#/components/schemas/Animal'
                - type: object
                  properties:
                    lives: {type: integer, format: int32}
            Puppy:
              allOf:
                - $ref: '#/components/schemas/Dog'
                - type: object
                  properties:
                    ageWeeks: {type: integer, format: int32}
              x-ms-discriminator-value: young-dog
            Shelter:
              type: object
              properties:
                animals: {type: array, items: {$ref: '#/components/schemas/Animal'}}
        """;

    private const string Probe = """"
        using System.Text;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Consumer.Zoo.V1;
        using Consumer.Zoo.V1.Serialization;

        public static class Probe
        {
            public static Task<string> Run(string unused)
            {
                const string json = """
                    {"animals":[
                      {"kind":"dog","name":"Rex","barks":true},
                      {"kind":"Cat","name":"Tom","lives":9},
                      {"kind":"young-dog","name":"Bit","barks":false,"ageWeeks":8},
                      {"kind":"dragon","name":"Smaug","wings":2}
                    ]}
                    """;
                var shelter = Sei.Client.Json.SeiJson.Deserialize<Shelter>(json);
                var animals = shelter.Animals!;
                var written = Sei.Client.Json.SeiJson.Serialize(shelter);
                return Task.FromResult(string.Join("|",
                    animals[0].GetType().Name, ((Dog)animals[0]).Barks,
                    animals[1].GetType().Name, ((Cat)animals[1]).Lives,
                    animals[2].GetType().Name, ((Puppy)animals[2]).AgeWeeks, ((Dog)animals[2]).Barks,
                    animals[3].GetType().Name, animals[3].AdditionalProperties["wings"].GetInt32(),
                    written == json.Replace("\n", "").Replace(" ", "").Replace("\r", "")));
            }
        }
        """";

    [Fact]
    public async Task Derived_types_are_read_by_discriminator_and_written_by_runtime_type()
    {
        var run = GeneratorHarness.Run(new[] { new SpecFile("/project/zoo.yaml", Spec) }, new[] { Probe });
        var models = run.Source(".Models.g.cs");
        Assert.Contains("public partial class Animal", models);
        Assert.Contains("public partial class Dog : global::Consumer.Zoo.V1.Animal", models);
        Assert.Contains("public sealed partial class Puppy : global::Consumer.Zoo.V1.Dog", models);

        var result = await CompiledClient.InvokeAsync(CompiledClient.Compile(run), "Run", string.Empty);

        Assert.Equal("Dog|True|Cat|9|Puppy|8|False|Animal|2|True", result);
    }
}
