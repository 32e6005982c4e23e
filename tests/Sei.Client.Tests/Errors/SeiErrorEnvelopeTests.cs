using System.Linq;
using System.Net;
using System.Text;
using Xunit;

namespace Sei.Client.Tests.Errors;

public sealed class SeiErrorEnvelopeTests
{
    private static SeiErrorEnvelope Parse(string body) => SeiErrorEnvelope.Parse(Encoding.UTF8.GetBytes(body));

    [Theory]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("null", false)]
    public void Transient_is_read_as_string_or_boolean(string value, bool expected)
    {
        Assert.Equal(expected, Parse("{\"code\":\"c\",\"transient\":" + value + "}").Transient);
    }

    [Fact]
    public void A_missing_transient_means_not_transient()
    {
        Assert.False(Parse("{\"code\":\"c\"}").Transient);
    }

    [Fact]
    public void Per_field_text_is_read_from_reason_or_message()
    {
        var envelope = Parse("""
            {"code":"notes.request.validation","message":"Invalid","trackingId":"t-1","transient":"false",
             "errors":[{"field":"subject","location":"body","reason":"must not be empty"},{"field":"limit","location":"query","message":"too large"}]}
            """);

        Assert.Equal("notes.request.validation", envelope.Code);
        Assert.Equal("t-1", envelope.TrackingId);
        Assert.Equal(new[] { "must not be empty", "too large" }, envelope.Errors.Select(e => e.Reason));
        Assert.Equal("query", envelope.Errors[1].Location);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("Service Unavailable")]
    [InlineData("[1,2]")]
    public void Bodies_that_are_not_envelopes_give_an_empty_envelope(string body)
    {
        var envelope = Parse(body);

        Assert.Null(envelope.Code);
        Assert.Empty(envelope.Errors);
    }

    [Fact]
    public void The_exception_message_names_operation_status_code_and_tracking_id()
    {
        var exception = new SeiApiException("getAccount", HttpStatusCode.NotFound, Parse("{\"code\":\"accounts.not.found\",\"message\":\"No such account\",\"trackingId\":\"body-id\"}"), "header-id", null, string.Empty);

        Assert.Equal("header-id", exception.TrackingId);
        Assert.Contains("getAccount failed with HTTP 404", exception.Message);
        Assert.Contains("accounts.not.found", exception.Message);
        Assert.Contains("Tracking ID: header-id", exception.Message);
    }

    [Fact]
    public void Without_a_header_the_body_tracking_id_is_used()
    {
        var exception = new SeiApiException("getAccount", HttpStatusCode.BadGateway, Parse("{\"trackingId\":\"body-id\"}"), null, null, string.Empty);

        Assert.Equal("body-id", exception.TrackingId);
    }
}
