using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Sei.Client.Json;
using Xunit;

namespace Sei.Client.Tests.Json;

/// <summary>
/// The runtime pieces generated contracts stand on, read without allocating where the bytes allow:
/// dates and UUIDs from their UTF-8 text, lists sized to their items, discriminators and required
/// members found on UTF-8 bytes. Each also keeps the behaviour of the string-based path it replaces.
/// </summary>
public sealed class SeiJsonRuntimeTests
{
    private static T Read<T>(string json, SeiJsonReadFunc<T> read) => SeiJsonTests.Read(json, read);

    private static T ReadWith<T, TContract>(string json)
        where TContract : struct, ISeiJsonContract<T>
        => Read(json, (ref Utf8JsonReader r) => default(TContract).Read(ref r));

    [Theory]
    [InlineData("\"2025-04-15\"")]
    [InlineData("\"\\u0032025-04-15\"")]
    [InlineData("\"2025-04-15T00:00:00\"")]
    [InlineData("\"2025-4-15\"")]
    public void Dates_are_read_from_every_spelling_the_string_parser_accepts(string json)
    {
        Assert.Equal(new DateOnly(2025, 4, 15), Read(json, SeiJson.ReadDateOnly));
        Assert.Equal(new DateTime(2025, 4, 15), Read(json, SeiJson.ReadDate));
    }

