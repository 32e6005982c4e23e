using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Sei.Benchmarks.Payloads;

/// <summary>
/// The union-heavy feed of <c>listActivity</c>: events told apart by <c>eventType</c> (a oneOf with
/// a discriminator), each holding an <c>Amount</c> that is money or a range and a
/// <c>Counterparty</c> that is a person or an institution (oneOfs of objects without one), and a
/// <c>Reference</c> that is a string or an integer (a oneOf of primitives).
/// </summary>
internal static class ActivityPayload
{
    private static readonly string[] FeeCodes = { "ADVISORY", "CUSTODY", "WIRE", "PLATFORM" };

    private static readonly string[] Symbols = { "SEIC", "VTI", "BND", "AAPL", "MSFT", "IEFA" };

    private static readonly string[] Institutions = { "Oaks Trust Company", "Harbor Savings Bank", "Northwind Clearing" };

    /// <summary>Writes the feed.</summary>
    /// <param name="count">How many events.</param>
    /// <param name="seed">Names the payload.</param>
    /// <returns>The UTF-8 JSON object.</returns>
    public static byte[] Create(int count, int seed)
    {
        var random = new PayloadRandom(seed);
        var buffer = new ArrayBufferWriter<byte>(count * 300);
        using (var writer = new Utf8JsonWriter(buffer, Payload.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("events");
            for (var i = 1; i <= count; i++)
            {
                // The discriminator comes first, as servers commonly write it.
                var eventId = "EVT-" + i.ToString("D8", CultureInfo.InvariantCulture);
                var draw = random.Between(0, 10);
                if (draw < 4)
                {
                    WriteTrade(writer, random, eventId);
                }
                else if (draw < 8)
                {
                    WriteTransfer(writer, random, eventId);
                }
                else
                {
                    WriteFee(writer, random, eventId);
                }
            }

            writer.WriteEndArray();
            writer.WriteStartObject("paging");
            writer.WriteNumber("totalCount", count * 3);
            writer.WriteNumber("limit", count);
            writer.WriteString("first", "before=&after=");
            writer.WriteString("last", PayloadRandom.Cursor("EVT-" + (count * 2).ToString("D8", CultureInfo.InvariantCulture)));
            writer.WriteNull("previous");
            writer.WriteString("next", PayloadRandom.Cursor("EVT-" + count.ToString("D8", CultureInfo.InvariantCulture)));
            writer.WriteString("self", "before=&after=");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteHead(Utf8JsonWriter writer, PayloadRandom random, string eventType, string eventId)
    {
        writer.WriteStartObject();
        writer.WriteString("eventType", eventType);
        writer.WriteString("eventId", eventId);
        writer.WriteString("occurredAt", random.DateTime());
    }

    private static void WriteTrade(Utf8JsonWriter writer, PayloadRandom random, string eventId)
    {
        WriteHead(writer, random, "TRADE", eventId);
        writer.WriteString("side", random.Chance(0.5) ? "BUY" : "SELL");
        writer.WriteString("symbol", random.Pick(Symbols));
        writer.WriteNumber("quantity", random.Quantity());
        writer.WritePropertyName("price");
        WriteAmount(writer, random);
        WriteReference(writer, random);
        writer.WriteEndObject();
    }

    private static void WriteTransfer(Utf8JsonWriter writer, PayloadRandom random, string eventId)
    {
        WriteHead(writer, random, "TRANSFER", eventId);
        writer.WritePropertyName("amount");
        WriteAmount(writer, random);
        writer.WriteStartObject("counterparty");
        if (random.Chance(0.5))
        {
            var (first, last) = random.Name();
            writer.WriteString("firstName", first);
            writer.WriteString("lastName", last);
        }
        else
        {
            writer.WriteString("institutionName", random.Pick(Institutions));
            writer.WriteString("bic", "OAKSUS3" + random.Between(0, 10).ToString(CultureInfo.InvariantCulture) + "XXX");
        }

        writer.WriteEndObject();
        WriteReference(writer, random);
        writer.WriteEndObject();
    }

    private static void WriteFee(Utf8JsonWriter writer, PayloadRandom random, string eventId)
    {
        WriteHead(writer, random, "FEE", eventId);
        writer.WritePropertyName("amount");
        WriteAmount(writer, random);
        writer.WriteString("feeCode", random.Pick(FeeCodes));
        writer.WriteBoolean("waived", random.Chance(0.1));
        writer.WriteEndObject();
    }

    private static void WriteAmount(Utf8JsonWriter writer, PayloadRandom random)
    {
        if (random.Chance(0.7))
        {
            Payload.WriteMoney(writer, random.Amount(250_000), random.Currency());
            return;
        }

        var low = random.Amount(100_000);
        writer.WriteStartObject();
        writer.WriteNumber("low", low);
        writer.WriteNumber("high", low + random.Amount(5_000));
        writer.WriteString("currency", random.Currency());
        writer.WriteEndObject();
    }

    private static void WriteReference(Utf8JsonWriter writer, PayloadRandom random)
    {
        var draw = random.Between(0, 10);
        if (draw < 5)
        {
            writer.WriteString("reference", "REF-" + random.Between(1, 999_999).ToString("D6", CultureInfo.InvariantCulture));
        }
        else if (draw < 8)
        {
            writer.WriteNumber("reference", 4_000_000_000L + random.Between(0, int.MaxValue));
        }
    }
}
