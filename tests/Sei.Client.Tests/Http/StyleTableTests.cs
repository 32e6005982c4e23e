using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Sei.Client.Http;
using Xunit;

namespace Sei.Client.Tests.Http;

/// <summary>
/// Every cell of OpenAPI's style table (3.1.1, "Style Examples"; <c>color</c> set to the empty string,
/// to <c>blue</c>, to <c>[blue, black, brown]</c> and to <c>{R: 100, G: 200, B: 150}</c>), as the request
/// builder lays it out in the place each style belongs to. The compiled-client tests send the same table.
/// </summary>
public sealed class StyleTableTests
{
    private static readonly SeiParameterValue Empty = SeiParameterValue.Primitive(string.Empty);
    private static readonly SeiParameterValue Blue = SeiParameterValue.Primitive("blue");
    private static readonly SeiParameterValue Colors = SeiParameterValue.Array(new[] { "blue", "black", "brown" });
    private static readonly SeiParameterValue Rgb = SeiParameterValue.Object(new[] { Pair("R", "100"), Pair("G", "200"), Pair("B", "150") });

    public static TheoryData<string, bool, string, string> PathCells => new()
    {
        // style, explode, shape, expected path ("/x/{color}" with the value in place)
        { "matrix", false, "empty", "/x/;color" },
        { "matrix", false, "string", "/x/;color=blue" },
        { "matrix", false, "array", "/x/;color=blue,black,brown" },
        { "matrix", false, "object", "/x/;color=R,100,G,200,B,150" },
        { "matrix", true, "empty", "/x/;color" },
        { "matrix", true, "string", "/x/;color=blue" },
        { "matrix", true, "array", "/x/;color=blue;color=black;color=brown" },
        { "matrix", true, "object", "/x/;R=100;G=200;B=150" },
        { "label", false, "string", "/x/.blue" },
        { "label", false, "array", "/x/.blue,black,brown" },
        { "label", false, "object", "/x/.R,100,G,200,B,150" },
        { "label", true, "string", "/x/.blue" },
        { "label", true, "array", "/x/.blue.black.brown" },
        { "label", true, "object", "/x/.R=100.G=200.B=150" },
        { "simple", false, "empty", "/x/" },
        { "simple", false, "string", "/x/blue" },
        { "simple", false, "array", "/x/blue,black,brown" },
        { "simple", false, "object", "/x/R,100,G,200,B,150" },
        { "simple", true, "empty", "/x/" },
        { "simple", true, "string", "/x/blue" },
        { "simple", true, "array", "/x/blue,black,brown" },
        { "simple", true, "object", "/x/R=100,G=200,B=150" },
    };

    public static TheoryData<string, bool, string, string> QueryCells => new()
    {
        { "form", false, "empty", "/x?color=" },
        { "form", false, "string", "/x?color=blue" },
        { "form", false, "array", "/x?color=blue,black,brown" },
        { "form", false, "object", "/x?color=R,100,G,200,B,150" },
        { "form", true, "empty", "/x?color=" },
        { "form", true, "string", "/x?color=blue" },
        { "form", true, "array", "/x?color=blue&color=black&color=brown" },
        { "form", true, "object", "/x?R=100&G=200&B=150" },
        { "spaceDelimited", false, "array", "/x?color=blue%20black%20brown" },
        { "spaceDelimited", false, "object", "/x?color=R%20100%20G%20200%20B%20150" },
        { "pipeDelimited", false, "array", "/x?color=blue%7Cblack%7Cbrown" },
        { "pipeDelimited", false, "object", "/x?color=R%7C100%7CG%7C200%7CB%7C150" },
        { "deepObject", true, "object", "/x?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150" },
        { "tabDelimited", false, "array", "/x?color=blue%09black%09brown" },
    };

    public static TheoryData<bool, string, string> HeaderCells => new()
    {
        { false, "string", "blue" },
        { false, "array", "blue,black,brown" },
        { false, "object", "R,100,G,200,B,150" },
        { true, "string", "blue" },
        { true, "array", "blue,black,brown" },
        { true, "object", "R=100,G=200,B=150" },
    };

