using Screener.Binance.Transport;
using Xunit.Abstractions;

namespace Screener.Binance.Tests.Transport;

/// <summary>Server pings are answered by the client socket while the connection runs (fstream drops a client that does not pong).</summary>
public sealed class PingSpec(ITestOutputHelper output) : ConnectionSpecBase(output)
{
    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Connection_must_answer_server_pings()
    {
        await using var server = new PingingServer(pingInterval: TimeSpan.FromMilliseconds(200), pongTimeout: TimeSpan.FromMilliseconds(1500));
        var queue = Run(new ConnectionSettings("s0/public", server.Url) { MinBackoff = TimeSpan.FromSeconds(5), MaxBackoff = TimeSpan.FromSeconds(5) });

        // 4 s is over two pong deadlines: a client that did not answer would have been dropped by now.
        var frames = await NextUntil(queue, f => IsData(f) && AggIdOf(f) == 80);

        Assert.Null(server.Ended);
        Assert.Equal((1L, 0L, 0L), (Counters.Connects, Counters.Disconnects, Counters.Restarts));
        Assert.Equal(80, frames.Count(IsData));
    }
}
