using System.Text.Json;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class CombinedStreamSpec : IClassFixture<ExchangeFixture>
{
    private readonly ExchangeFixture _fixture;

    public CombinedStreamSpec(ExchangeFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Public_combined_stream_must_deliver_wrapped_bookTicker_and_chained_depth()
    {
        await using var client = await WsClient.ConnectAsync(new Uri(_fixture.Exchange.WebSocketBase, "/public/stream?streams=btcusdt@bookTicker/btcusdt@depth@100ms"));
        var depth = new List<JsonElement>();
        var tickers = new List<JsonElement>();
        var deadline = DateTime.UtcNow + Waits.Expect;
        while ((depth.Count < 5 || tickers.Count < 2) && DateTime.UtcNow < deadline)
        {
            var message = await client.NextAsync(deadline - DateTime.UtcNow);
            if (message is null) break;
            var root = JsonDocument.Parse(message).RootElement;
            Assert.Equal(["stream", "data"], root.EnumerateObject().Select(p => p.Name));
            var stream = root.GetProperty("stream").GetString();
            (stream == "btcusdt@depth@100ms" ? depth : stream == "btcusdt@bookTicker" ? tickers : throw new Xunit.Sdk.XunitException($"unexpected {stream}"))
                .Add(root.GetProperty("data").Clone());
        }
        Assert.True(depth.Count >= 5 && tickers.Count >= 2, $"depth={depth.Count} tickers={tickers.Count} ended={client.Ended}");

        foreach (var d in depth)
        {
            Assert.Equal("depthUpdate", d.GetProperty("e").GetString());
            Assert.Equal("BTCUSDT", d.GetProperty("s").GetString());
            Assert.True(d.GetProperty("T").GetInt64() <= d.GetProperty("E").GetInt64());
            Assert.True(d.GetProperty("U").GetInt64() <= d.GetProperty("u").GetInt64());
            Assert.All(d.GetProperty("b").EnumerateArray().Concat(d.GetProperty("a").EnumerateArray()), level =>
            {
                Assert.Equal(2, level.GetArrayLength());
                Assert.True(Wire.IsDecimalString(level[0]) && Wire.IsDecimalString(level[1]), level.ToString());
            });
        }
        for (var i = 1; i < depth.Count; i++)
            Assert.Equal(depth[i - 1].GetProperty("u").GetInt64(), depth[i].GetProperty("pu").GetInt64());

        foreach (var t in tickers)
        {
            Assert.Equal("bookTicker", t.GetProperty("e").GetString());
            Assert.Equal("BTCUSDT", t.GetProperty("s").GetString());
            Assert.Equal(JsonValueKind.Number, t.GetProperty("u").ValueKind);
            Assert.True(Wire.Decimal(t.GetProperty("b")) < Wire.Decimal(t.GetProperty("a")));
            Assert.Equal(3, Wire.Decimals(t.GetProperty("B")));
            Assert.Equal(1, t.GetProperty("st").GetInt32());
        }
    }

    [Fact]
    public async Task Market_combined_stream_must_deliver_aggTrade_and_markPrice_frames()
    {
        await using var client = await WsClient.ConnectAsync(new Uri(_fixture.Exchange.WebSocketBase, "/market/stream?streams=btcusdt@aggTrade/btcusdt@markPrice@1s"));
        var trade = await client.ExpectAsync(m => m.StartsWith("{\"stream\":\"btcusdt@aggTrade\"", StringComparison.Ordinal), Waits.Expect, "aggTrade");
        var mark = await client.ExpectAsync(m => m.StartsWith("{\"stream\":\"btcusdt@markPrice@1s\"", StringComparison.Ordinal), Waits.Expect, "markPrice");

        var t = JsonDocument.Parse(trade).RootElement.GetProperty("data");
        Assert.Equal("aggTrade", t.GetProperty("e").GetString());
        Assert.Equal("BTCUSDT", t.GetProperty("s").GetString());
        Assert.Equal(2, Wire.Decimals(t.GetProperty("p")));
        Assert.Equal(t.GetProperty("q").GetString(), t.GetProperty("nq").GetString());
        Assert.True(t.GetProperty("l").GetInt64() >= t.GetProperty("f").GetInt64());
        Assert.Contains(t.GetProperty("m").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });

        var p = JsonDocument.Parse(mark).RootElement.GetProperty("data");
        Assert.Equal("markPriceUpdate", p.GetProperty("e").GetString());
        Assert.Equal("BTCUSDT", p.GetProperty("s").GetString());
        foreach (var key in new[] { "p", "ap", "P", "i", "r" })
        {
            Assert.True(Wire.IsDecimalString(p.GetProperty(key)));
            Assert.Equal(8, Wire.Decimals(p.GetProperty(key)));
        }
        Assert.Equal(0, p.GetProperty("T").GetInt64() % (8 * 3_600_000));
        var drift = Math.Abs(p.GetProperty("E").GetInt64() - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.True(drift < 3_000, $"event time should follow the wall clock by default, drift {drift} ms");
    }

    [Fact]
    public async Task Raw_path_must_deliver_bare_payloads()
    {
        await using var client = await WsClient.ConnectAsync(new Uri(_fixture.Exchange.WebSocketBase, "/public/ws/ethusdt@bookTicker"));
        var message = await client.NextAsync(Waits.Expect);
        Assert.NotNull(message);
        Assert.StartsWith("{\"e\":\"bookTicker\",\"u\":", message);
        Assert.Contains("\"s\":\"ETHUSDT\"", message);
    }
}
