using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Pipeline.Stages;
using static Screener.Pipeline.Tests.TestEvents;

namespace Screener.Pipeline.Tests.Stages;

public sealed class MarketClockSpec
{
    [Fact]
    public void MarketClock_must_emit_one_tick_per_known_symbol_before_the_event_that_crosses_a_boundary()
    {
        var clock = new MarketClock(Settings());
        var output = new List<IWithSymbol>();

        clock.On(Top("ETHUSDT", 10, 100m, 100.1m), output);
        clock.On(Top("BTCUSDT", 100, 50_000m, 50_000.1m), output);
        clock.On(Top("ETHUSDT", 260, 101m, 101.1m), output);

        Assert.Equal(5, output.Count);
        var ticks = output.OfType<Tick>().ToList();
        Assert.Equal(["BTCUSDT", "ETHUSDT"], ticks.Select(t => t.Symbol));
        Assert.All(ticks, t => Assert.Equal(At(250), t.Time));
        Assert.All(ticks, t => Assert.Equal(2, t.RoundSize));
        Assert.IsType<BookTop>(output[^1]);
        Assert.Equal(At(260), ((BookTop)output[^1]).TsEvent);
    }

    [Fact]
    public void MarketClock_must_tick_every_cadence_when_time_jumps_and_share_one_context_per_time()
    {
        var clock = new MarketClock(Settings());
        var output = new List<IWithSymbol>();
        clock.On(Top("BTCUSDT", 0, 100m, 100m), output);
        clock.On(Top("BTCUSDT", 1_000, 101m, 101m), output);

        var ticks = output.OfType<Tick>().ToList();
        Assert.Equal([At(250), At(500), At(750), At(1000)], ticks.Select(t => t.Time));
        var first = ticks[0].Context;
        Assert.Equal(At(250), first.Time);
        Assert.Equal(0, first.BtcReturnBps);
    }

    [Fact]
    public void MarketClock_must_advance_on_heartbeats_minus_the_lag_when_the_market_is_quiet()
    {
        var settings = Settings();
        var clock = new MarketClock(settings);
        var output = new List<IWithSymbol>();
        clock.On(Top("BTCUSDT", 0, 100m, 100m), output);

        clock.On(new Heartbeat(At(1_200), 2), output);
        Assert.Empty(output.OfType<Tick>());

        clock.On(new Heartbeat(At(1_300), 3), output);
        Assert.Equal([At(250)], output.OfType<Tick>().Select(t => t.Time));
    }

    [Fact]
    public void MarketClock_must_not_forward_connection_level_events_to_symbol_substreams()
    {
        var clock = new MarketClock(Settings());
        var output = new List<IWithSymbol>();
        clock.On(new Connected(At(0), At(0), 1, "s0/public"), output);
        clock.On(new Disconnected(At(5), At(5), 2, "s0/public", "close 1006"), output);

        Assert.Empty(output);
        Assert.Equal(2, clock.NodeEvents);
    }

    [Fact]
    public void MarketClock_must_report_breadth_as_the_share_of_symbols_whose_mid_rose()
    {
        var clock = new MarketClock(Settings());
        var output = new List<IWithSymbol>();
        clock.On(Top("AAAUSDT", 0, 10m, 10m), output);
        clock.On(Top("BBBUSDT", 0, 10m, 10m), output);
        clock.On(Top("CCCUSDT", 0, 10m, 10m), output);
        clock.On(Top("DDDUSDT", 0, 10m, 10m), output);
        clock.On(Top("AAAUSDT", 100, 11m, 11m), output);
        clock.On(Top("BBBUSDT", 100, 9m, 9m), output);
        clock.On(Top("CCCUSDT", 100, 12m, 12m), output);
        clock.On(Top("AAAUSDT", 300, 11m, 11m), output);

        var context = output.OfType<Tick>().First().Context;
        Assert.Equal(0.5, context.Breadth, 10);
        Assert.Equal(4, context.ActiveSymbols);
    }

    [Fact]
    public void MarketClock_must_emit_one_stale_event_per_silence_and_rearm_when_data_returns()
    {
        var settings = Settings() with
        {
            StaleThresholds = new Dictionary<string, TimeSpan>(PipelineSettings.Default.StaleThresholds) { [StreamKinds.Trade] = TimeSpan.FromSeconds(1) },
        };
        var clock = new MarketClock(settings);
        var output = new List<IWithSymbol>();
        clock.On(Buy("AAAUSDT", 0, 10m, 1m), output);
        for (var ms = 100; ms <= 3_000; ms += 100) clock.On(Top("AAAUSDT", ms, 10m, 10.1m), output);

        var stale = Assert.Single(output.OfType<Stale>());
        Assert.Equal(("AAAUSDT", StreamKinds.Trade, At(1_250)), (stale.Symbol, stale.StreamKind, stale.TsEvent));

        clock.On(Buy("AAAUSDT", 3_100, 10m, 1m), output);
        for (var ms = 3_200; ms <= 5_000; ms += 100) clock.On(Top("AAAUSDT", ms, 10m, 10.1m), output);
        Assert.Equal(2, output.OfType<Stale>().Count());
        Assert.Equal(2, clock.StaleEvents);
    }

