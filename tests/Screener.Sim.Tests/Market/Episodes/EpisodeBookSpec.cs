using Screener.Sim.Market;
using Screener.Sim.Market.Episodes;
using Screener.Sim.Tests.Support;

namespace Screener.Sim.Tests.Market.Episodes;

/// <summary>
/// The episode planner on its own, stepped over simulated time without a market (flat prices): cheap enough to plant
/// thousands of episodes, so the claims about the truth can be checked statistically.
/// </summary>
[Collection(ComputeCollection.Name)]
public sealed class EpisodeBookSpec
{
    private const long Start = 1_791_382_980_000;
    private const int StepMs = 500;

    /// <summary>What one episode did, step by step, condensed.</summary>
    private sealed class Seen
    {
        public EpisodeEffect FirstPrecursor;
        public EpisodeEffect LastPrecursor;
        public long LastPrecursorMs;
        public bool PrecursorDrifted;
        public double DriftSum;
    }

    private sealed record Trace(IReadOnlyList<InPlayEpisode> Episodes, Dictionary<int, Seen> Effects);

    /// <summary>Steps <paramref name="symbols"/> tracks for <paramref name="hours"/> and condenses each episode's effects.</summary>
    private static Trace Run(int symbols, double hours, EpisodeSettings settings, ulong seed = 11)
    {
        var specs = SymbolCatalog.Create(symbols);
        var indexOf = specs.Select((s, i) => (s.Symbol, i)).ToDictionary(x => x.Symbol, x => x.i);
        var book = new EpisodeBook(specs, settings, seed, Start);
        var effects = new EpisodeEffect[symbols];
        var active = Enumerable.Repeat(-1, symbols).ToArray();
        var seen = new Dictionary<int, Seen>();
        for (long now = Start + StepMs; now <= Start + (long)(hours * 3_600_000); now += StepMs)
        {
            var known = book.Episodes.Count;
            book.Plan(now - StepMs, now, effects);
            for (var k = known; k < book.Episodes.Count; k++) active[indexOf[book.Episodes[k].Symbol]] = k;
            for (var i = 0; i < symbols; i++)
            {
                if (active[i] < 0) continue;
                var episode = book.Episodes[active[i]];
                if (!seen.TryGetValue(episode.Id, out var s)) seen[episode.Id] = s = new Seen { FirstPrecursor = effects[i] };
                s.DriftSum += effects[i].Drift;
                if (now >= episode.OnsetMs) continue;
                s.LastPrecursor = effects[i];
                s.LastPrecursorMs = now;
                s.PrecursorDrifted |= effects[i].Drift != 0;
            }
            book.Observe(now, _ => 0.0);
            for (var i = 0; i < symbols; i++)
                if (active[i] >= 0 && book.Episodes[active[i]].Complete) active[i] = -1;
        }
        return new Trace(book.Episodes.ToList(), seen);
    }

    /// <summary>Six simulated hours of 40 symbols with frequent episodes: several thousand of them.</summary>
    private static readonly Lazy<Trace> Many = new(() =>
        Run(symbols: 40, hours: 6, new EpisodeSettings { RatePerSymbolHour = 60, WarmUp = TimeSpan.Zero, Cooldown = TimeSpan.FromSeconds(30) }));

    [Fact]
    public void EpisodeBook_must_fire_episodes_with_their_true_probability()
    {
        var complete = Many.Value.Episodes.Where(e => e.Complete).ToList();
        Assert.True(complete.Count > 3_000, $"only {complete.Count} episodes");

        // The probability varies between episodes and spans most of its range.
        var p = complete.Select(e => e.Probability).ToList();
        Assert.InRange(p.Min(), EpisodeTrack.MinProbability, 0.15);
        Assert.InRange(p.Max(), 0.85, EpisodeTrack.MaxProbability);
        var mean = p.Average();
        Assert.InRange(Math.Sqrt(p.Average(x => (x - mean) * (x - mean))), 0.15, 0.3);

        // Calibration: in each probability quintile, the number fired is within 4 binomial standard deviations of the sum of p.
        foreach (var bin in complete.OrderBy(e => e.Probability).Chunk(complete.Count / 5))
        {
            var expected = bin.Sum(e => e.Probability);
            var sd = Math.Sqrt(bin.Sum(e => e.Probability * (1 - e.Probability)));
            var fired = bin.Count(e => e.Fired);
            Assert.True(Math.Abs(fired - expected) < 4 * sd,
                $"p {bin[0].Probability:F2}..{bin[^1].Probability:F2}: {fired} fired of {bin.Length}, expected {expected:F0} ± {sd:F0}");
        }
        // And the outcome is not a function of the probability (it is a draw): both outcomes occur at every level.
        Assert.Contains(complete, e => e.Probability > 0.8 && !e.Fired);
        Assert.Contains(complete, e => e.Probability < 0.2 && e.Fired);
    }

