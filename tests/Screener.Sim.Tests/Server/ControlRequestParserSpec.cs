using System.Text;
using Screener.Sim.Server;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class ControlRequestParserSpec
{
    private static ControlRequest? Parse(string json, out ControlError? error) =>
        ControlRequestParser.Parse(Encoding.UTF8.GetBytes(json), out error);

    [Fact]
    public void ControlRequestParser_must_read_the_documented_requests()
    {
        var subscribe = Parse("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade","btcusdt@depth"],"id":1}""", out _);
        Assert.Equal((ControlMethod.Subscribe, "1"), (subscribe!.Method, subscribe.Id.Json));
        Assert.Equal(["btcusdt@aggTrade", "btcusdt@depth"], subscribe.Streams);
        Assert.Equal(ControlMethod.Unsubscribe, Parse("""{"method":"UNSUBSCRIBE","params":["btcusdt@depth"],"id":312}""", out _)!.Method);
        Assert.Equal(ControlMethod.ListSubscriptions, Parse("""{"method":"LIST_SUBSCRIPTIONS","id":3}""", out _)!.Method);
        var set = Parse("""{"method":"SET_PROPERTY","params":["combined",true],"id":5}""", out _);
        Assert.True(set!.CombinedValue);
        Assert.Equal(ControlMethod.GetProperty, Parse("""{"method":"GET_PROPERTY","params":["combined"],"id":2}""", out _)!.Method);
    }

    [Theory]
    [InlineData("not json", 3, "null")]
    [InlineData("[1,2]", 2, "null")]
    [InlineData("""{"method":"SUBSCRIBE","params":["x@y"],"id":{}}""", 2, "null")]
    [InlineData("""{"method":"LIST_SUBSCRIPTIONS","id":"abcdefghijabcdefghijabcdefghijabcdef"}""", -1, "\"abcdefghijabcdefghijabcdefghijabcdef\"")]
    [InlineData("""{"method":"SUBSCRIBE","id":8}""", 2, "8")]
    [InlineData("""{"method":7,"id":8}""", 2, "8")]
    [InlineData("""{"method":"GET_PROPERTY","params":["combined","extra"],"id":9}""", 2, "9")]
    [InlineData("""{"method":"GET_PROPERTY","params":[1],"id":9}""", 2, "9")]
    public void ControlRequestParser_must_classify_errors(string json, int expectedCode, string expectedId)
    {
        var request = Parse(json, out var error);
        if (expectedCode < 0)
        {
            Assert.NotNull(request);
            Assert.Equal(expectedId, request.Id.Json);
            return;
        }
        Assert.Null(request);
        Assert.Equal((expectedCode, expectedId), (error!.Code, error.Id.Json));
    }
}
