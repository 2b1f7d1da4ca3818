using Akka.Configuration;
using Screener.Analytics.Books;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Binance.Normalise;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Generate;
using Screener.Offline.BuildFeatures;
using Screener.Pipeline;
using Screener.Sim.Journal;

namespace Screener.Bench;

/// <summary>
/// Realistic, distinct scoring inputs without a network: a <see cref="SimJournalSession"/> (the simulated market with
/// planted episodes, stepped at full speed and framed as a node journals it) run through the graph's own decoding,
/// clock and per-symbol feature code (<see cref="OfflineFeatureBuilder"/>). Kept: every snapshot from
/// <see cref="SettleTime"/> after the first tick on whose quality is clean (no warm-up, stale or out-of-sync flag) and
/// whose book is synced, in the order the graph ticks them (time-major, so consecutive inputs are different symbols),
/// with a copy of the book. The copy holds each side's best levels up to twice the largest profile notional (the
/// whole side when thinner), so <see cref="Analytics.Costs.LiveCost"/> prices it exactly as it prices the full book.
/// Deterministic for equal arguments.
/// </summary>
public static class ScoringInputPool
{
    public const int DefaultSize = 16_384;
    public const int DefaultSymbols = 24;
    public const ulong DefaultSeed = 42;

    /// <summary>The training journals' episode rate (<c>sim --generate</c>'s default), so in-play states occur as often.</summary>
    public const double EpisodeRate = 4;

    /// <summary>The longest feature window: from then on every window is full.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(5);

    /// <exception cref="BenchException">The simulated session ended before the pool was full.</exception>
    public static IReadOnlyList<ScoringInput> Build(Config config, PipelineSettings settings, int size = DefaultSize, int symbols = DefaultSymbols,
        ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var ticksPerSecond = TimeSpan.TicksPerSecond / (double)settings.Cadence.Ticks;
        var seconds = SettleTime.TotalSeconds + 2 * size / (symbols * ticksPerSecond) + 60;
        var session = new SimJournalSession(SimJournalGenerator.SessionSettings(config, new GenerateRequest(seconds / 3600, symbols, seed, EpisodeRate)));
        var builder = new OfflineFeatureBuilder(settings,
            OfflineFeatureBuilder.OfflineServices(new BinanceFrameDecoder(), new BaselineScorer(settings.Scoring), MarketFeatures.Spec));
        var notional = 2 * settings.Scoring.Profiles.Max(p => p.NotionalQuote);

        var books = new Dictionary<string, (long Time, OrderBook? Book)>(StringComparer.Ordinal);
        var pool = new List<ScoringInput>(size);
        long? keepFrom = null;
        void Observe(string symbol, long time, OrderBook? book) =>
            books[symbol] = (time, keepFrom <= time && book is not null ? Copy(book, notional) : null);

        foreach (var snapshot in builder.Build(Frames(session), Observe))
        {
            keepFrom ??= snapshot.Time + SettleTime.Ticks;
            if (snapshot.Time < keepFrom || snapshot.Quality != DataQuality.Ok) continue;
            if (books.GetValueOrDefault(snapshot.Symbol) is not { Book: { } book } observed || observed.Time != snapshot.Time) continue;
            pool.Add(new ScoringInput(snapshot, book));
            if (pool.Count == size) return pool;
        }
        throw new BenchException($"The simulated session ended with {pool.Count:N0} of {size:N0} clean snapshots.");
    }

    private static IEnumerable<RawFrame> Frames(SimJournalSession session)
    {
        var step = new List<SimJournalFrame>(1024);
        long sequence = 0;
        while (session.Next(step))
        {
            foreach (var frame in step) yield return GeneratedFrames.ToRawFrame(frame, ++sequence);
            step.Clear();
        }
    }

    private static OrderBook Copy(OrderBook book, double notional)
    {
        var copy = new OrderBook();
        // Worst level first: each insert then lands at the end of the copy's sorted side.
        copy.Reset(
            book.TopBids(Depth(book.BidPriceValues, book.BidQuantityValues, notional)).Reverse(),
            book.TopAsks(Depth(book.AskPriceValues, book.AskQuantityValues, notional)).Reverse());
        return copy;
    }

    /// <summary>Levels from the best (stored last) until their notional reaches <paramref name="notional"/>, or all.</summary>
    private static int Depth(ReadOnlySpan<double> prices, ReadOnlySpan<double> quantities, double notional)
    {
        double sum = 0;
        for (var i = prices.Length - 1; i >= 0; i--)
            if ((sum += prices[i] * quantities[i]) >= notional)
                return prices.Length - i;
        return prices.Length;
    }
}
