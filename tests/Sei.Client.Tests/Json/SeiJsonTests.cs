using System;
using System.Text;
using System.Text.Json;
using Sei.Client.Json;
using Xunit;

namespace Sei.Client.Tests.Json;

public sealed class SeiJsonTests
{
    internal static T Read<T>(string json, SeiJsonReadFunc<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        SeiJson.MoveToValue(ref reader);
        return read(ref reader);
    }

    [Fact]
    public void Numbers_and_booleans_sent_as_strings_are_accepted()
    {
        Assert.Equal(42, Read("\"42\"", SeiJson.ReadInt32));
        Assert.Equal(9007199254740993L, Read("\"9007199254740993\"", SeiJson.ReadInt64));
        Assert.Equal(1.5m, Read("\"1.5\"", SeiJson.ReadDecimal));
        Assert.True(Read("\"true\"", SeiJson.ReadBoolean));
        Assert.Equal("12", Read("12", SeiJson.ReadString));
    }

    [Fact]
    public void Dates_are_read_in_their_OpenAPI_formats()
    {
        Assert.Equal(new DateTimeOffset(2024, 11, 4, 15, 30, 0, TimeSpan.Zero), Read("\"2024-11-04T15:30:00Z\"", SeiJson.ReadDateTimeOffset));
        Assert.Equal(new DateOnly(2025, 4, 15), Read("\"2025-04-15\"", SeiJson.ReadDateOnly));
    }

    [Fact]
    public void A_wrong_type_fails_with_a_message_that_names_both()
    {
        var exception = Assert.Throws<JsonException>(() => Read("{\"a\":1}", SeiJson.ReadGuid));

        Assert.Contains("Expected a UUID but found an object", exception.Message);
    }

    [Fact]
    public void Lists_and_dictionaries_read_their_items()
    {
        var list = Read("[[1,2],[3]]", (ref Utf8JsonReader r) => SeiJson.ReadList(ref r, (ref Utf8JsonReader inner) => SeiJson.ReadList(ref inner, SeiJson.ReadInt64)));
        var map = Read("{\"a\":\"x\",\"b\":\"y\"}", (ref Utf8JsonReader r) => SeiJson.ReadDictionary(ref r, SeiJson.ReadString));

        Assert.Equal(3, list[1][0]);
        Assert.Equal("y", map["b"]);
    }

    [Fact]
    public void Writing_formats_dates_and_keeps_non_finite_numbers_readable()
    {
        var text = SeiJsonWrite.ToJsonString(0, static (writer, _) =>
        {
            writer.WriteStartArray();
            SeiJsonWrite.DateTimeOffset(writer, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5)));
            SeiJsonWrite.Date(writer, new DateOnly(2024, 2, 29));
            SeiJsonWrite.Double(writer, double.NaN);
            writer.WriteEndArray();
        });

        Assert.Equal("[\"2024-01-02T03:04:05-05:00\",\"2024-02-29\",\"NaN\"]", text);
    }
}
