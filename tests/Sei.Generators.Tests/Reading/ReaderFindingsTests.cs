using System;
using System.Linq;
using Microsoft.OpenApi;
using Sei.Generators.Reading;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Reading;

/// <summary>
/// Each of Microsoft.OpenApi's validation rules is judged once: left out (a false positive on some
/// valid document, or a less exact copy of our own check) or kept with the ID its breach deserves. A
/// newer Microsoft.OpenApi with a rule not judged here fails this test, so the rule is judged before
/// it reaches users.
/// </summary>
public sealed class ReaderFindingsTests
{
    [Fact]
    public void Every_rule_of_the_readers_default_set_is_judged()
    {
        var judged = ReaderFindings.LeftOut.Select(r => r.Name).Concat(ReaderFindings.Kept.Keys).ToHashSet(StringComparer.Ordinal);

        var unjudged = ValidationRuleSet.GetDefaultRuleSet().Rules.Select(r => r.Name).Where(name => !judged.Contains(name)).ToList();

        Assert.True(unjudged.Count == 0, "Rules neither kept nor left out: " + string.Join(", ", unjudged));
    }

    [Fact]
    public void The_rule_set_the_reader_runs_lacks_exactly_the_rules_left_out()
    {
        var running = ReaderFindings.RuleSet.Rules.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(ReaderFindings.LeftOut, rule => Assert.DoesNotContain(rule.Name, running));
        Assert.All(ReaderFindings.Kept.Keys, name => Assert.Contains(name, running));
    }

    [Theory]
    [InlineData("'paths' that do not begin with '/'", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  v1/things:\n    get: {responses: {'204': {description: ok}}}\n", "SEI1004", 4)]
    [InlineData("a parameter without a name", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /v1/things:\n    get:\n      parameters:\n        - {in: query, schema: {type: string}}\n      responses: {'204': {description: ok}}\n", "SEI1004", 7)]
    [InlineData("a response without a description", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /v1/things:\n    get:\n      responses:\n        '204': {}\n", "SEI1007", 7)]
    [InlineData("a tag without a name", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\ntags:\n  - {description: d}\npaths: {}\n", "SEI1007", 4)]
    [InlineData("a path parameter that is not required", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /v1/things/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, schema: {type: string}}\n      responses: {'204': {description: ok}}\n", "SEI1007", 7)]
    [InlineData("a 2.0 response without a description, found in the 3.x model", "swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths:\n  /v1/things:\n    get:\n      responses:\n        '204': {}\n", "SEI1007", 7)]
    [InlineData("a 3.0 operation without responses", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /v1/things:\n    get:\n      operationId: listThings\n", "SEI1007", 5)]
    [InlineData("a 2.0 discriminator that is not required", "swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\ndefinitions:\n  Pet:\n    type: object\n    discriminator: kind\n    properties: {kind: {type: string}}\n", "SEI1007", 7)]
    [InlineData("a 3.x component name with a bracket", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    'Pet[]': {type: object}\n", "SEI1007", 6)]
    public void A_broken_rule_gets_the_id_its_cost_to_the_client_deserves_on_its_line(string rule, string text, string id, int line)
    {
        var run = GeneratorHarness.Run(new SpecFile("/project/rule.yaml", text));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id is "SEI1004" or "SEI1007");
        Assert.True(diagnostic.Id == id, rule + ": " + diagnostic);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Theory]
    [InlineData("an operation without responses in 3.1", "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /v1/things:\n    get:\n      operationId: listThings\n")]
    [InlineData("a definitions key that 3.x would not allow, in 2.0", "swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\ndefinitions:\n  'Pet[]': {type: object}\n")]
    [InlineData("a 3.0 discriminator not in a required list", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      discriminator: {propertyName: kind}\n      properties: {kind: {type: string}}\n")]
    [InlineData("a 3.1 reference to an anchor", "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      $anchor: pet\n      type: object\n      properties:\n        parent: {$ref: '#pet'}\n")]
    [InlineData("a 2.0 operation's own schemes, the document's", "swagger: '2.0'\ninfo: {title: T, version: '1'}\nschemes: [https]\npaths:\n  /v1/things:\n    get:\n      schemes: [https]\n      responses: {'204': {description: ok}}\n")]
    [InlineData("2.0 parameter bounds", "swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths:\n  /v1/things:\n    post:\n      parameters:\n        - {name: ids, in: formData, type: array, maxItems: 3, minItems: 1, uniqueItems: true, items: {type: array, collectionFormat: pipes, items: {type: integer, multipleOf: 2, exclusiveMinimum: true, minimum: 0}}}\n      responses: {'204': {description: ok}}\n")]
    public void A_valid_construct_that_the_reader_once_reported_gets_nothing(string construct, string text)
    {
        var run = GeneratorHarness.Run(new SpecFile("/project/valid.yaml", text));

        Assert.True(run.GeneratorDiagnostics.IsEmpty, construct + ": " + GeneratorHarness.Describe(run.GeneratorDiagnostics));
    }
}
