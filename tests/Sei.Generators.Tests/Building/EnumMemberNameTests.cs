using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Sei.Generators.Model;
using Xunit;

namespace Sei.Generators.Tests.Building;

/// <summary>
/// Enumeration values become member names that keep their meaning (<c>A+</c>, <c>A</c>, <c>A-</c> →
/// <c>APlus</c>, <c>A</c>, <c>AMinus</c>) and that a value the document adds never changes.
/// </summary>
public sealed class EnumMemberNameTests
{
    /// <summary>One value alone in its enumeration, and the name it gets.</summary>
    public static TheoryData<string, string> Values => new()
    {
        { "A+", "APlus" },
        { "A", "A" },
        { "A-", "AMinus" },
        { "B+", "BPlus" },
        { "+", "Plus" },
        { "-", "Minus" },
        { "<", "LessThan" },
        { ">", "GreaterThan" },
        { "<=", "LessThanOrEqual" },
        { ">=", "GreaterThanOrEqual" },
        { "=", "Equal" },
        { "!=", "NotEqual" },
        { "*", "Asterisk" },
        { "/", "Slash" },
        { "%", "Percent" },
        { "&", "And" },
        { "@", "At" },
        { "#", "Hash" },
        { "C#", "CSharp" },
        { "C# 12", "CSharp12" },
        { "C++", "CPlusPlus" },
        { "50%", "_50Percent" },
        { "R&D", "RAndD" },
        { "@me", "AtMe" },
        { "#general", "HashGeneral" },
        { "a*", "AAsterisk" },
        { "x>=1", "XGreaterThanOrEqual1" },
        { "1.0", "_1_0" },
        { "1.5", "_1_5" },
        { "v1.0", "V1_0" },
        { "2024-01-31", "_2024_01_31" },
        { "10", "_10" },
        { "3ds", "_3ds" },
        { "-1", "Minus1" },
        { "+1", "Plus1" },
        { "-0.5", "Minus0_5" },
        { ".NET", "DotNet" },
        { "", "Empty" },
        { " ", "Space" },
        { "-createdAt", "CreatedAtDescending" },
        { "+name", "NameAscending" },
        { "PROOF_OF_ADDRESS", "ProofOfAddress" },
        { "account-type", "AccountType" },
        { "camelCase", "CamelCase" },
        { "application/json", "ApplicationJson" },
        { "class", "Class" },
        { "Equals", "EqualsValue" },
        { "ToString", "ToStringValue" },
        { "WireValue", "WireValueValue" },
        { "Value", "ValueValue" },
        { "Grade", "GradeValue" },
    };

    /// <summary>Values of one enumeration that differ only in punctuation or case, and the names they get, in document order.</summary>
    public static TheoryData<string[], string[]> Neighbours => new()
    {
        { new[] { "A+", "A", "A-" }, new[] { "APlus", "A", "AMinus" } },
        { new[] { "<", "<=", "=", ">=", ">", "!=" }, new[] { "LessThan", "LessThanOrEqual", "Equal", "GreaterThanOrEqual", "GreaterThan", "NotEqual" } },
        { new[] { "x-y", "x_y", "x.y", "x y", "x/y" }, new[] { "XY", "XUnderscoreY", "XDotY", "XSpaceY", "XSlashY" } },
        { new[] { "active", "ACTIVE" }, new[] { "Active", "ACTIVE" } },
        { new[] { "=", "==" }, new[] { "Equal", "EqualEqual" } },
        { new[] { "1.0", "10", "1-0" }, new[] { "_1_0", "_10", "_1Minus0" } },
        { new[] { "Value", "value" }, new[] { "ValueValue", "valueValue" } },
        { new[] { "here", "@here" }, new[] { "Here", "AtHere" } },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_is_named_for_what_it_says(string value, string expected)
    {
        Assert.Equal(new[] { expected }, MemberNames(value));
    }

    [Theory]
    [MemberData(nameof(Neighbours))]
    public void Values_that_differ_only_in_punctuation_or_case_get_names_that_tell_them_apart(string[] values, string[] expected)
    {
        Assert.Equal(expected, MemberNames(values));
    }

    [Fact]
    public void Adding_a_value_renames_no_other()
    {
        var values = Values.Select(row => (string)row[0]).ToList();
        var all = MemberNames(values.ToArray());

        // Each value keeps the name it has alone, unless an earlier value already had that name.
        foreach (var (value, name) in values.Zip(all))
        {
            Assert.Equal(MemberNames(value).Single(), name);
        }

        // Appending a value, one that collides or one that does not, leaves every earlier name as it was.
        foreach (var added in new[] { "A++", "a+", "APlus", "zz", "1_0", "Ascending" })
        {
            Assert.Equal(all, MemberNames(values.Append(added).ToArray()).Take(values.Count));
        }

        // Inserting a value that collides with none renames none, wherever it goes.
        for (var position = 0; position <= values.Count; position += 7)
        {
            var inserted = values.Take(position).Append("brand-new").Concat(values.Skip(position)).ToArray();
            Assert.Equal(all, MemberNames(inserted).Where((_, index) => index != position));
        }
    }

    [Fact]
    public void Integer_values_are_named_by_their_number_and_sign()
    {
        var model = Build("""{"type": "integer", "enum": [-1, 0, 1, 10]}""");

        Assert.Equal(new[] { "ValueMinus1", "Value0", "Value1", "Value10" }, model.Members.Select(m => m.Name));
    }

    private static IReadOnlyList<string> MemberNames(params string[] values)
        => Build(JsonSerializer.Serialize(new { type = "string", @enum = values })).Members.Select(m => m.Name).ToList();

    private static EnumDeclaration Build(string schema)
    {
        var text = """{"openapi": "3.0.3", "info": {"title": "SEI Grades API", "version": "1"}, "paths": {}, "components": {"schemas": {"Grade": """ + schema + "}}}";
        var result = SeiClientGenerator.ReadAndBuild(new SpecInput("/project/grades.json", text, null, null, "Consumer", "/project/"), CancellationToken.None);
        Assert.NotNull(result.Model);
        return result.Model!.Types.OfType<EnumDeclaration>().Single(t => t.Name == "Grade");
    }
}
