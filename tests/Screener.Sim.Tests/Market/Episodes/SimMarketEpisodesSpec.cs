using Screener.Sim.Market;
using Screener.Sim.Market.Episodes;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit.Abstractions;

namespace Screener.Sim.Tests.Market.Episodes;

/// <summary>Planted episodes inside the market: separate from the market's randomness, measurable before the onset, and true to their word.</summary>
[Collection(ComputeCollection.Name)]
public sealed class SimMarketEpisodesSpec(ITestOutputHelper output)
{
    private static readonly byte[] BuyerIsTaker = "\"m\":false"u8.ToArray();

    private sealed record Session(IReadOnlyList<InPlayEpisode> Episodes, Dictionary<(string Symbol, long Second), (int Trades, int Buys)> Trades);

    /// <summary>
    /// 50 simulated minutes of 4 symbols with frequent episodes, a minute apart at least (so the minute before a precursor is
    /// quiet); aggregate trades counted per symbol and second.
    /// </summary>
    private static readonly Lazy<Session> Busy = new(() =>
    {
        var market = new SimMarket(new SimMarketSettings(Seed: 3, SymbolCount: 4, DepthLevels: 200)
        {
            Episodes = new EpisodeSettings { RatePerSymbolHour = 60, WarmUp = TimeSpan.FromMinutes(1), Cooldown = TimeSpan.FromMinutes(1) },
        });
        var trades = new Dictionary<(string, long), (int, int)>();
        for (var step = 0; step < 30_000; step++)
            foreach (var e in market.Step(static s => s.EndsWith("@aggTrade", StringComparison.Ordinal)))
            {
                var key = (e.Stream[..e.Stream.IndexOf('@')].ToUpperInvariant(), market.NowMs / 1000);
                var (n, buys) = trades.GetValueOrDefault(key);
                trades[key] = (n + 1, buys + (e.Payload.AsSpan().IndexOf(BuyerIsTaker) >= 0 ? 1 : 0));
            }
        return new Session(market.Episodes.ToList(), trades);
    });

    [Fact]
    public void SimMarket_must_plant_no_episode_and_step_as_before_when_episodes_are_off()
    {
        var market = new SimMarket(new SimMarketSettings(Seed: 3, SymbolCount: 3));
        for (var i = 0; i < 100; i++) market.Step();
        Assert.Null(market.Settings.Episodes);
        Assert.Empty(market.Episodes);
    }

