using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Sei.Client.Http;
using Xunit;

namespace Sei.Client.Tests.Http;

public sealed class SeiFormTests
{
    [Fact]
    public void Values_are_flattened_with_brackets_and_repeated_names()
    {
        var fields = new List<KeyValuePair<string, string?>>();
        SeiForm.Add(fields, "amount", w => w.WriteNumberValue(1250));
        SeiForm.Add(fields, "expand", w => { w.WriteStartArray(); w.WriteStringValue("a"); w.WriteStringValue("b"); w.WriteEndArray(); });
        SeiForm.Add(fields, "card", w => { w.WriteStartObject(); w.WriteString("number", "4242"); w.WriteBoolean("save", true); w.WriteNull("cvc"); w.WriteEndObject(); });
        SeiForm.Add(fields, "items", w => { w.WriteStartArray(); w.WriteStartObject(); w.WriteString("price", "p1"); w.WriteEndObject(); w.WriteEndArray(); });

        Assert.Equal(
            new[] { "amount=1250", "expand=a", "expand=b", "card[number]=4242", "card[save]=true", "items[0][price]=p1" },
            fields.Select(f => f.Key + "=" + f.Value));
    }

    [Fact]
    public async Task Form_bodies_are_url_encoded_with_plus_for_spaces()
    {
        using var content = SeiContent.FormUrlEncoded(new[] { new KeyValuePair<string, string?>("note", "a b&c"), new KeyValuePair<string, string?>("skip", null) });

        Assert.Equal("note=a+b%26c", await content.ReadAsStringAsync());
        Assert.Equal("application/x-www-form-urlencoded", content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Multipart_bodies_carry_fields_and_files()
    {
        using var content = SeiContent.Multipart(
            new[] { new KeyValuePair<string, string?>("description", "Statement") },
            new[] { new KeyValuePair<string, SeiFile?>("file", SeiFile.FromBytes(new byte[] { 1, 2, 3 }, "s.pdf", "application/pdf")) });

        var text = await content.ReadAsStringAsync();
        Assert.Contains("name=\"description\"", text);
        Assert.Contains("Statement", text);
        Assert.Contains("filename=\"s.pdf\"", text);
        Assert.Contains("application/pdf", text);
    }

    [Fact]
    public void Binary_bodies_take_the_documented_media_type_unless_the_file_names_one()
    {
        using var documented = SeiContent.Binary(SeiFile.FromBytes(new byte[] { 1 }), "application/pdf");
        using var named = SeiContent.Binary(SeiFile.FromBytes(new byte[] { 1 }, contentType: "image/png"), "application/pdf");

        Assert.Equal("application/pdf", documented.Headers.ContentType!.MediaType);
        Assert.Equal("image/png", named.Headers.ContentType!.MediaType);
    }
}
