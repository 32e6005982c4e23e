using System;
using System.Collections.Generic;
using System.Net.Http;
using Sei.Client.Http;
using Xunit;

namespace Sei.Client.Tests.Http;

public sealed class SeiRequestBuilderTests
{
    [Theory]
    [InlineData("plain", "/v1/accounts/plain")]
    [InlineData("a/b", "/v1/accounts/a%2Fb")]
    [InlineData("with space", "/v1/accounts/with%20space")]
    [InlineData("é☃", "/v1/accounts/%C3%A9%E2%98%83")]
    [InlineData("50%+?#", "/v1/accounts/50%25%2B%3F%23")]
    public void Path_values_are_percent_encoded(string value, string expected)
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/v1/accounts/{accountId}", "getAccount");
        builder.SetPathParameter("accountId", value);

        Assert.Equal(expected, builder.BuildPathAndQuery());
    }

    [Fact]
    public void Query_arrays_follow_their_style()
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/v1/x", "x");
        builder.AddQueryParameter("form", new[] { "a", "b c" }, SeiParameterStyle.Form, explode: true);
        builder.AddQueryParameter("csv", new[] { "a", "b" }, SeiParameterStyle.Form, explode: false);
        builder.AddQueryParameter("space", new[] { "a", "b" }, SeiParameterStyle.SpaceDelimited, explode: false);
        builder.AddQueryParameter("pipe", new[] { "a", "b" }, SeiParameterStyle.PipeDelimited, explode: false);
        builder.AddQueryParameter("empty", Array.Empty<string>(), SeiParameterStyle.Form, explode: false);
        builder.AddQueryParameter("missing", (string?)null);

        Assert.Equal("/v1/x?form=a&form=b%20c&csv=a,b&space=a%20b&pipe=a%7Cb", builder.BuildPathAndQuery());
    }

    [Fact]
    public void Cursor_values_with_base64_characters_are_encoded()
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/v1/x", "x");
        builder.AddQueryParameter("after", "QUNDLT+/AA==");

        Assert.Equal("/v1/x?after=QUNDLT%2B%2FAA%3D%3D", builder.BuildPathAndQuery());
    }

    [Fact]
    public void Deep_objects_use_brackets()
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/v1/x", "x");
        builder.AddQueryObject("created", new[] { new KeyValuePair<string, string>("gt", "1"), new KeyValuePair<string, string>("lte", "2") }, SeiParameterStyle.DeepObject, explode: true);

        Assert.Equal("/v1/x?created%5Bgt%5D=1&created%5Blte%5D=2", builder.BuildPathAndQuery());
    }

    [Theory]
    [InlineData("https://api.example.com", "https://api.example.com/v1/x?a=1")]
    [InlineData("https://api.example.com/", "https://api.example.com/v1/x?a=1")]
    [InlineData("https://example.com/api", "https://example.com/api/v1/x?a=1")]
    [InlineData("http://127.0.0.1:5000/base/", "http://127.0.0.1:5000/base/v1/x?a=1")]
    public void The_server_url_keeps_its_own_path(string server, string expected)
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/v1/x", "x");
        builder.AddQueryParameter("a", "1");

        Assert.Equal(expected, builder.BuildUri(new Uri(server)).AbsoluteUri);
    }

    [Fact]
    public void Headers_and_cookies_are_added_to_the_message()
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/v1/x", "x");
        builder.AddHeader("X-Source", "tour");
        builder.AddHeader("X-Missing", null);
        builder.AddCookie("region", "eu west");
        builder.AddCookie("session", "s1");

        using var message = builder.ToHttpRequestMessage(new Uri("https://api.example.com"));

        Assert.Equal(new[] { "tour" }, message.Headers.GetValues("X-Source"));
        Assert.False(message.Headers.Contains("X-Missing"));
        Assert.Equal("region=eu%20west; session=s1", string.Join(";", message.Headers.GetValues("Cookie")));
    }

    [Fact]
    public void A_missing_path_value_says_which_parameter()
    {
        var builder = new SeiRequestBuilder(HttpMethod.Get, "/v1/accounts/{accountId}", "getAccount");

        var exception = Assert.Throws<ArgumentNullException>(() => builder.SetPathParameter("accountId", (string)null!));
        Assert.Contains("accountId", exception.Message);
        Assert.Contains("getAccount", exception.Message);
    }
}