    public static TheoryData<bool, string, string> CookieCells => new()
    {
        { false, "empty", "color=" },
        { false, "string", "color=blue" },
        { false, "array", "color=blue,black,brown" },
        { false, "object", "color=R,100,G,200,B,150" },
        { true, "string", "color=blue" },
        { true, "array", "color=blue&color=black&color=brown" },
        { true, "object", "R=100&G=200&B=150" },
    };

    [Theory]
    [MemberData(nameof(PathCells))]
    public void Path_styles_lay_values_out_as_the_table_shows(string style, bool explode, string shape, string expected)
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/x/{color}", "x");
        builder.SetPathParameter("color", Value(shape), Style(style), explode);

        Assert.Equal(expected, builder.BuildPathAndQuery());
    }

    [Theory]
    [MemberData(nameof(QueryCells))]
    public void Query_styles_lay_values_out_as_the_table_shows(string style, bool explode, string shape, string expected)
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/x", "x");
        builder.AddQueryParameter("color", Value(shape), Style(style), explode);

        Assert.Equal(expected, builder.BuildPathAndQuery());
    }

    [Theory]
    [MemberData(nameof(HeaderCells))]
    public void Headers_use_the_simple_style_without_percent_encoding(bool explode, string shape, string expected)
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/x", "x");
        builder.AddHeader("X-Color", Value(shape), SeiParameterStyle.Simple, explode);

        using var message = builder.ToHttpRequestMessage(new Uri("http://127.0.0.1/"));
        Assert.Equal(expected, string.Join(",", message.Headers.GetValues("X-Color")));
    }

    [Theory]
    [MemberData(nameof(CookieCells))]
    public void Cookies_use_the_form_style(bool explode, string shape, string expected)
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/x", "x");
        builder.AddCookie("color", Value(shape), explode);

        using var message = builder.ToHttpRequestMessage(new Uri("http://127.0.0.1/"));
        Assert.Equal(expected, string.Join("; ", message.Headers.GetValues("Cookie")));
    }

    [Theory]
    [InlineData("simple", "..")]
    [InlineData("simple", ".")]
    [InlineData("label", "")]
    public void A_value_that_would_make_a_dot_segment_is_refused_rather_than_sent_elsewhere(string style, string value)
    {
        // The style table's label cell for the empty value is ".", a whole segment: URL parsers drop it.
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/v1/files/{name}/content", "getFile");

        var exception = Assert.Throws<ArgumentException>(() => builder.SetPathParameter("name", SeiParameterValue.Primitive(value), Style(style), explode: false));

        Assert.Equal("name", exception.ParamName);
        Assert.Contains("step in the path", exception.Message);
        Assert.Equal("/v1/files/a..b/content", WithValue("a..b"));
        Assert.Equal("/v1/files/.../content", WithValue("..."));

        static string WithValue(string text)
        {
            var other = new SeiRequestBuilder(HttpMethod.Get, "/v1/files/{name}/content", "getFile");
            other.SetPathParameter("name", text);
            return other.BuildPathAndQuery();
        }
    }

    [Fact]
    public void Values_are_percent_encoded_in_urls_and_cookies_but_not_in_headers()
    {
        var value = SeiParameterValue.Array(new[] { "a b", "c/d", "é" });
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/x/{p}", "x");
        builder.SetPathParameter("p", value, SeiParameterStyle.Label, explode: true);
        builder.AddQueryParameter("q", value, SeiParameterStyle.Form, explode: false);
        builder.AddHeader("X-H", value, SeiParameterStyle.Simple, explode: false);
        builder.AddCookie("c", value, explode: false);

        using var message = builder.ToHttpRequestMessage(new Uri("http://127.0.0.1/"));
        Assert.Equal("/x/.a%20b.c%2Fd.%C3%A9?q=a%20b,c%2Fd,%C3%A9", builder.BuildPathAndQuery());
        Assert.Equal("a b,c/d,é", string.Join(",", message.Headers.GetValues("X-H")));
        Assert.Equal("c=a%20b,c%2Fd,%C3%A9", string.Join("; ", message.Headers.GetValues("Cookie")));
    }

    [Fact]
    public void Allow_reserved_keeps_reserved_characters_except_those_that_would_split_the_query()
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/x", "x");
        builder.AddQueryParameter("q", SeiParameterValue.Primitive("a/b:c?d@e,f;g!$'()* h&i=j+k#l[m]%41"), SeiParameterStyle.Form, explode: true, allowReserved: true);

        Assert.Equal("/x?q=a/b:c?d@e,f;g!$'()*%20h%26i%3Dj%2Bk%23l%5Bm%5D%41", builder.BuildPathAndQuery());
    }

    [Fact]
    public void Empty_arrays_and_objects_are_left_out_of_the_query_as_undefined()
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/x", "x");
        builder.AddQueryParameter("a", SeiParameterValue.Array(Array.Empty<string>()), SeiParameterStyle.Form, explode: true);
        builder.AddQueryParameter("o", SeiParameterValue.Object(Array.Empty<KeyValuePair<string, string?>>()), SeiParameterStyle.DeepObject, explode: true);
        builder.AddQueryParameter("n", null, SeiParameterStyle.Form, explode: true);

        Assert.Equal("/x", builder.BuildPathAndQuery());
    }

    [Fact]
    public void Deep_objects_nest_brackets_and_index_arrays()
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/x", "x");
        builder.AddQueryParameter("created", SeiParameterValue.FromJson(w => { w.WriteStartObject(); w.WriteNumber("gt", 1); w.WriteStartObject("range"); w.WriteStartArray("in"); w.WriteStringValue("a"); w.WriteStringValue("b"); w.WriteEndArray(); w.WriteEndObject(); w.WriteNull("skip"); w.WriteEndObject(); }), SeiParameterStyle.DeepObject, explode: true);
        builder.AddQueryParameter("expand", SeiParameterValue.Array(new[] { "customer", "invoice" }), SeiParameterStyle.DeepObject, explode: true);

        Assert.Equal("/x?created%5Bgt%5D=1&created%5Brange%5D%5Bin%5D%5B0%5D=a&created%5Brange%5D%5Bin%5D%5B1%5D=b&expand%5B0%5D=customer&expand%5B1%5D=invoice", builder.BuildPathAndQuery());
    }

    [Fact]
    public void Values_read_from_json_take_the_shape_they_have_when_the_call_is_made()
    {
        Assert.Equal(SeiParameterShape.Primitive, SeiParameterValue.FromJson(w => w.WriteNumberValue(5))!.Shape);
        Assert.Equal("5", SeiParameterValue.FromJson(w => w.WriteNumberValue(5))!.Scalar);
        Assert.Equal("a", SeiParameterValue.FromJson(w => w.WriteStringValue("a"))!.Scalar);
        Assert.Null(SeiParameterValue.FromJson(w => w.WriteNullValue()));
        var nested = SeiParameterValue.FromJson(w => { w.WriteStartObject(); w.WriteStartObject("o"); w.WriteNumber("x", 1); w.WriteEndObject(); w.WriteBoolean("b", true); w.WriteEndObject(); })!;
        Assert.Equal(new[] { Pair("o", "{\"x\":1}"), Pair("b", "true") }, nested.Properties.Select(p => Pair(p.Key, p.Value)));
    }

    [Fact]
    public void Swagger_2_collection_formats_separate_path_and_header_arrays_too()
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/x/{p}", "x");
        builder.SetPathParameter("p", Colors, SeiParameterStyle.PipeDelimited, explode: false);
        builder.AddHeader("X-Tsv", Colors, SeiParameterStyle.TabDelimited, explode: false);
        builder.AddHeader("X-Ssv", Colors, SeiParameterStyle.SpaceDelimited, explode: false);

        using var message = builder.ToHttpRequestMessage(new Uri("http://127.0.0.1/"));
        Assert.Equal("/x/blue%7Cblack%7Cbrown", builder.BuildPathAndQuery());
        Assert.Equal("blue\tblack\tbrown", string.Join(",", message.Headers.GetValues("X-Tsv")));
        Assert.Equal("blue black brown", string.Join(",", message.Headers.GetValues("X-Ssv")));
    }

    private static SeiParameterValue Value(string shape) => shape switch
    {
        "empty" => Empty,
        "string" => Blue,
        "array" => Colors,
        _ => Rgb,
    };

    private static SeiParameterStyle Style(string style) => Enum.Parse<SeiParameterStyle>(style, ignoreCase: true);

    private static KeyValuePair<string, string?> Pair(string key, string? value) => new(key, value);
}
