using System.Text.Json;
using Microsoft.Extensions.Logging;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class SimSettingsSpec
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    [InlineData("localhost")]
    public async Task SimExchange_must_refuse_to_bind_outside_loopback(string host) =>
        await Assert.ThrowsAsync<ArgumentException>(() => SimExchange.StartAsync(new SimSettings { Host = host }));

    [Fact]
    public async Task SimExchange_must_fail_to_start_on_a_taken_port()
    {
        await using var first = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1 });
        await Assert.ThrowsAsync<IOException>(() => SimExchange.StartAsync(new SimSettings { SymbolCount = 1, Port = first.RestBase.Port }));
    }

    [Fact]
    public async Task SimExchange_must_log_through_a_given_logger_factory()
    {
        var provider = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Debug));
        await using (var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 2 }, factory))
        {
            await using var client = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/ws"));
            Assert.True(await Waits.UntilAsync(() => provider.Lines.Any(l => l.Contains("opened on /public/ws")), Waits.Expect));
        }
        Assert.Contains(provider.Lines, l => l.Contains("listening on http://127.0.0.1:"));
    }

    [Fact]
    public void SimSettings_must_default_to_fstream_timings()
    {
        var settings = new SimSettings();
        Assert.Equal((TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10), 1024, 0, "127.0.0.1"),
            (settings.PingInterval, settings.PongTimeout, settings.MaxStreamsPerConnection, settings.Port, settings.Host));
        Assert.Equal((true, 10, TimeSpan.FromHours(24)), (settings.Strict, settings.MaxIncomingMessagesPerSecond, settings.ConnectionLifetime));
        Assert.Equal((2400, 3, TimeSpan.FromMinutes(2), TimeSpan.FromDays(3)),
            (settings.RestWeightLimit, settings.RestStrikesBeforeBan, settings.RestBanDuration, settings.RestMaxBanDuration));
    }

    [Fact]
    public void SimSettings_must_refuse_limits_the_exchange_cannot_honour()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimSettings { RestWeightLimit = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimSettings { MaxIncomingMessagesPerSecond = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimSettings { ConnectionLifetime = TimeSpan.Zero }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimSettings { RestBanDuration = TimeSpan.FromMinutes(5), RestMaxBanDuration = TimeSpan.FromMinutes(1) }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimSettings { Faults = new Screener.Sim.Faults.SimFaults { Slow = TimeSpan.FromSeconds(-1) } }.Validate());
    }

    [Fact]
    public async Task SimExchange_must_run_its_clock_from_the_configured_start_time()
    {
        const long start = 1_700_000_000_000;
        await using var exchange = await SimExchange.StartAsync(new SimSettings { StartTimeMs = start, SymbolCount = 3 });
        Assert.Equal(["BTCUSDT", "ETHUSDT", "SOLUSDT"], exchange.Symbols);
        Assert.Equal(exchange.RestBase.Port, exchange.WebSocketBase.Port);
        Assert.Equal("ws", exchange.WebSocketBase.Scheme);
        await using var client = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/ws/btcusdt@bookTicker"));
        var frame = await client.NextAsync(Waits.Expect);
        Assert.NotNull(frame);
        Assert.InRange(JsonDocument.Parse(frame).RootElement.GetProperty("E").GetInt64(), start, start + 10_000);
    }
}
