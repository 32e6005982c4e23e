using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>
/// What a newer version of a product removed or changed incompatibly, reported as information on the
/// newer document: SEI2008 (removed), SEI2012 (type changed), SEI2013 (became required), SEI2014
/// (required parameter added).
/// </summary>
public sealed class VersionComparisonTests
{
    private static readonly string[] ComparisonIds = { "SEI2008", "SEI2012", "SEI2013", "SEI2014" };

    private static List<Diagnostic> Changes(params SpecFile[] specs)
        => GeneratorHarness.Run(specs).GeneratorDiagnostics.Where(d => ComparisonIds.Contains(d.Id)).OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();

    private static string Widgets(int version, string parameter, string properties, string required = "[id]") => $$"""
        openapi: 3.0.3
        info: {title: SEI Widgets API, version: '{{version}}.0.0'}
        paths:
          /v{{version}}/widgets:
            get:
              operationId: listWidgets
              parameters:
                {{parameter}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Widget'}
        components:
          schemas:
            Widget:
              type: object
              required: {{required}}
              properties:
                {{properties}}
        """;

    [Fact]
    public void Accounts_v2_reports_what_it_removed_and_changed_relative_to_v1_at_the_place_in_v2()
    {
        var changes = Changes(SpecFile.FromRepository("accounts.v1.yaml"), SpecFile.FromRepository("accounts.v2.yaml"));

        Assert.All(changes, d =>
        {
            Assert.Equal(DiagnosticSeverity.Info, d.Severity);
            Assert.EndsWith("specs/accounts.v2.yaml", d.Location.GetLineSpan().Path);
            Assert.StartsWith("Compared with accounts.v1.yaml (Consumer.Accounts.V1), Consumer.Accounts.V2 ", d.GetMessage());
        });
        var found = changes.Select(d => (d.Location.GetLineSpan().StartLinePosition.Line + 1, d.GetMessage().Split(" Consumer.Accounts.V2 ")[1])).ToList();
        Assert.Equal(
            new[]
            {
                (48, "removes the operation 'getAccountBalanceLegacy' (GET /v1/accounts/{accountId}/balance). Code that moves to the new version must change with it."),
                (70, "adds the required query parameter 'asOf' to operation 'listAccounts' (GET /v1/accounts). Code that moves to the new version must change with it."),
                (618, "removes the schema 'AccountBalance'. Code that moves to the new version must change with it."),
                (665, "removes the value \"FROZEN\" of 'AccountStatus'. Code that moves to the new version must change with it."),
                (690, "removes the property 'Account.nickname'. Code that moves to the new version must change with it."),
                (741, "removes the property 'AccountCreate.nickname'. Code that moves to the new version must change with it."),
                (773, "removes the property 'AccountUpdate.nickname'. Code that moves to the new version must change with it."),
            },
            found);
    }

    [Fact]
    public void Each_kind_of_change_is_reported_under_its_own_id()
    {
        var v1 = new SpecFile("/project/widgets.v1.yaml", Widgets(1, "- {name: size, in: query, schema: {type: string}}", "id: {type: string}\n        color: {type: string}\n        weight: {type: string}"));
        var v2 = new SpecFile("/project/widgets.v2.yaml", Widgets(2, "- {name: size, in: query, required: true, schema: {type: string}}", "id: {type: string}\n        weight: {type: integer}"));

        var ids = Changes(v1, v2).Select(d => d.Id + " " + d.GetMessage().Split(" Consumer.Widgets.V2 ")[1].Split(". Code")[0]).OrderBy(text => text, System.StringComparer.Ordinal).ToList();

        Assert.Contains("SEI2008 removes the property 'Widget.color'", ids);
        Assert.Contains(ids, text => text.StartsWith("SEI2012 changes the type of the property 'Widget.weight' from ", System.StringComparison.Ordinal));
        Assert.Contains(ids, text => text.StartsWith("SEI2013 makes the query parameter 'size' required", System.StringComparison.Ordinal));
    }

