using System;
using System.IO;
using System.Linq;
using System.Threading;
using Sei.Generators.Model;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Building;

/// <summary>
/// What part of a document is built for each kind of <c>SeiInclude</c> and <c>SeiExclude</c> pattern:
/// the operations selected, and exactly the schemas they reach (Documents/selection.v1.yaml says what
/// it holds). Each model of a part is also checked to be a part of the whole document's model: the
/// same types and operations, declared the same way.
/// </summary>
public sealed class OperationSelectionTests
{
    private const string DocumentPath = "/project/selection.v1.yaml";

    private static readonly string Text = File.ReadAllText(Paths.TestDocument("selection.v1.yaml"));

    /// <summary>The schemas that error responses name or that a <c>schema:</c> include may name: no signature uses them, so the walk of what is in use starts from them too.</summary>
    private static readonly string[] RootsBesideOperations = { "Error", "ErrorDetail", "Unused" };

    private static readonly Lazy<BuildResult> Whole = new(() => Build(null, null));

    private static BuildResult Build(string? include, string? exclude = null, string text = "", string path = DocumentPath)
        => SeiClientGenerator.ReadAndBuild(new SpecInput(path, text.Length == 0 ? Text : text, null, null, "Consumer", "/project/", include, exclude), CancellationToken.None);