    [Fact]
    public void MarketClock_must_flag_a_subscribed_stream_that_never_delivers_once_its_threshold_passes()
    {
        var settings = Settings() with
        {
            StaleThresholds = new Dictionary<string, TimeSpan>(PipelineSettings.Default.StaleThresholds)
            {
                [StreamKinds.BookTicker] = TimeSpan.FromSeconds(1), [StreamKinds.Depth] = TimeSpan.FromSeconds(1),
            },
        };
        var clock = new MarketClock(settings);
        var output = new List<IWithSymbol>();
        clock.On(new Subscribed(At(0), At(0), 1, "s0/public", new SymbolStream[]
        {
            new("AAAUSDT", StreamKinds.BookTicker), new("SILENTUSDT", StreamKinds.BookTicker), new("SILENTUSDT", "unwatched-kind"),
        }), output);
        for (var ms = 100; ms <= 3_000; ms += 100) clock.On(Top("AAAUSDT", ms, 10m, 10.1m), output);

        var stale = Assert.Single(output.OfType<Stale>());
        Assert.Equal(("SILENTUSDT", StreamKinds.BookTicker, At(1_250)), (stale.Symbol, stale.StreamKind, stale.TsEvent));
        Assert.Equal(1, clock.NodeEvents);
    }

    [Fact]
    public void MarketClock_must_keep_the_last_seen_time_of_a_stream_when_its_subscription_is_confirmed_again()
    {
        var settings = Settings() with
        {
            StaleThresholds = new Dictionary<string, TimeSpan>(PipelineSettings.Default.StaleThresholds) { [StreamKinds.Trade] = TimeSpan.FromSeconds(1) },
        };
        var clock = new MarketClock(settings);
        var output = new List<IWithSymbol>();
        var subscribed = new SymbolStream[] { new("AAAUSDT", StreamKinds.Trade) };
        clock.On(new Subscribed(At(0), At(0), 1, "s0/market", subscribed), output);
        clock.On(Buy("AAAUSDT", 100, 10m, 1m), output);
        // A reconnect re-confirms the same stream later; silence is still measured from the last trade.
        clock.On(new Subscribed(At(900), At(900), 2, "s0/market", subscribed), output);
        for (var ms = 1_000; ms <= 1_600; ms += 100) clock.On(Top("AAAUSDT", ms, 10m, 10.1m), output);

        var stale = Assert.Single(output.OfType<Stale>());
        Assert.Equal(At(1_250), stale.TsEvent);
    }

    [Fact]
    public void MarketClock_must_publish_each_streams_last_message_age_and_stale_flag_at_every_tick()
    {
        var settings = Settings() with
        {
            StaleThresholds = new Dictionary<string, TimeSpan>(PipelineSettings.Default.StaleThresholds) { [StreamKinds.Trade] = TimeSpan.FromSeconds(1) },
        };
        var board = new Instrumentation.StreamHealthBoard();
        var clock = new MarketClock(settings, board);
        var output = new List<IWithSymbol>();
        Assert.Same(Instrumentation.StreamHealthSnapshot.Empty, board.Current);

        clock.On(Buy("AAAUSDT", 0, 10m, 1m), output);
        for (var ms = 100; ms <= 1_600; ms += 100) clock.On(Top("AAAUSDT", ms, 10m, 10.1m), output);

        var health = board.Current;
        Assert.Equal(At(1_500), health.AtTicks);
        var trade = health.Find("AAAUSDT", StreamKinds.Trade)!;
        Assert.Equal((At(0), TimeSpan.FromMilliseconds(1_500), true), (trade.LastSeenTicks, trade.Age, trade.Stale));
        var top = health.Find("AAAUSDT", StreamKinds.BookTicker)!;
        // The 1.5 s tick precedes the book ticker at 1.5 s that crossed it: the last one it knows is at 1.4 s.
        Assert.Equal((At(1_400), TimeSpan.FromMilliseconds(100), false), (top.LastSeenTicks, top.Age, top.Stale));
        Assert.Equal([trade], health.Stale);
    }
}
