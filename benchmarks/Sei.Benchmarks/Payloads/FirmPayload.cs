using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Sei.Benchmarks.Payloads;

/// <summary>
/// The deep object of <c>getFirm</c>: firm, region, office, team, advisor, household, portfolio,
/// holding, instrument and its inline listing, ten object levels, with every array level fanning
/// out the same number of times.
/// </summary>
internal static class FirmPayload
{
    /// <summary>Children per array level: 2 gives 128 holdings under one firm (about 60 KB).</summary>
    public const int DefaultFanOut = 2;

    private static readonly string[] Regions = { "Americas", "EMEA", "APAC" };

    private static readonly string[] Cities = { "Oaks", "New York", "Chicago", "London", "Dublin", "Singapore", "Toronto" };

    private static readonly string[] Statuses = { "OPEN", "CLOSED", "FROZEN" };

    private static readonly string[] AssetClasses = { "EQUITY", "FIXED_INCOME", "FUND", "CASH" };

    private static readonly string[] Symbols = { "SEIC", "VTI", "BND", "AAPL", "MSFT", "IEFA", "AGG", "VXUS", "SPAXX" };

    private static readonly string[] Exchanges = { "XNAS", "XNYS", "ARCX", "BATS" };

    /// <summary>Writes the firm.</summary>
    /// <param name="seed">Names the payload.</param>
    /// <param name="fanOut">Children per array level.</param>
    /// <returns>The UTF-8 JSON object.</returns>
    public static byte[] Create(int seed, int fanOut)
    {
        var random = new PayloadRandom(seed);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, Payload.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("firmId", "FRM-0001");
            writer.WriteString("name", "SEI Wealth Partners");
            writer.WriteString("founded", random.Date());
            writer.WriteStartArray("regions");
            for (var r = 0; r < fanOut; r++)
            {
                WriteRegion(writer, random, fanOut, Id("RGN", r));
            }

            writer.WriteEndArray();
            writer.WriteString("href", "https://api.example.com/v1/firms/FRM-0001");
            writer.WriteStartArray("links");
            Payload.WriteLink(writer, "activity", "https://api.example.com/v1/activity?firmId=FRM-0001");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Id(string prefix, int index) => prefix + "-" + index.ToString("D4", CultureInfo.InvariantCulture);

    private static void WriteRegion(Utf8JsonWriter writer, PayloadRandom random, int fanOut, string id)
    {
        writer.WriteStartObject();
        writer.WriteString("regionId", id);
        writer.WriteString("name", random.Pick(Regions));
        writer.WriteString("timeZone", "America/New_York");
        writer.WriteStartArray("offices");
        for (var i = 0; i < fanOut; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("officeId", id + Id("/OFC", i));
            writer.WriteString("city", random.Pick(Cities));
            writer.WriteNumber("headcount", random.Between(5, 900));
            writer.WriteString("openedAt", random.DateTime());
            writer.WriteStartArray("teams");
            for (var t = 0; t < fanOut; t++)
            {
                WriteTeam(writer, random, fanOut, id + Id("/OFC", i) + Id("/TM", t));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTeam(Utf8JsonWriter writer, PayloadRandom random, int fanOut, string id)
    {
        writer.WriteStartObject();
        writer.WriteString("teamId", id);
        writer.WriteString("name", "Team " + random.Pick(Cities));
        writer.WriteBoolean("active", random.Chance(0.9));
        writer.WriteStartArray("advisors");
        for (var a = 0; a < fanOut; a++)
        {
            var (first, last) = random.Name();
            writer.WriteStartObject();
            writer.WriteString("advisorId", "ADV-" + random.Between(1, 999_999).ToString("D6", CultureInfo.InvariantCulture));
            writer.WriteString("name", first + " " + last);
            writer.WriteString("email", first.ToLowerInvariant() + "." + last.ToLowerInvariant() + "@example.com");
            writer.WriteString("licensedSince", random.Date());
            writer.WriteStartArray("households");
            for (var h = 0; h < fanOut; h++)
            {
                WriteHousehold(writer, random, fanOut);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteHousehold(Utf8JsonWriter writer, PayloadRandom random, int fanOut)
    {
        writer.WriteStartObject();
        writer.WriteString("householdId", random.Guid());
        writer.WriteString("name", random.Name().Last + " household");
        writer.WriteNumber("riskLevel", random.Between(1, 6));
        writer.WriteStartArray("portfolios");
        for (var p = 0; p < fanOut; p++)
        {
            writer.WriteStartObject();
            writer.WriteString("portfolioId", "PTF-" + random.Between(1, 99_999_999).ToString("D8", CultureInfo.InvariantCulture));
            writer.WriteString("status", random.Pick(Statuses));
            writer.WritePropertyName("marketValue");
            Payload.WriteMoney(writer, random.Amount(5_000_000), "USD");
            if (random.Chance(0.3))
            {
                writer.WriteNull("rebalancedAt");
            }
            else
            {
                writer.WriteString("rebalancedAt", random.DateTime());
            }

            writer.WriteStartArray("holdings");
            for (var h = 0; h < fanOut; h++)
            {
                WriteHolding(writer, random);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteHolding(Utf8JsonWriter writer, PayloadRandom random)
    {
        var symbol = random.Pick(Symbols);
        writer.WriteStartObject();
        writer.WriteStartObject("instrument");
        writer.WriteString("symbol", symbol);
        writer.WriteString("name", symbol + " common shares");
        writer.WriteString("assetClass", random.Pick(AssetClasses));
        writer.WriteStartObject("listing");
        writer.WriteString("exchange", random.Pick(Exchanges));
        writer.WriteString("currency", "USD");
        writer.WriteNumber("lotSize", random.Chance(0.5) ? 1 : 100);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteNumber("quantity", random.Quantity());
        writer.WritePropertyName("costBasis");
        Payload.WriteMoney(writer, random.Amount(500_000), "USD");
        writer.WriteNumber("lots", (long)random.Between(1, 40));
        writer.WriteEndObject();
    }
}