    [Fact]
    public void SimExchange_must_serve_a_market_without_episodes_unless_its_settings_plant_them()
    {
        var episodes = new EpisodeSettings { RatePerSymbolHour = 2 };
        Assert.Null(new SimSettings().ToMarketSettings(1_000).Episodes);
        Assert.Same(episodes, new SimSettings { Episodes = episodes }.ToMarketSettings(1_000).Episodes);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimSettings { Episodes = new EpisodeSettings { RatePerSymbolHour = 0 } }.Validate());
    }

    [Fact]
    public void SimMarket_must_emit_the_same_frames_as_without_episodes_until_the_first_precursor_starts()
    {
        var settings = new SimMarketSettings(Seed: 17, SymbolCount: 3, DepthLevels: 200);
        var plain = new SimMarket(settings);
        var planted = new SimMarket(settings with { Episodes = new EpisodeSettings { RatePerSymbolHour = 120, WarmUp = TimeSpan.FromSeconds(20) } });

        var steps = 0;
        while (planted.Episodes.Count == 0)
        {
            var expected = plain.Step();
            var actual = planted.Step();
            if (planted.Episodes.Count > 0) break;
            Assert.Equal(expected.Select(e => e.Stream), actual.Select(e => e.Stream));
            for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i].Payload, actual[i].Payload);
            steps++;
        }
        Assert.True(steps >= 200, "no episode may start during the 20 s warm-up");

        // From the first precursor on, the episode's symbol trades differently.
        var symbol = planted.Episodes[0].Symbol.ToLowerInvariant();
        var differ = false;
        for (var i = 0; i < 300 && !differ; i++)
        {
            var expected = plain.Step().Where(e => e.Stream.StartsWith(symbol + "@aggTrade", StringComparison.Ordinal)).Select(e => e.PayloadText);
            var actual = planted.Step().Where(e => e.Stream.StartsWith(symbol + "@aggTrade", StringComparison.Ordinal)).Select(e => e.PayloadText);
            differ = !expected.SequenceEqual(actual);
        }
        Assert.True(differ);
    }

    [Fact]
    public void SimMarket_must_move_the_fair_price_by_the_planted_magnitude_when_an_episode_fires()
    {
        var complete = Busy.Value.Episodes.Where(e => e.Complete).ToList();
        var fired = complete.Where(e => e.Fired).ToList();
        var fizzled = complete.Where(e => !e.Fired).ToList();
        Assert.True(fired.Count >= 10 && fizzled.Count >= 10, $"{fired.Count} fired, {fizzled.Count} fizzled");

        var ratio = fired.Sum(e => e.RealizedMoveBps!.Value) / fired.Sum(e => e.MagnitudeBps);
        output.WriteLine($"{fired.Count} fired: realized / planted {ratio:F2}; {fizzled.Count} fizzled: mean {fizzled.Average(e => e.RealizedMoveBps!.Value):F1} bps, " +
                         $"mean |move| {fizzled.Average(e => Math.Abs(e.RealizedMoveBps!.Value)):F1} bps against planted {fizzled.Average(e => e.MagnitudeBps):F0}");
        Assert.InRange(ratio, 0.7, 1.3);
        Assert.True(fired.Count(e => e.RealizedMoveBps > 0.3 * e.MagnitudeBps) >= 0.8 * fired.Count);
        // A fizzle leaves only the market's own noise: small against the planted magnitudes, no lean to the direction.
        Assert.InRange(fizzled.Average(e => e.RealizedMoveBps!.Value), -20, 20);
        Assert.True(fizzled.Average(e => Math.Abs(e.RealizedMoveBps!.Value)) < 0.25 * fizzled.Average(e => e.MagnitudeBps));
    }

    [Fact]
    public void SimMarket_must_show_measurable_precursors_in_the_trades_before_the_onset()
    {
        var session = Busy.Value;
        var complete = session.Episodes.Where(e => e.Complete).ToList();
        (int Trades, int Buys) Sum(string symbol, long fromMs, long toMs)
        {
            var (trades, buys) = (0, 0);
            for (var second = fromMs / 1000; second < toMs / 1000; second++)
            {
                var (n, b) = session.Trades.GetValueOrDefault((symbol, second));
                trades += n;
                buys += b;
            }
            return (trades, buys);
        }

        // Trade intensity rises over the precursor (the 15 s before onset against the 60 s before the precursor started).
        var before = complete.Sum(e => Sum(e.Symbol, e.PrecursorStartMs - 60_000, e.PrecursorStartMs).Trades / 60.0);
        var late = complete.Sum(e => Sum(e.Symbol, e.OnsetMs - 15_000, e.OnsetMs).Trades / 15.0);
        output.WriteLine($"{complete.Count} episodes: trade rate {before / complete.Count:F1}/s before, {late / complete.Count:F1}/s late in the precursor");
        Assert.True(late > 1.3 * before, $"trade rate {before / complete.Count:F1}/s before, {late / complete.Count:F1}/s late in the precursor");

        // Takers lean to the episode's direction before anything moved.
        double BuyShare(IEnumerable<InPlayEpisode> episodes)
        {
            var sums = episodes.Select(e => Sum(e.Symbol, e.OnsetMs - 15_000, e.OnsetMs)).ToList();
            return sums.Sum(s => s.Buys) / (double)sums.Sum(s => s.Trades);
        }
        output.WriteLine($"buy share late in the precursor: {BuyShare(complete.Where(e => e.Direction > 0)):F3} up, {BuyShare(complete.Where(e => e.Direction < 0)):F3} down");
        Assert.True(BuyShare(complete.Where(e => e.Direction > 0)) > 0.55);
        Assert.True(BuyShare(complete.Where(e => e.Direction < 0)) < 0.45);
    }

    [Fact]
    public void SimMarket_must_plant_the_same_episodes_for_the_same_seed()
    {
        static IReadOnlyList<InPlayEpisode> Plant()
        {
            var market = new SimMarket(new SimMarketSettings(Seed: 8, SymbolCount: 2, DepthLevels: 100)
            {
                Episodes = new EpisodeSettings { RatePerSymbolHour = 120, WarmUp = TimeSpan.Zero, Cooldown = TimeSpan.Zero },
            });
            for (var i = 0; i < 2_000; i++) market.Step(static _ => false);
            return market.Episodes.ToList();
        }

        var first = Plant();
        Assert.Contains(first, e => e.Complete);
        Assert.Equal(first, Plant());
    }
}
