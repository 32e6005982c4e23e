using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Sei.Benchmarks.Payloads;

/// <summary>
/// A page of <c>listAccounts</c>: <c>{"data": [accounts], "paging": {...}}</c>, each account shaped
/// like the example in specs/accounts.v1.yaml (enumerations, money, tags, free-form attributes, a
/// nullable nickname, an inline owner, dates, <c>href</c> and HATEOAS <c>links</c>).
/// </summary>
internal static class AccountsPayload
{
    private static readonly string[] Statuses = { "OPEN", "OPEN", "OPEN", "CLOSED", "FROZEN" };

    private static readonly string[] Types = { "INDIVIDUAL", "JOINT", "TRUST", "IRA", "CORPORATE" };

    private static readonly string[] Tags = { "retirement", "managed", "education", "legacy", "tax-deferred", "advisory" };

    private static readonly string[] Branches = { "OAKS-PA", "NYC-NY", "CHI-IL", "SFO-CA", "LDN-UK" };

    /// <summary>The first account number of page <paramref name="pageIndex"/>.</summary>
    /// <param name="pageIndex">The zero-based page.</param>
    /// <param name="pageSize">Accounts per page.</param>
    /// <returns>The number.</returns>
    public static int FirstAccountNumber(int pageIndex, int pageSize) => (pageIndex * pageSize) + 1;

    /// <summary>Writes the accounts array (the value of <c>data</c>).</summary>
    /// <param name="count">How many accounts.</param>
    /// <param name="seed">Names the payload.</param>
    /// <returns>The UTF-8 JSON array.</returns>
    public static byte[] Items(int count, int seed)
    {
        var random = new PayloadRandom(seed);
        var buffer = new ArrayBufferWriter<byte>(count * 700);
        using (var writer = new Utf8JsonWriter(buffer, Payload.WriterOptions))
        {
            writer.WriteStartArray();
            for (var i = 1; i <= count; i++)
            {
                WriteAccount(writer, random, "ACC-" + i.ToString("D8", CultureInfo.InvariantCulture));
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the <c>paging</c> object of one page of a listing.</summary>
    /// <param name="pageIndex">The zero-based page.</param>
    /// <param name="pageCount">How many pages the listing has.</param>
    /// <param name="pageSize">Items per page.</param>
    /// <returns>The UTF-8 JSON object.</returns>
    public static byte[] Paging(int pageIndex, int pageCount, int pageSize)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Payload.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("totalCount", (long)pageCount * pageSize);
            writer.WriteNumber("limit", pageSize);
            writer.WriteString("first", "before=&after=");
            writer.WriteString("last", CursorAfter(pageCount - 2, pageSize));
            if (pageIndex == 0)
            {
                writer.WriteNull("previous");
            }
            else
            {
                writer.WriteString("previous", CursorAfter(pageIndex - 2, pageSize));
            }

            // SEI marks the last page with a null (or absent, or empty) next.
            if (pageIndex == pageCount - 1)
            {
                writer.WriteNull("next");
            }
            else
            {
                writer.WriteString("next", CursorAfter(pageIndex, pageSize));
            }

            writer.WriteString("self", CursorAfter(pageIndex - 1, pageSize));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads back the page a cursor made by <see cref="Paging"/> points to.</summary>
    /// <param name="after">The <c>after</c> query value, decoded; empty for the first page.</param>
    /// <param name="pageSize">Items per page.</param>
    /// <returns>The zero-based page.</returns>
    public static int PageIndexAfter(string? after, int pageSize)
    {
        if (string.IsNullOrEmpty(after))
        {
            return 0;
        }

        var id = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(after));
        var lastNumber = int.Parse(id.AsSpan("ACC-".Length), NumberStyles.None, CultureInfo.InvariantCulture);
        return lastNumber / pageSize;
    }

    /// <summary>Joins an accounts array and a paging object into one page body.</summary>
    /// <param name="items">The <c>data</c> array.</param>
    /// <param name="paging">The <c>paging</c> object.</param>
    /// <returns>The page.</returns>
    public static byte[] Page(byte[] items, byte[] paging) => Payload.Concat("{\"data\":"u8, items, ",\"paging\":"u8, paging, "}"u8);

    /// <summary>The cursor that leads past page <paramref name="pageIndex"/> (the empty cursor before the first).</summary>
    /// <param name="pageIndex">The zero-based page, or -1.</param>
    /// <param name="pageSize">Items per page.</param>
    /// <returns>The query fragment, as <c>paging</c> carries it.</returns>
    public static string CursorAfter(int pageIndex, int pageSize) =>
        pageIndex < 0 ? "before=&after=" : PayloadRandom.Cursor("ACC-" + ((pageIndex + 1) * pageSize).ToString("D8", CultureInfo.InvariantCulture));

    private static void WriteAccount(Utf8JsonWriter writer, PayloadRandom random, string accountId)
    {
        var href = "https://api.example.com/v1/accounts/" + accountId;
        writer.WriteStartObject();
        writer.WriteString("accountId", accountId);
        writer.WriteString("status", random.Pick(Statuses));
        writer.WriteString("type", random.Pick(Types));
        if (random.Chance(0.9))
        {
            writer.WriteNumber("riskLevel", random.Between(1, 6));
        }

        writer.WritePropertyName("balance");
        Payload.WriteMoney(writer, random.Amount(2_000_000), random.Currency());
        writer.WriteStartArray("tags");
        for (var t = random.Between(0, 4); t > 0; t--)
        {
            writer.WriteStringValue(random.Pick(Tags));
        }

        writer.WriteEndArray();
        writer.WriteStartObject("attributes");
        if (random.Chance(0.8))
        {
            writer.WriteString("branch", random.Pick(Branches));
            writer.WriteString("advisorId", "ADV-" + random.Between(1, 9999).ToString("D6", CultureInfo.InvariantCulture));
        }

        writer.WriteEndObject();
        writer.WriteString("openedOn", random.Date());
        var (first, last) = random.Name();
        if (random.Chance(0.4))
        {
            writer.WriteNull("nickname");
        }
        else if (random.Chance(0.5))
        {
            writer.WriteString("nickname", last + " family fund");
        }

        writer.WriteStartObject("owner");
        writer.WriteString("name", first + " " + last);
        writer.WriteString("email", first.ToLowerInvariant() + "." + last.ToLowerInvariant() + "@example.com");
        writer.WriteEndObject();
        writer.WriteString("createdAt", random.DateTime());
        writer.WriteString("href", href);
        writer.WriteStartArray("links");
        Payload.WriteLink(writer, "holders", href + "/holders");
        Payload.WriteLink(writer, "balance", href + "/balance");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