    [Theory]
    [InlineData("\"2025-02-30\"")]
    [InlineData("\"2025-13-01\"")]
    [InlineData("\"0000-01-01\"")]
    [InlineData("\"2025-0a-01\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("20250415")]
    public void Impossible_dates_fail_with_what_was_expected(string json)
    {
        var exception = Assert.Throws<JsonException>(() => Read(json, SeiJson.ReadDateOnly));

        Assert.Contains("Expected a date (yyyy-MM-dd)", exception.Message);
    }

    [Theory]
    [InlineData("\"6f1c2a9e-3b7d-4c55-9a0e-1d2b3c4d5e6f\"")]
    [InlineData("\"6F1C2A9E-3B7D-4C55-9A0E-1D2B3C4D5E6F\"")]
    [InlineData("\"6f1c2a9e3b7d4c559a0e1d2b3c4d5e6f\"")]
    [InlineData("\"{6f1c2a9e-3b7d-4c55-9a0e-1d2b3c4d5e6f}\"")]
    [InlineData("\"\\u0036f1c2a9e-3b7d-4c55-9a0e-1d2b3c4d5e6f\"")]
    public void Uuids_are_read_in_every_spelling_Guid_accepts(string json)
    {
        Assert.Equal(Guid.Parse("6f1c2a9e-3b7d-4c55-9a0e-1d2b3c4d5e6f"), Read(json, SeiJson.ReadGuid));
    }

    [Theory]
    [InlineData("\"6f1c2a9e-3b7d-4c55-9a0e-1d2b3c4d5e6\"")]
    [InlineData("\"6f1c2a9e-3b7d-4c55-9a0e-1d2b3c4d5e6fx\"")]
    public void Malformed_uuids_fail(string json)
    {
        Assert.Throws<JsonException>(() => Read(json, SeiJson.ReadGuid));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1000)]
    public void Lists_hold_every_item_in_order_in_an_array_of_exactly_their_number(int count)
    {
        var json = "[" + string.Join(",", Enumerable.Range(0, count)) + "]";

        var list = Assert.IsType<List<long>>(ReadWith<IList<long>, SeiJsonList<long, SeiJsonInt64>>(json));

        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), list);
        Assert.Equal(count, list.Capacity);
    }

    [Fact]
    public void Nested_lists_and_a_list_that_fails_halfway_leave_later_reads_intact()
    {
        var nested = ReadWith<IList<IList<string>>, SeiJsonList<IList<string>, SeiJsonList<string, SeiJsonString>>>("[[\"a\",\"b\"],[],[\"c\"]]");
        Assert.Throws<JsonException>(() => ReadWith<IList<IList<string>>, SeiJsonList<IList<string>, SeiJsonList<string, SeiJsonString>>>("[[\"x\",\"y\"],[{}]]"));
        var after = ReadWith<IList<string>, SeiJsonList<string, SeiJsonString>>("[\"d\",\"e\",\"f\"]");

        Assert.Equal(new[] { "a", "b" }, nested[0]);
        Assert.Empty(nested[1]);
        Assert.Equal(new[] { "c" }, nested[2]);
        Assert.Equal(new[] { "d", "e", "f" }, after);
    }

    [Fact]
    public void Lists_of_any_IList_are_written_item_by_item()
    {
        var fromList = SeiJsonWrite.ToJsonString<IList<int>, SeiJsonList<int, SeiJsonInt32>>(new List<int> { 1, 2, 3 });
        var fromArray = SeiJsonWrite.ToJsonString<IList<int>, SeiJsonList<int, SeiJsonInt32>>(new[] { 1, 2, 3 });

        Assert.Equal("[1,2,3]", fromList);
        Assert.Equal("[1,2,3]", fromArray);
    }

    [Theory]
    [InlineData("{\"kind\":\"CARD\",\"amount\":1}", 0)]
    [InlineData("{\"amount\":{\"kind\":\"FEE\"},\"kind\":\"FEE\"}", 2)]
    [InlineData("{\"kind\":\"CARD2\"}", 1)]
    [InlineData("{\"ki\\u006ed\":\"C\\u0041RD\"}", 0)]
    [InlineData("{\"kind\":\"LOAN\"}", -1)]
    [InlineData("{\"kind\":7}", -1)]
    [InlineData("{\"amount\":{\"kind\":\"CARD\"}}", -1)]
    [InlineData("[\"CARD\"]", -1)]
    [InlineData("\"CARD\"", -1)]
    public void A_discriminator_is_found_by_its_value_at_the_top_level_only(string json, int expected)
    {
        // CARD2 also maps to the alternative at index 1; "FEE" is listed twice and the first wins.
        var discriminator = new SeiJsonDiscriminator("kind", "CARD", "CARD2", "FEE", "FEE");
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var before = reader.TokenStartIndex;

        Assert.Equal(expected, discriminator.Find(reader));
        Assert.Equal(before, reader.TokenStartIndex);
    }

    [Theory]
    [InlineData("{\"firstName\":\"A\",\"lastName\":\"B\"}", true)]
    [InlineData("{\"lastName\":\"B\",\"extra\":[1,{\"x\":2}],\"firstName\":null}", true)]
    [InlineData("{\"firstName\":\"A\",\"firstName\":\"A\"}", false)]
    [InlineData("{\"firstName\":\"A\",\"nested\":{\"lastName\":\"B\"}}", false)]
    [InlineData("{\"first\\u004eame\":\"A\",\"lastName\":\"B\"}", true)]
    [InlineData("[]", false)]
    public void Required_members_count_once_each_and_only_at_the_top_level(string json, bool expected)
    {
        var members = new SeiJsonMemberSet("firstName", "lastName");
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        Assert.Equal(expected, members.AllIn(reader));
        Assert.Equal(json[0] == '{' ? JsonTokenType.StartObject : JsonTokenType.StartArray, reader.TokenType);
    }

    [Fact]
    public void Choosing_an_alternative_and_reading_dates_and_uuids_allocate_nothing()
    {
        var discriminator = new SeiJsonDiscriminator("kind", "CARD", "FEE");
        var members = new SeiJsonMemberSet("amount", "kind");
        var json = Encoding.UTF8.GetBytes("[{\"kind\":\"FEE\",\"amount\":1},\"2025-04-15\",\"6f1c2a9e-3b7d-4c55-9a0e-1d2b3c4d5e6f\"]");

        // The first pass compiles and initialises; the second is measured.
        var allocated = 0L;
        for (var pass = 0; pass < 2; pass++)
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            reader.Read();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var found = discriminator.Find(reader) + (members.AllIn(reader) ? 1 : 0);
            reader.Skip();
            reader.Read();
            var date = SeiJson.ReadDateOnly(ref reader);
            reader.Read();
            var id = SeiJson.ReadGuid(ref reader);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(2, found);
            Assert.Equal(new DateOnly(2025, 4, 15), date);
            Assert.NotEqual(Guid.Empty, id);
        }

        Assert.Equal(0, allocated);
    }

    /// <summary>An enumeration shaped as the generator emits one: known instances hold their wire text.</summary>
    private readonly record struct Side(string Wire) : ISeiEnum<Side>
    {
        public static readonly Side Buy = new("BUY");
        public static readonly Side Sell = new("S&L \u00e9");

        public string WireValue => Wire ?? string.Empty;

        public bool IsKnown => WireValue is "BUY" or "S&L \u00e9";

        IReadOnlyList<Side> ISeiEnum<Side>.Known => new[] { Buy, Sell };

        Side ISeiEnum<Side>.Create(string wireValue) => new(wireValue);
    }

    [Fact]
    public void Enumeration_values_are_written_as_their_wire_text_whether_known_read_or_built()
    {
        var read = ReadWith<IList<Side>, SeiJsonList<Side, SeiJsonEnum<Side>>>("[\"BUY\",\"S&L \\u00e9\",\"HOLD\"]");
        var built = new List<Side> { Side.Buy, new(new string("BUY".ToCharArray())), new("S&L \u00e9"), new("HOLD") };

        var fromRead = SeiJsonWrite.ToJsonString<IList<Side>, SeiJsonList<Side, SeiJsonEnum<Side>>>(read);
        var fromBuilt = SeiJsonWrite.ToJsonString<IList<Side>, SeiJsonList<Side, SeiJsonEnum<Side>>>(built);

        Assert.Same(Side.Buy.Wire, read[0].Wire);
        Assert.Equal(new[] { "BUY", "S&L \u00e9", "HOLD" }, JsonSerializer.Deserialize<string[]>(fromRead));
        Assert.Equal(new[] { "BUY", "BUY", "S&L \u00e9", "HOLD" }, JsonSerializer.Deserialize<string[]>(fromBuilt));
    }
}
