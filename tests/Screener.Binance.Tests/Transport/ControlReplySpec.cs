using Screener.Binance.Transport;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Transport;

public sealed class ControlReplySpec
{
    [Fact]
    public void ControlReply_must_read_a_subscribe_acknowledgement()
    {
        Assert.True(ControlReply.TryParse(Bytes("subscribe-reply.json"), out var reply));

        Assert.Equal(new ControlReply(1, null, null, null), reply);
        Assert.False(reply.IsError);
    }

    [Fact]
    public void ControlReply_must_read_the_subscription_list()
    {
        Assert.True(ControlReply.TryParse(Bytes("list-subscriptions-reply.json"), out var reply));

        Assert.Equal(3, reply.Id);
        Assert.Equal(["btcusdt@aggTrade"], reply.Result!);
    }

    [Fact]
    public void ControlReply_must_read_a_nested_error()
    {
        Assert.True(ControlReply.TryParse(Bytes("ws-error-reply.json"), out var reply));

        Assert.True(reply.IsError);
        Assert.Equal("code 2 'Invalid request: invalid stream'", reply.DescribeError());
    }

    [Fact]
    public void ControlReply_must_accept_an_error_with_a_null_id_and_any_key_order()
    {
        Assert.True(ControlReply.TryParse("""{"id":null,"error":{"msg":"Invalid JSON","code":3}}"""u8, out var reply));

        Assert.Null(reply.Id);
        Assert.Equal((3, "Invalid JSON"), (reply.ErrorCode, reply.ErrorMessage));
    }

    [Theory]
    [InlineData("futures-aggTrade.json")]
    [InlineData("futures-depthUpdate.json")]
    [InlineData("futures-markPrice-arr.json")]
    [InlineData("spot-partialDepth.json")]
    [InlineData("spot-bookTicker.json")]
    public void ControlReply_must_not_take_market_data_for_a_reply(string file) =>
        Assert.False(ControlReply.TryParse(Bytes(file), out _));

    [Fact]
    public void ControlReply_must_not_take_broken_json_for_a_reply() =>
        Assert.False(ControlReply.TryParse("""{"result":null,"id":"""u8, out _));
}
