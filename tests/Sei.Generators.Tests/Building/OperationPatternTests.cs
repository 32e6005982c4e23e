using System;
using Sei.Generators.Building;
using Xunit;

namespace Sei.Generators.Tests.Building;

/// <summary>The grammar of <c>SeiInclude</c> and <c>SeiExclude</c> entries: what each kind of pattern matches, and what is not a pattern.</summary>
public sealed class OperationPatternTests
{
    private static bool Matches(string entry, string method, string path, string? operationId = null, params string[] tags)
    {
        Assert.True(OperationPattern.TryParse(entry, out var pattern, out var reason), reason);
        return pattern!.Matches(path, method, operationId, tags);
    }

    [Theory]
    [InlineData("/v1/accounts", "/v1/accounts", true)]
    [InlineData("/v1/accounts", "/v1/accounts/{id}", false)]
    [InlineData("/v1/accounts", "/v1", false)]
    [InlineData("/v1/accounts/", "/v1/accounts", true)]
    [InlineData("/v1//accounts", "/v1/accounts", true)]
    [InlineData("/", "/", true)]
    [InlineData("/", "/v1", false)]
    public void A_literal_path_matches_the_same_segments(string entry, string path, bool expected)
        => Assert.Equal(expected, Matches(entry, "GET", path));

    [Theory]
    [InlineData("/v1/accounts/*", "/v1/accounts/{accountId}", true)]
    [InlineData("/v1/accounts/*", "/v1/accounts/summary", true)]
    [InlineData("/v1/accounts/*", "/v1/accounts", false)]
    [InlineData("/v1/accounts/*", "/v1/accounts/{id}/holders", false)]
    [InlineData("/v1/*/holders", "/v1/accounts/holders", true)]
    [InlineData("/v1/acc*", "/v1/accounts", true)]
    [InlineData("/v1/acc*", "/v1/payments", false)]
    [InlineData("/v1/*ments", "/v1/payments", true)]
    [InlineData("/v1/a*n*s", "/v1/accounts", true)]
    [InlineData("/v1/a*s*s", "/v1/accounts", false)]
    [InlineData("/v1/*", "/v1/{id}.json", true)]
    public void A_star_stands_for_any_characters_within_one_segment(string entry, string path, bool expected)
        => Assert.Equal(expected, Matches(entry, "GET", path));

    [Theory]
    [InlineData("/v1/accounts/**", "/v1/accounts", true)]
    [InlineData("/v1/accounts/**", "/v1/accounts/{id}", true)]
    [InlineData("/v1/accounts/**", "/v1/accounts/{id}/holders/{holderId}", true)]
    [InlineData("/v1/accounts/**", "/v1/accountsx", false)]
    [InlineData("/v1/accounts/**", "/v2/accounts", false)]
    [InlineData("/**", "/", true)]
    [InlineData("/**", "/a/b/c", true)]
    [InlineData("/**/holders", "/holders", true)]
    [InlineData("/**/holders", "/v1/accounts/{id}/holders", true)]
    [InlineData("/**/holders", "/v1/accounts/{id}/holders/{h}", false)]
    [InlineData("/v1/**/statements/*", "/v1/accounts/{id}/statements/{s}", true)]
    [InlineData("/v1/**/statements/*", "/v1/statements/{s}", true)]
    [InlineData("/v1/**/statements/*", "/v1/statements", false)]
    [InlineData("/**/**/x", "/a/x", true)]
    public void A_double_star_stands_for_any_number_of_segments_none_included(string entry, string path, bool expected)
        => Assert.Equal(expected, Matches(entry, "GET", path));

    [Theory]
    [InlineData("/v1/accounts/{id}", "/v1/accounts/{accountId}", true)]
    [InlineData("/v1/accounts/{accountId}", "/v1/accounts/{accountId}", true)]
    [InlineData("/v1/accounts/{id}", "/v1/accounts/summary", false)]
    [InlineData("/v1/accounts/{id}", "/v1/accounts/{id}.json", false)]
    [InlineData("/v1/accounts/{id}.json", "/v1/accounts/{id}.json", true)]
    public void A_parameter_segment_matches_any_parameter_segment_whatever_its_name(string entry, string path, bool expected)
        => Assert.Equal(expected, Matches(entry, "GET", path));

    [Theory]
    [InlineData("GET /v1/accounts", "GET", true)]
    [InlineData("GET /v1/accounts", "POST", false)]
    [InlineData("get /v1/accounts", "GET", true)]
    [InlineData("Delete\t/v1/accounts", "DELETE", true)]
    [InlineData("PATCH   /v1/accounts", "PATCH", true)]
    [InlineData("/v1/accounts", "OPTIONS", true)]
    public void A_method_before_the_path_narrows_it_to_that_method(string entry, string method, bool expected)
        => Assert.Equal(expected, Matches(entry, method, "/v1/accounts"));

