using System;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sei.Benchmarks.Payloads;

/// <summary>The payloads the benchmarks run on, each made once from a fixed seed, and what their writers share.</summary>
internal static class Payload
{
    /// <summary>The seed every benchmark payload is drawn from; change it and every side sees the new payload.</summary>
    public const int Seed = 20_251_107;

    /// <summary>Accounts on a page, as in issue 11's measurement.</summary>
    public const int PageSize = 1000;

    /// <summary>
    /// How servers commonly write JSON: compact, and without escaping the HTML-sensitive characters
    /// (<c>&amp;</c> in every cursor) that System.Text.Json's default encoder escapes.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Makes the payload of a shape.</summary>
    /// <param name="shape">The shape.</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] Create(PayloadShape shape) => shape switch
    {
        PayloadShape.AccountsPage => AccountsPayload.Page(AccountsPayload.Items(PageSize, Seed), AccountsPayload.Paging(0, 8, PageSize)),
        PayloadShape.DeepObject => FirmPayload.Create(Seed, FirmPayload.DefaultFanOut),
        PayloadShape.UnionHeavy => ActivityPayload.Create(PageSize, Seed),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Not a payload shape."),
    };

    /// <summary>Writes a <c>Money</c> object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The currency.</param>
    public static void WriteMoney(Utf8JsonWriter writer, decimal amount, string currency)
    {
        writer.WriteStartObject();
        writer.WriteNumber("amount", amount);
        writer.WriteString("currency", currency);
        writer.WriteEndObject();
    }

    /// <summary>Writes a HATEOAS link.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="rel">The relation.</param>
    /// <param name="href">The URL.</param>
    public static void WriteLink(Utf8JsonWriter writer, string rel, string href)
    {
        writer.WriteStartObject();
        writer.WriteString("rel", rel);
        writer.WriteString("href", href);
        writer.WriteEndObject();
    }

    /// <summary>Joins byte sequences.</summary>
    /// <param name="a">The first.</param>
    /// <param name="b">The second.</param>
    /// <param name="c">The third.</param>
    /// <param name="d">The fourth.</param>
    /// <param name="e">The fifth.</param>
    /// <returns>The joined bytes.</returns>
    public static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, ReadOnlySpan<byte> d, ReadOnlySpan<byte> e)
    {
        var result = new byte[a.Length + b.Length + c.Length + d.Length + e.Length];
        var offset = 0;
        a.CopyTo(result.AsSpan(offset));
        offset += a.Length;
        b.CopyTo(result.AsSpan(offset));
        offset += b.Length;
        c.CopyTo(result.AsSpan(offset));
        offset += c.Length;
        d.CopyTo(result.AsSpan(offset));
        offset += d.Length;
        e.CopyTo(result.AsSpan(offset));
        return result;
    }
}