    [Fact]
    public void EpisodeBook_must_make_precursors_depend_on_probability_and_direction_but_never_on_the_outcome()
    {
        var trace = Many.Value;
        foreach (var episode in trace.Episodes.Where(e => e.Complete).Take(500))
        {
            var seen = trace.Effects[episode.Id];
            var (lastMs, last) = (seen.LastPrecursorMs, seen.LastPrecursor);
            var level = (0.3 + 0.7 * episode.Probability) * (lastMs - episode.PrecursorStartMs) / (double)(episode.OnsetMs - episode.PrecursorStartMs);
            Assert.Equal(1 + 1.5 * level, last.Activity, 9);
            Assert.Equal(0.2 * level * episode.Direction, last.BuyBias, 9);
            Assert.Equal(1 - 0.4 * level, last.Volatility, 9);
            Assert.Equal(1 - 0.6 * level, episode.Direction > 0 ? last.AskDepth : last.BidDepth, 9);
            Assert.False(seen.PrecursorDrifted);
            // Intensity ramps up through the precursor.
            Assert.True(seen.FirstPrecursor.Activity < last.Activity);
        }
    }

    [Fact]
    public void EpisodeBook_must_drift_a_fired_episode_by_its_magnitude_and_leave_a_fizzle_flat()
    {
        var trace = Many.Value;
        var complete = trace.Episodes.Where(e => e.Complete).Take(400).ToList();
        Assert.Contains(complete, e => e.Fired);
        Assert.Contains(complete, e => !e.Fired);
        foreach (var episode in complete)
        {
            var drift = trace.Effects[episode.Id].DriftSum * 1e4;
            Assert.Equal(episode.Fired ? episode.Direction * episode.MagnitudeBps : 0, drift, 6);
            if (!episode.Fired) Assert.Equal(20_000, episode.EndMs - episode.OnsetMs);
            else Assert.InRange(episode.EndMs - episode.OnsetMs, 60_000, 240_000);
            Assert.InRange(episode.OnsetMs - episode.PrecursorStartMs, 30_000, 90_000);
            Assert.True(episode.MagnitudeBps > 0);
            // Flat prices: nothing moved but the planted drift, and the book measured none of it.
            Assert.Equal(0, episode.RealizedMoveBps);
        }
    }

    [Fact]
    public void EpisodeBook_must_keep_warm_up_and_cooldown_and_one_episode_per_symbol_at_a_time()
    {
        var settings = new EpisodeSettings { RatePerSymbolHour = 30, WarmUp = TimeSpan.FromMinutes(5), Cooldown = TimeSpan.FromMinutes(2) };
        var episodes = Run(symbols: 6, hours: 3, settings).Episodes;

        Assert.True(episodes.Count > 40, $"only {episodes.Count} episodes");
        Assert.Equal(Enumerable.Range(1, episodes.Count), episodes.Select(e => e.Id));
        Assert.All(episodes, e => Assert.True(e.PrecursorStartMs >= Start + 300_000));
        foreach (var symbol in episodes.GroupBy(e => e.Symbol))
            foreach (var (before, after) in symbol.Zip(symbol.Skip(1)))
                Assert.True(after.PrecursorStartMs >= before.EndMs + 120_000, $"{symbol.Key}: episode {after.Id} starts in {before.Id}'s cooldown");
        // About 30 per idle hour: the idle share of 3 h is what is left after warm-up, episodes and cooldowns.
        var busy = episodes.Sum(e => e.EndMs - e.PrecursorStartMs + 120_000) / 3_600_000.0;
        var idleHours = 6 * (3 - 5 / 60.0) - busy;
        Assert.InRange(episodes.Count / idleHours, 20, 40);
    }

    [Fact]
    public void EpisodeBook_must_plant_the_same_episodes_for_the_same_seed_and_other_ones_for_another()
    {
        var settings = new EpisodeSettings { RatePerSymbolHour = 20, WarmUp = TimeSpan.Zero };
        var first = Run(symbols: 3, hours: 1, settings, seed: 5).Episodes;
        var second = Run(symbols: 3, hours: 1, settings, seed: 5).Episodes;
        var other = Run(symbols: 3, hours: 1, settings, seed: 6).Episodes;

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }
}
