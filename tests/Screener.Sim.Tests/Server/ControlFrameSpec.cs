using System.Text.Json;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class ControlFrameSpec : IClassFixture<ExchangeFixture>
{
    private readonly ExchangeFixture _fixture;

    public ControlFrameSpec(ExchangeFixture fixture) => _fixture = fixture;

    private Task<WsClient> Connect(string path) => WsClient.ConnectAsync(new Uri(_fixture.Exchange.WebSocketBase, path));

    [Fact]
    public async Task Subscribe_must_reply_the_exact_live_bytes_then_stream_bare_payloads()
    {
        await using var client = await Connect("/market/ws");
        await client.SendAsync("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade"],"id":1}""");
        Assert.Equal(Fixture.Text("subscribe-reply.json").Trim(), await client.NextAsync(Waits.Expect));
        var data = await client.NextAsync(Waits.Expect);
        Assert.NotNull(data);
        Assert.StartsWith("{\"e\":\"aggTrade\",\"E\":", data);
    }

    [Theory]
    [InlineData("\"abc123\"", """{"result":null,"id":"abc123"}""")]
    [InlineData("null", """{"result":null,"id":null}""")]
    [InlineData("9007199254740993", """{"result":null,"id":9007199254740993}""")]
    [InlineData("-5", """{"result":null,"id":-5}""")]
    public async Task Subscribe_must_echo_the_id_with_its_type(string id, string expected)
    {
        await using var client = await Connect("/market/ws");
        await client.SendAsync($$"""{"method":"SUBSCRIBE","params":["ethusdt@markPrice"],"id":{{id}}}""");
        Assert.Equal(expected, await client.NextAsync(Waits.Expect));
    }

    [Fact]
    public async Task List_subscriptions_must_reply_the_exact_live_bytes_and_follow_unsubscribe()
    {
        await using var client = await Connect("/market/ws");
        await client.SendAsync("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade"],"id":1}""");
        await client.SendAsync("""{"method":"LIST_SUBSCRIPTIONS","id":3}""");
        var list = await client.ExpectAsync(m => m.EndsWith("\"id\":3}", StringComparison.Ordinal), Waits.Expect, "LIST reply");
        Assert.Equal(Fixture.Text("list-subscriptions-reply.json").Trim(), list);

        await client.SendAsync("""{"method":"UNSUBSCRIBE","params":["btcusdt@aggTrade"],"id":4}""");
        await client.ExpectAsync(m => m == """{"result":null,"id":4}""", Waits.Expect, "UNSUBSCRIBE ack");
        await client.SendAsync("""{"method":"LIST_SUBSCRIPTIONS","id":5}""");
        Assert.Equal("""{"result":[],"id":5}""", await client.ExpectAsync(m => m.EndsWith("\"id\":5}", StringComparison.Ordinal), Waits.Expect, "LIST reply"));
    }

    [Fact]
    public async Task Invalid_stream_must_get_the_exact_live_error_bytes()
    {
        await using var client = await Connect("/market/ws");
        await client.SendAsync("""{"method":"SUBSCRIBE","params":["btcusdt"],"id":1}""");
        Assert.Equal(Fixture.Text("ws-error-reply.json").Trim(), await client.NextAsync(Waits.Expect));
    }

    [Fact]
    public async Task Invalid_json_must_get_code_3_with_null_id()
    {
        await using var client = await Connect("/public/ws");
        await client.SendAsync("""{"method":"SUBSCRIBE",""");
        var error = Error(await client.NextAsync(Waits.Expect));
        Assert.Equal(3, error.Code);
        Assert.StartsWith("Invalid JSON: ", error.Message);
        Assert.Equal("null", error.Id);
    }

    [Fact]
    public async Task Unknown_method_must_get_code_2_with_the_id_echoed()
    {
        await using var client = await Connect("/public/ws");
        await client.SendAsync("""{"method":"SUBSCRIPE","params":[],"id":12}""");
        var error = Error(await client.NextAsync(Waits.Expect));
        Assert.Equal(2, error.Code);
        Assert.StartsWith("Invalid request: unknown variant `SUBSCRIPE`, expected one of `SUBSCRIBE`", error.Message);
        Assert.Equal("12", error.Id);
    }

    [Theory]
    [InlineData("""{"method":"SUBSCRIBE","params":[],"id":1.5}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":[],"id":"has space"}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":[],"id":"a23456789012345678901234567890123456X"}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":[],"id":true}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":[]}""")]
    public async Task Bad_request_ids_must_get_code_2_with_null_id(string frame)
    {
        await using var client = await Connect("/public/ws");
        await client.SendAsync(frame);
        var error = Error(await client.NextAsync(Waits.Expect));
        Assert.Equal((2, "Invalid request: request ID must be an unsigned integer", "null"), (error.Code, error.Message, error.Id));
    }

    [Fact]
    public async Task Bad_params_must_get_code_2()
    {
        await using var client = await Connect("/public/ws");
        await client.SendAsync("""{"method":"SUBSCRIBE","params":"btcusdt@depth","id":2}""");
        Assert.Equal((2, "2"), Pick(Error(await client.NextAsync(Waits.Expect))));
        await client.SendAsync("""{"method":"SUBSCRIBE","params":[42],"id":3}""");
        Assert.Equal((2, "3"), Pick(Error(await client.NextAsync(Waits.Expect))));
        await client.SendAsync("""{"params":[],"id":4}""");
        var missing = Error(await client.NextAsync(Waits.Expect));
        Assert.Equal("Invalid request: missing field `method`", missing.Message);

        static (int, string) Pick((int Code, string Message, string Id) e) => (e.Code, e.Id);
    }

    [Fact]
    public async Task Combined_property_must_switch_the_frame_wrapper()
    {
        await using var client = await Connect("/public/ws");
        await client.SendAsync("""{"method":"GET_PROPERTY","params":["combined"],"id":1}""");
        Assert.Equal("""{"result":false,"id":1}""", await client.NextAsync(Waits.Expect));
        await client.SendAsync("""{"method":"SET_PROPERTY","params":["combined",true],"id":2}""");
        Assert.Equal("""{"result":null,"id":2}""", await client.NextAsync(Waits.Expect));
        await client.SendAsync("""{"method":"SUBSCRIBE","params":["solusdt@bookTicker"],"id":3}""");
        Assert.Equal("""{"result":null,"id":3}""", await client.NextAsync(Waits.Expect));
        var frame = await client.NextAsync(Waits.Expect);
        Assert.StartsWith("{\"stream\":\"solusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\"", frame);

        await client.SendAsync("""{"method":"SET_PROPERTY","params":["compressed",true],"id":4}""");
        Assert.Equal((0, "Unknown property", "4"), Error(await client.ExpectAsync(m => m.Contains("\"error\""), Waits.Expect, "error")));
        await client.SendAsync("""{"method":"SET_PROPERTY","params":["combined","yes"],"id":5}""");
        Assert.Equal((1, "Invalid value type: expected Boolean", "5"), Error(await client.ExpectAsync(m => m.Contains("\"error\""), Waits.Expect, "error")));
    }

    private static (int Code, string Message, string Id) Error(string? reply)
    {
        Assert.NotNull(reply);
        var root = JsonDocument.Parse(reply).RootElement;
        Assert.Equal(["error", "id"], root.EnumerateObject().Select(p => p.Name));
        var error = root.GetProperty("error");
        Assert.Equal(["code", "msg"], error.EnumerateObject().Select(p => p.Name));
        return (error.GetProperty("code").GetInt32(), error.GetProperty("msg").GetString()!, root.GetProperty("id").GetRawText());
    }
}