    [Fact]
    public void What_the_older_version_did_not_generate_is_not_reported_and_what_the_newer_leaves_out_is()
    {
        // v1 generates two operations only: v2's removal of another, and of schemas only it reached, is no concern of code written against v1.
        var fromPart = Changes(SpecFile.FromRepository("accounts.v1.yaml") with { Include = "op:listAccounts; op:getAccount" }, SpecFile.FromRepository("accounts.v2.yaml"));
        var messages = fromPart.Select(d => d.GetMessage().Split(" Consumer.Accounts.V2 ")[1].Split(". Code")[0]).ToList();
        Assert.Equal(
            new[]
            {
                "adds the required query parameter 'asOf' to operation 'listAccounts' (GET /v1/accounts)",
                "removes the value \"FROZEN\" of 'AccountStatus'",
                "removes the property 'Account.nickname'",
            },
            messages);

        // v2 generates one operation: code that moves from v1 will not find the others there.
        var toPart = Changes(SpecFile.FromRepository("accounts.v1.yaml"), SpecFile.FromRepository("accounts.v2.yaml") with { Include = "op:listAccounts" });
        Assert.Contains(toPart, d => d.GetMessage().Contains("removes the operation 'getAccount' (GET /v1/accounts/{accountId})", System.StringComparison.Ordinal));
        Assert.Contains(toPart, d => d.GetMessage().Contains("removes the operation 'createAccount' (POST /v1/accounts)", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Type_changes_and_members_that_became_required_are_reported_and_additions_are_not()
    {
        var v1 = new SpecFile("/project/specs/widgets.v1.yaml", Widgets(1, "- {name: size, in: query, schema: {type: string}}", "id: {type: string}\n        color: {type: string}\n        weight: {type: number}"));
        var v2 = new SpecFile("/project/specs/widgets.v2.yaml", Widgets(2, "- {name: size, in: query, required: true, schema: {type: integer}}\n        - {name: shape, in: query, schema: {type: string}}", "id: {type: string}\n        color: {type: string}\n        weight: {type: string}\n        height: {type: number}", "[id, color]"));

        var messages = Changes(v1, v2).Select(d => d.GetMessage().Split(" Consumer.Widgets.V2 ")[1].Split(". Code")[0]).ToList();

        Assert.Equal(
            new[]
            {
                "changes the type of the query parameter 'size' from string to integer",
                "makes the query parameter 'size' required",
                "makes the property 'Widget.color' required",
                "changes the type of the property 'Widget.weight' from number to string",
            },
            messages);
    }

    [Fact]
    public void Each_version_is_compared_with_the_nearest_older_one_only()
    {
        var v1 = new SpecFile("/project/specs/widgets.v1.yaml", Widgets(1, "- {name: size, in: query, schema: {type: string}}", "id: {type: string}\n        color: {type: string}"));
        var v2 = new SpecFile("/project/specs/widgets.v2.yaml", Widgets(2, "- {name: size, in: query, schema: {type: string}}", "id: {type: string}"));
        var v3 = new SpecFile("/project/specs/widgets.v3.yaml", Widgets(3, "- {name: size, in: query, schema: {type: string}}", "id: {type: string}"));

        var changes = Changes(v3, v1, v2);

        var only = Assert.Single(changes);
        Assert.EndsWith("widgets.v2.yaml", only.Location.GetLineSpan().Path);
        Assert.Contains("removes the property 'Widget.color'", only.GetMessage());
    }

    [Fact]
    public void One_version_alone_or_different_products_report_nothing()
    {
        Assert.Empty(Changes(SpecFile.FromRepository("accounts.v1.yaml")));
        Assert.Empty(Changes(SpecFile.FromRepository("accounts.v1.yaml"), SpecFile.FromRepository("payments.v1.yaml")));
        var widgets = new SpecFile("/project/specs/widgets.v2.yaml", Widgets(2, "- {name: size, in: query, schema: {type: string}}", "id: {type: string}"));
        Assert.Empty(Changes(SpecFile.FromRepository("accounts.v1.yaml"), widgets));
    }

    [Fact]
    public void A_rewritten_API_is_reported_in_at_most_a_bounded_number_of_findings()
    {
        var many = string.Join("\n        ", Enumerable.Range(0, 150).Select(i => "p" + i + ": {type: string}"));
        var v1 = new SpecFile("/project/specs/widgets.v1.yaml", Widgets(1, "- {name: size, in: query, schema: {type: string}}", "id: {type: string}\n        " + many));
        var v2 = new SpecFile("/project/specs/widgets.v2.yaml", Widgets(2, "- {name: size, in: query, schema: {type: string}}", "id: {type: string}"));

        Assert.Equal(100, Changes(v1, v2).Count);
    }
}
