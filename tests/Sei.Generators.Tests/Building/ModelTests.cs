using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sei.Generators.Model;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Building;

/// <summary>The model is structurally equatable and holds no Roslyn objects.</summary>
public sealed class ModelTests
{
    private static SpecInput Input(string fileName) => new("/project/specs/" + fileName, File.ReadAllText(Paths.Spec(fileName)), null, null, "Consumer", "/project/");

    [Theory]
    [InlineData("accounts.v1.yaml")]
    [InlineData("accounts.v2.yaml")]
    [InlineData("payments.v1.yaml")]
    [InlineData("legacy-notes.v1.json")]
    [InlineData("catalog.v1.yaml")]
    public void Building_the_same_document_twice_gives_equal_but_distinct_models(string fileName)
    {
        var first = SeiClientGenerator.ReadAndBuild(Input(fileName), CancellationToken.None);
        var second = SeiClientGenerator.ReadAndBuild(Input(fileName), CancellationToken.None);

        Assert.NotNull(first.Model);
        Assert.NotSame(first.Model, second.Model);
        Assert.Equal(first.Model, second.Model);
        Assert.Equal(first.Model!.GetHashCode(), second.Model!.GetHashCode());
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_changed_document_gives_a_different_model()
    {
        var input = Input("accounts.v1.yaml");
        var changed = input with { Text = input.Text.Replace("operationId: getAccount\n", "operationId: fetchAccount\n") };

        Assert.NotEqual(input.Text, changed.Text);
        Assert.NotEqual(SeiClientGenerator.ReadAndBuild(input, CancellationToken.None).Model, SeiClientGenerator.ReadAndBuild(changed, CancellationToken.None).Model);
    }

    [Fact]
    public void Models_hold_no_symbols_syntax_compilations_or_locations()
    {
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(Location), typeof(SyntaxTree), typeof(Microsoft.OpenApi.OpenApiDocument) };
        var visited = new HashSet<Type>();
        var pending = new Stack<Type>(new[] { typeof(ClientModel), typeof(BuildResult) });
        pending.Push(typeof(ObjectDeclaration));
        pending.Push(typeof(EnumDeclaration));
        pending.Push(typeof(UnionDeclaration));
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!visited.Add(type) || type.IsPrimitive || type == typeof(string) || type.IsEnum)
            {
                continue;
            }

            Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
            foreach (var argument in type.GetGenericArguments())
            {
                pending.Push(argument);
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                pending.Push(property.PropertyType);
            }
        }

        Assert.Contains(typeof(TypeRef), visited);
    }
}
