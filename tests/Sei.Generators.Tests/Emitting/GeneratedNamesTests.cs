using System;
using System.Linq;
using System.Reflection;
using Sei.Client;
using Sei.Generators.Emitting;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Emitting;

/// <summary>
/// The names Building keeps free for the runtime's base types are the names those types have: a
/// member added to SeiClientBase or SeiResponse without a row in GeneratedNames would let a document
/// name an operation or a header property that hides it.
/// </summary>
public sealed class GeneratedNamesTests
{
    [Fact]
    public void Every_member_a_generated_client_inherits_from_the_runtime_is_reserved()
    {
        var missing = VisibleMemberNames(typeof(SeiClientBase)).Except(GeneratedNames.ClientMembers.Concat(GeneratedNames.ObjectMembers), StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "SeiClientBase members missing from GeneratedNames.ClientMembers: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_base_member_an_operation_method_calls_is_one_the_runtime_has()
    {
        var called = typeof(GeneratedNames.ClientBase).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var stale = called.Except(VisibleMemberNames(typeof(SeiClientBase)), StringComparer.Ordinal).ToList();

        Assert.Equal(9, called.Count);
        Assert.True(stale.Count == 0, "GeneratedNames.ClientBase names members SeiClientBase does not have: " + string.Join(", ", stale));
        Assert.Empty(called.Except(GeneratedNames.ClientMembers, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_member_a_response_class_inherits_from_the_runtime_is_reserved()
    {
        var inherited = VisibleMemberNames(typeof(SeiResponse)).Concat(VisibleMemberNames(typeof(SeiResponse<>)));
        var missing = inherited.Except(GeneratedNames.ResponseMembers.Concat(GeneratedNames.ObjectMembers), StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "SeiResponse members missing from GeneratedNames.ResponseMembers: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_analyzers_copy_of_the_parameter_locations_matches_the_runtime()
    {
        // The analyzers read SeiParameterLocation as a number from attribute data and cannot reference Sei.Client.
        var runtime = Enum.GetValues(typeof(Sei.Client.Metadata.SeiParameterLocation)).Cast<Sei.Client.Metadata.SeiParameterLocation>().Select(v => v + "=" + (int)v);
        var copy = Enum.GetValues(typeof(Sei.Generators.Analyzers.WireLocation)).Cast<Sei.Generators.Analyzers.WireLocation>().Select(v => v + "=" + (int)v);

        Assert.Equal(runtime, copy);
    }

    /// <summary>
    /// Emitting spells these model enumerations' members as the runtime's (<c>SeiEnvironment.</c> +
    /// the model's name), so their names must stay the same: a member renamed on one side alone would
    /// make every generated client that uses it fail to compile.
    /// </summary>
    [Theory]
    [InlineData(typeof(Sei.Generators.Model.DeploymentEnvironment), typeof(SeiEnvironment))]
    [InlineData(typeof(Sei.Generators.Model.SecuritySchemeKind), typeof(Sei.Client.SeiSecuritySchemeKind))]
    [InlineData(typeof(Sei.Generators.Model.OAuthFlowKind), typeof(Sei.Client.SeiOAuthFlowKind))]
    [InlineData(typeof(Sei.Generators.Model.ApiKeyLocation), typeof(Sei.Client.SeiApiKeyLocation))]
    public void Model_enumerations_emitted_by_name_have_the_runtimes_names(Type model, Type runtime)
    {
        var missing = Enum.GetNames(model).Except(Enum.GetNames(runtime), StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, model.Name + " members the runtime's " + runtime.Name + " lacks: " + string.Join(", ", missing));
    }

    /// <summary>The public and protected members a derived class sees by name (accessors, constructors and operators have none of their own).</summary>
    private static string[] VisibleMemberNames(Type type)
        => type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            .Where(member => member is not ConstructorInfo && !(member is MethodBase { IsSpecialName: true }))
            .Where(MemberVisibility.IsVisibleToDerivedTypes)
            .Select(member => member.Name)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