    [Theory]
    [InlineData("tag:Payments", true)]
    [InlineData("tag:payments", true)]
    [InlineData("TAG: Payments ", true)]
    [InlineData("tag:Pay*", true)]
    [InlineData("tag:Card Payments", true)]
    [InlineData("tag:Pay", false)]
    [InlineData("tag:Accounts", false)]
    public void A_tag_pattern_matches_any_of_the_operations_tags(string entry, bool expected)
        => Assert.Equal(expected, Matches(entry, "GET", "/x", "getX", "Card Payments", "Payments"));

    [Theory]
    [InlineData("op:getAccount", "getAccount", true)]
    [InlineData("op:GETACCOUNT", "getAccount", true)]
    [InlineData("operationId:getAccount", "getAccount", true)]
    [InlineData("OperationID: getAccount", "getAccount", true)]
    [InlineData("op:get*", "getAccount", true)]
    [InlineData("op:*Account", "getAccount", true)]
    [InlineData("op:getAccount", "getAccounts", false)]
    [InlineData("op:getAccount", null, false)]
    [InlineData("op:*", null, false)]
    public void An_operationId_pattern_matches_the_operationId(string entry, string? operationId, bool expected)
        => Assert.Equal(expected, Matches(entry, "GET", "/x", operationId));

    [Theory]
    [InlineData("schema:Error", "Error", true)]
    [InlineData("SCHEMA: error", "Error", true)]
    [InlineData("schema:*Event", "customer.created.Event", true)]
    [InlineData("schema:Error", "ErrorDetail", false)]
    public void A_schema_pattern_names_component_schemas_and_no_operation(string entry, string id, bool expected)
    {
        Assert.True(OperationPattern.TryParse(entry, out var pattern, out _));
        Assert.True(pattern!.IsSchema);
        Assert.Equal(expected, pattern.MatchesSchema(id));
        Assert.False(pattern.Matches("/" + id, "GET", id, new[] { id }));
    }

    [Fact]
    public void Paths_are_compared_without_regard_to_case()
    {
        Assert.True(Matches("/V1/Accounts/*", "GET", "/v1/accounts/{id}"));
        Assert.True(Matches("/v1/ACC*", "GET", "/v1/accounts"));
    }

    [Theory]
    [InlineData("accounts", "starts with neither '/' nor an HTTP method")]
    [InlineData("GETS /v1", "starts with neither '/' nor an HTTP method")]
    [InlineData("GET", "must be followed by a path that starts with '/'")]
    [InlineData("GET v1/accounts", "must be followed by a path that starts with '/'")]
    [InlineData("path:/v1", "'path:' is not a kind of pattern (the kinds are 'tag:', 'op:', 'operationId:' and 'schema:')")]
    [InlineData("tag:", "'tag:' is followed by no name")]
    [InlineData("op:  ", "'op:' is followed by no name")]
    [InlineData("operationId:", "'operationId:' is followed by no name")]
    [InlineData("schema:", "'schema:' is followed by no name; write a component schema's name")]
    [InlineData("/v1/acc**", "'**' stands for whole segments, and 'acc**' has it")]
    [InlineData("GET /**x/y", "'**' stands for whole segments, and '**x' has it")]
    public void An_entry_that_is_not_a_pattern_says_why(string entry, string reason)
    {
        Assert.False(OperationPattern.TryParse(entry, out var pattern, out var actual));
        Assert.Null(pattern);
        Assert.Contains(reason, actual, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "anything", true)]
    [InlineData("a*", "A", true)]
    [InlineData("*a", "ba", true)]
    [InlineData("*a", "ab", false)]
    [InlineData("a*b*c", "aXbYc", true)]
    [InlineData("a*b*c", "aXbY", false)]
    [InlineData("a**c", "abc", true)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    public void A_glob_compares_characters_without_regard_to_case(string pattern, string text, bool expected)
        => Assert.Equal(expected, Glob.Matches(pattern, text));

    [Fact]
    public void A_glob_with_many_stars_against_a_long_text_finishes_quickly()
    {
        // The greedy walk returns to one place only, so the worst case is quadratic, never exponential.
        Assert.False(Glob.Matches(string.Concat(System.Linq.Enumerable.Repeat("*a", 40)) + "b", new string('a', 2000)));
    }
}