    /// <summary>Builds a part, and checks what every part must be: a part of the whole model, with no type the operations do not use.</summary>
    private static ClientModel Part(string? include, string? exclude = null)
    {
        var result = Build(include, exclude);
        Assert.NotNull(result.Model);
        var model = result.Model!;
        var differences = ModelGraph.DifferencesFromWhole(model, Whole.Value.Model!);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        var errorBodies = model.Types.Select(t => t.Name).Where(RootsBesideOperations.Contains);
        Assert.Equal(model.Types.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal), ModelGraph.TypesInUse(model, errorBodies).OrderBy(n => n, StringComparer.Ordinal));
        return model;
    }

    private static string[] Operations(ClientModel model) => model.Operations.Select(o => o.OperationId ?? o.MethodName).ToArray();

    private static string[] Types(ClientModel model) => model.Types.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    private static string[] Sorted(params string[] names) => names.OrderBy(n => n, StringComparer.Ordinal).ToArray();

    [Fact]
    public void Without_patterns_the_whole_document_is_built()
    {
        var model = Whole.Value.Model!;

        Assert.Equal(10, model.Operations.Count);
        Assert.Contains(model.Types, t => t.Name == "Unused");
        foreach (var blank in new[] { string.Empty, "  ", " ;\n ; ", "\r\n" })
        {
            Assert.Equal(Whole.Value, Build(blank, blank));
        }
    }

    [Fact]
    public void A_path_pattern_selects_its_operations_and_the_schemas_their_responses_reach_through_properties_items_and_maps()
    {
        var model = Part("GET /v1/accounts/*");

        Assert.Equal(new[] { "getAccount" }, Operations(model));
        Assert.Equal(Sorted("Account", "AccountLimits", "Person", "Tag", "MetaValue", "Status", "Money", "Error", "ErrorDetail"), Types(model));
    }

    [Fact]
    public void A_double_star_selects_a_path_and_everything_under_it()
    {
        var model = Part("/v1/accounts/**");

        Assert.Equal(new[] { "listAccounts", "createAccount", "getAccount", "deleteAccount" }, Operations(model));
    }

    [Fact]
    public void Parameters_request_bodies_and_response_headers_bring_their_schemas()
    {
        var list = Part("op:listAccounts");
        var create = Part("op:createAccount");
        var get = Part("op:getAccount");

        Assert.Contains("SortOrder", Types(list));
        Assert.DoesNotContain("SortOrder", Types(get));
        Assert.Contains("AccountCreate", Types(create));
        Assert.Contains("Region", Types(create));
        Assert.Equal("Region", create.Operations.Single().ResponseHeaders!.Headers.Single().Type.Name);
        Assert.DoesNotContain("Region", Types(get));
    }

    [Fact]
    public void A_tag_pattern_selects_the_operations_with_that_tag()
    {
        var model = Part("tag:payments");

        Assert.Equal(new[] { "createPayment" }, Operations(model));
        Assert.Equal(Sorted("Payment", "PaymentRequest", "Money", "ErrorDetail"), Types(model));
    }

    [Fact]
    public void An_exclude_pattern_wins_over_an_include_pattern()
    {
        var model = Part("/v1/accounts/**", "DELETE /**; op:createAccount");

        Assert.Equal(new[] { "listAccounts", "getAccount" }, Operations(model));
        Assert.DoesNotContain("AccountCreate", Types(model));
    }

    [Fact]
    public void Exclude_patterns_alone_leave_out_what_they_match_and_build_the_rest()
    {
        var model = Part(null, "tag:Accounts\n/v1/broken*/**");

        Assert.Equal(new[] { "createPayment", "listPets", "getCat", "getShape" }, Operations(model));
        Assert.DoesNotContain("Account", Types(model));
        Assert.DoesNotContain("Unused", Types(model));
    }

    [Fact]
    public void Error_responses_bring_the_component_schemas_they_name_shared_or_inline_and_what_those_reach()
    {
        // getAccount's 404 is the shared response naming Error, whose items are ErrorDetail; createPayment's
        // inline 4XX body names ErrorDetail alone and, as in the whole document, declares no type of its own.
        Assert.Equal(Sorted("Error", "ErrorDetail"), Types(Part("op:getAccount")).Where(RootsBesideOperations.Contains));
        Assert.Equal(new[] { "ErrorDetail" }, Types(Part("op:createPayment")).Where(RootsBesideOperations.Contains));
        Assert.DoesNotContain(Types(Part("op:listAccounts")), RootsBesideOperations.Contains);
    }

    [Fact]
    public void A_schema_exclude_keeps_error_bodies_out_but_never_what_a_signature_uses()
    {
        Assert.DoesNotContain(Types(Part("op:getAccount", "schema:Error")), RootsBesideOperations.Contains);
        Assert.Equal(Sorted("Error", "ErrorDetail"), Types(Part("op:getAccount", "schema:ErrorDetail")).Where(RootsBesideOperations.Contains));

        // Account is what getAccount returns: leaving it out would leave the client without its type.
        var kept = Build("op:getAccount", "schema:Account");
        Assert.Contains("Account", Types(kept.Model!));
        Assert.DoesNotContain(kept.Diagnostics, d => d.Id == "SEI2011");
    }

    [Fact]
    public void Exclude_schema_patterns_alone_keep_every_operation_and_only_the_schemas_they_reach()
    {
        var model = Part(null, "schema:Error*");

        Assert.Equal(Operations(Whole.Value.Model!), Operations(model));
        Assert.DoesNotContain("Unused", Types(model));
        Assert.DoesNotContain(Types(model), RootsBesideOperations.Contains);
    }

    [Fact]
    public void A_schema_include_generates_a_schema_no_operation_reaches_and_alone_includes_no_operation()
    {
        var result = Build("schema:Unused; schema:Pe*");

        Assert.Empty(result.Model!.Operations);
        Assert.Equal(Sorted("Unused", "Person", "Pet", "Cat", "Dog", "Lion", "Claws"), Types(result.Model));
        Assert.Empty(ModelGraph.DifferencesFromWhole(result.Model, Whole.Value.Model!));
        Assert.Contains("Unused", Types(Part("op:getShape; schema:unused")));
        Assert.DoesNotContain("Unused", Types(Part("op:getShape; schema:Unused", "schema:Unused")));
    }

    [Fact]
    public void A_base_that_types_a_value_brings_every_type_that_derives_from_it_however_deep()
    {
        var model = Part("op:listPets");

        Assert.Equal(Sorted("Pet", "Cat", "Dog", "Lion", "Claws"), Types(model));
        var pet = model.Types.OfType<ObjectDeclaration>().Single(t => t.Name == "Pet");
        Assert.Equal(Whole.Value.Model!.Types.Single(t => t.Name == "Pet"), pet);
        Assert.Equal(new[] { "Lion", "Cat", "Dog" }, pet.DerivedTypes.Select(d => d.Name));
    }

    [Fact]
    public void A_base_that_only_is_derived_from_does_not_bring_its_other_derived_types()
    {
        // A value typed Cat is a Cat or a Lion, never a Dog: Pet comes as Cat's base class, and knows only Cat and Lion.
        var model = Part("op:getCat");

        Assert.Equal(Sorted("Pet", "Cat", "Lion", "Claws"), Types(model));
        Assert.Equal(new[] { "Lion", "Cat" }, model.Types.OfType<ObjectDeclaration>().Single(t => t.Name == "Pet").DerivedTypes.Select(d => d.Name));
        Assert.Equal(new[] { "Lion" }, model.Types.OfType<ObjectDeclaration>().Single(t => t.Name == "Cat").DerivedTypes.Select(d => d.Name));
    }

    [Fact]
    public void A_union_brings_every_alternative_and_what_they_reach()
    {
        var model = Part("op:getShape");

        Assert.Equal(Sorted("Shape", "Circle", "Square", "Length"), Types(model));
        Assert.Equal(Whole.Value.Model!.Types.Single(t => t.Name == "Shape"), model.Types.Single(t => t.Name == "Shape"));
    }

    [Fact]
    public void Building_reports_nothing_about_operations_left_out_and_reading_still_reports_on_the_whole_document()
    {
        Assert.Equal(new[] { "SEI1007", "SEI2001", "SEI2003", "SEI2024" }, Whole.Value.Diagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));

        var part = Build("/v1/accounts/**");
        var excluded = Build(null, "op:brokenOne");

        Assert.Equal(new[] { "SEI1007" }, part.Diagnostics.Select(d => d.Id));
        Assert.Equal(new[] { "SEI1007" }, excluded.Diagnostics.Select(d => d.Id));
        Assert.Equal(Whole.Value.Diagnostics.Single(d => d.Id == "SEI1007"), part.Diagnostics.Single());
    }

    [Fact]
    public void Names_do_not_depend_on_what_else_is_selected()
    {
        // Component names are reserved for the whole document, so the schema named Tag stays Tag whatever is generated.
        foreach (var include in new[] { "op:getAccount", "op:listAccounts", "/**" })
        {
            Assert.Contains("Tag", Types(Part(include)));
        }
    }

    [Fact]
    public void The_same_patterns_build_equal_models_and_other_patterns_other_ones()
    {
        var first = Build("tag:Accounts; op:getShape");
        var second = Build("op:getShape;tag:Accounts");
        var other = Build("tag:Accounts");

        Assert.Equal(first, second);
        Assert.NotSame(first.Model, second.Model);
        Assert.NotEqual(first.Model, other.Model);
    }

    [Fact]
    public void Patterns_that_match_nothing_or_are_malformed_are_reported_at_the_node_that_stands_for_the_document()
    {
        var result = Build("accounts; GET /v1/nothing/*; tag:Nope; op:getAccount; schema:Nope*", "DELETE /v1/nothing; op:");

        Assert.Equal(new[] { "getAccount" }, Operations(result.Model!));
        var findings = result.Diagnostics.Where(d => d.Id is "SEI2010" or "SEI2011").Select(d => d.Id + " " + string.Join(" | ", d.MessageArguments)).ToList();
        Assert.Equal(
            new[]
            {
                "SEI2010 SeiInclude | accounts | selection.v1.yaml | it starts with neither '/' nor an HTTP method",
                "SEI2010 SeiExclude | op: | selection.v1.yaml | 'op:' is followed by no name; write an operationId after it",
                "SEI2011 SeiInclude | GET /v1/nothing/* | selection.v1.yaml | operation",
                "SEI2011 SeiInclude | tag:Nope | selection.v1.yaml | operation",
                "SEI2011 SeiInclude | schema:Nope* | selection.v1.yaml | component schema",
                "SEI2011 SeiExclude | DELETE /v1/nothing | selection.v1.yaml | operation",
            },
            findings);

        // The openapi key, after the document's opening comment, stands for the whole document.
        var versionLine = Array.FindIndex(Text.Split('\n'), line => line.StartsWith("openapi:", StringComparison.Ordinal));
        Assert.All(result.Diagnostics.Where(d => d.Id is "SEI2010" or "SEI2011"), d => Assert.Equal((versionLine, 0), (d.Span.StartLine, d.Span.StartColumn)));
    }

    [Fact]
    public void In_a_JSON_Swagger_document_the_findings_stand_at_the_swagger_key()
    {
        const string json = "{\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n  \"swagger\": \"2.0\",\n  \"paths\": {\"/v1/a\": {\"get\": {\"tags\": [\"A\"], \"responses\": {\"204\": {\"description\": \"ok\"}}}}}\n}\n";

        var result = Build("tag:A; tag:B", null, json, "/project/swagger.json");

        Assert.Single(result.Model!.Operations);
        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal("SEI2011", finding.Id);
        Assert.Equal((2, 2), (finding.Span.StartLine, finding.Span.StartColumn));
    }

    [Fact]
    public void An_include_of_nothing_but_malformed_entries_includes_nothing_rather_than_everything()
    {
        var result = Build("accounts; tag:");

        Assert.Empty(result.Model!.Operations);
        Assert.Empty(result.Model.Types);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "SEI2010"));
    }

    [Fact]
    public void A_value_that_MSBuild_could_not_escape_is_reported_whole()
    {
        // What reaches the compiler when the metadata holds a backtick (see build/Sei.Generators.props), cut at its first ';'.
        var result = Build("$([System.Uri]::EscapeDataString(`op:getAccount");

        var finding = Assert.Single(result.Diagnostics, d => d.Id == "SEI2010");
        Assert.Contains("holds a backtick", finding.MessageArguments[3], StringComparison.Ordinal);
        Assert.Empty(result.Model!.Operations);
    }
}
