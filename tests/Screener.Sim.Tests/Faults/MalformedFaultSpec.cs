using System.Text.Json;
using Screener.Sim.Faults;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Faults;

public sealed class MalformedFaultSpec
{
    [Fact]
    public async Task Malformed_every_must_send_each_kind_of_broken_frame_on_every_socket()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1, Faults = SimFaults.Parse("malformed-every=150ms") });
        await using var combined = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/stream?streams=btcusdt@depth@500ms"));
        await using var raw = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/market/ws"));

        var kinds = new HashSet<string>();
        var deadline = DateTime.UtcNow + Waits.Expect;
        while (kinds.Count < 3 && DateTime.UtcNow < deadline)
        {
            var frame = await combined.NextAsync(deadline - DateTime.UtcNow);
            if (frame is null) break;
            var kind = Kind(frame);
            if (kind is not null) kinds.Add(kind);
        }
        Assert.Equal(["garbage", "truncated", "wrong-types"], kinds.Order());
        Assert.Null(combined.Ended);

        // A raw socket gets the bare (unwrapped) variants too, and data keeps flowing between them.
        var rawFrames = await raw.CollectAsync(TimeSpan.FromMilliseconds(600));
        Assert.Contains(rawFrames, f => f.StartsWith("{\"e\":\"depthUpdate\",\"E\":", StringComparison.Ordinal) && Kind(f) is not null);
        Assert.True(exchange.FaultCounters.MalformedSent >= 6);
    }

    /// <summary>Which kind of broken frame this is, or null for a well-formed one.</summary>
    private static string? Kind(string frame)
    {
        try
        {
            var root = JsonDocument.Parse(frame).RootElement;
            var data = root.TryGetProperty("data", out var wrapped) ? wrapped : root;
            return data.GetProperty("E").ValueKind == JsonValueKind.Number ? null : "wrong-types";
        }
        catch (JsonException)
        {
            return frame.StartsWith('{') ? "truncated" : "garbage";
        }
    }
}
