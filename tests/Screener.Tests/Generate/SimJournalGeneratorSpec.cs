using System.Text;
using Akka.Streams;
using Akka.Streams.Dsl;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Binance.Normalise;
using Screener.Contracts;
using Screener.Contracts.Time;
using Screener.Generate;
using Screener.Offline.BuildFeatures;
using Screener.Pipeline;
using Screener.Pipeline.Instrumentation;
using Screener.Sim.Market;

namespace Screener.Tests.Generate;

/// <summary>A generated journal: written through the node's journal writer, replayed by the offline feature builder, oracle kept apart.</summary>
public sealed class SimJournalGeneratorSpec(SimJournalGeneratorSpec.Fixture generated) : IClassFixture<SimJournalGeneratorSpec.Fixture>
{
    private const string JournalRows = "SELECT persistence_id, sequence_number, manifest, tags, message FROM journal ORDER BY ordering";

    /// <summary>Three simulated minutes of four symbols with frequent episodes, generated once for the class.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public static readonly GenerateRequest Request = new(Hours: 0.05, Symbols: 4, Seed: 7, EpisodeRate: 600);

        public string Db { get; private set; } = "";

        public GenerateResult Result { get; private set; } = null!;

        public List<RawFrame> Frames { get; private set; } = [];

        public async Task InitializeAsync()
        {
            (Db, Result) = await GeneratedJournal.WriteAsync("generated.db", GeneratedJournal.Settings(Request, GeneratedJournal.Frequent));
            Frames = await JournalFixture.WithSystemAsync(Db, async (system, reader) =>
                (await reader.RawFrames("s0").RunWith(Sink.Seq<RawFrame>(), system.Materializer())).ToList());
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task Generator_must_write_the_same_journal_rows_and_episodes_for_the_same_seed()
    {
        var request = new GenerateRequest(Hours: 0.01, Symbols: 3, Seed: 11, EpisodeRate: 120);
        var settings = GeneratedJournal.Settings(request, GeneratedJournal.Frequent with { WarmUp = TimeSpan.FromSeconds(5) });
        var (first, firstResult) = await GeneratedJournal.WriteAsync("first.db", settings);
        var (second, _) = await GeneratedJournal.WriteAsync("second.db", settings);
        var (other, _) = await GeneratedJournal.WriteAsync("other.db", settings with { Market = settings.Market with { Seed = 12 } });

        // Rows compared without their write time and writer id, which a journal row takes from the wall clock and a GUID.
        var rows = GeneratedJournal.Rows(first, JournalRows);
        Assert.Equal(firstResult.Batches, rows.Count);
        Assert.Equal(rows, GeneratedJournal.Rows(second, JournalRows));
        Assert.Equal(GeneratedJournal.Rows(first, "SELECT * FROM sim_episodes ORDER BY id"), GeneratedJournal.Rows(second, "SELECT * FROM sim_episodes ORDER BY id"));
        Assert.Equal(GeneratedJournal.Rows(first, "SELECT * FROM sim_run ORDER BY key"), GeneratedJournal.Rows(second, "SELECT * FROM sim_run ORDER BY key"));
        Assert.NotEmpty(firstResult.Episodes);
        Assert.NotEqual(rows.Skip(1).First(), GeneratedJournal.Rows(other, JournalRows).Skip(1).First());
    }

    [Fact]
    public async Task Generator_journal_must_replay_through_the_offline_feature_builder_with_every_book_synced_and_nothing_undecoded()
    {
        var requests = new List<(string Symbol, string Reason)>();
        var settings = PipelineSettings.Default;
        var builder = new OfflineFeatureBuilder(settings, new GraphServices(
            new BinanceFrameDecoder(), new BaselineScorer(settings.Scoring), MarketFeatures.Spec, new ScreenerTelemetry(), new Requests(requests)));
        var snapshots = builder.Build(generated.Frames).ToList();

        var frames = generated.Frames;
        Assert.Equal(generated.Result.Frames, frames.Count);
        Assert.Equal(Enumerable.Range(1, frames.Count).Select(i => (long)i), frames.Select(f => f.Sequence));
        var decode = builder.Telemetry.Decode;
        Assert.Equal(frames.Count, decode.Frames);
        Assert.Equal(0, decode[DecodeOutcome.Malformed]);
        Assert.Equal(0, decode[DecodeOutcome.Unknown]);
        Assert.True(decode[DecodeOutcome.Events] > 0.99 * frames.Count);
        // Nothing broke: no gap, no stale stream, no resync asked for.
        Assert.Empty(requests);
        Assert.Equal(0, builder.Telemetry.Health.Total("gap/"));
        Assert.Equal(0, builder.Telemetry.Health.Total("stale/"));

        var symbols = SymbolCatalog.Create(4).Select(s => s.Symbol).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(symbols, snapshots.Select(s => s.Symbol).Distinct().Order(StringComparer.Ordinal));
        foreach (var symbol in snapshots.GroupBy(s => s.Symbol))
        {
            var ticks = symbol.ToList();
            // Each book syncs from the journaled snapshot within the first second and stays in sync to the end.
            var synced = ticks.FindIndex(s => !s.Quality.HasFlag(DataQuality.BookOutOfSync));
            Assert.InRange(synced, 0, 4);
            Assert.DoesNotContain(ticks.Skip(synced), s => s.Quality.HasFlag(DataQuality.BookOutOfSync));
            Assert.Equal(DataQuality.Ok, ticks[^1].Quality);
            Assert.InRange(ticks.Count, 700, 725);
        }
    }

    [Fact]
    public void Generator_must_keep_the_planted_truth_in_its_own_table_and_out_of_the_raw_frames()
    {
        var result = generated.Result;
        var episodes = EpisodeTable.Read(generated.Db);
        Assert.Equal(result.Episodes, episodes);
        Assert.True(episodes.Count >= 4, $"only {episodes.Count} episodes");
        Assert.Contains(episodes, e => e.Fired);
        Assert.Contains(episodes, e => !e.Fired);

        var run = EpisodeTable.ReadRun(generated.Db);
        var start = long.Parse(run["start_ms"]);
        var end = long.Parse(run["end_ms"]);
        Assert.Equal(180_000, end - start);
        Assert.Equal(result.Frames.ToString(), run["frames"]);
        Assert.Equal("7", run["seed"]);
        var symbols = SymbolCatalog.Create(4).Select(s => s.Symbol).ToHashSet();
        Assert.Equal(Enumerable.Range(1, episodes.Count), episodes.Select(e => e.Id));
        foreach (var e in episodes)
        {
            Assert.Contains(e.Symbol, symbols);
            Assert.True(start + 15_000 <= e.PrecursorStartMs && e.PrecursorStartMs < e.OnsetMs && e.OnsetMs < e.EndMs, e.ToString());
            Assert.InRange(e.Probability, 0.05, 0.95);
            Assert.Contains(e.Direction, new[] { -1, 1 });
            Assert.True(e.MagnitudeBps > 10, e.ToString());
            Assert.Equal(e.EndMs <= end, e.Complete);
        }

        // The journal holds raw frame batches of the node's shard and nothing else; the truth is only in the sim_ tables.
        Assert.Equal(["raw-s0|FrameBatch.v1+br|;raw;"], GeneratedJournal.Rows(generated.Db, "SELECT DISTINCT persistence_id, manifest, tags FROM journal"));
        Assert.Equal(["sim_episodes", "sim_run"], GeneratedJournal.Rows(generated.Db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sim%' ORDER BY name"));
        var frames = generated.Frames;
        Assert.Subset(new HashSet<string> { "s0/public", "s0/market", "clock" }, frames.Select(f => f.ConnectionId).ToHashSet());
        var rest = frames.Where(f => f.Kind == RawFrameKind.Rest).Select(f => Encoding.UTF8.GetString(f.Payload.Span)).ToList();
        Assert.All(rest, r => Assert.Matches("^\\{\"rest\":\"(depth|openInterest|premiumIndex|fundingInfo)\",", r));
        Assert.DoesNotContain(frames, f => Encoding.UTF8.GetString(f.Payload.Span).Contains("episode", StringComparison.OrdinalIgnoreCase));
        // Receive times follow the simulated exchange's clock, a few ms after each event.
        Assert.Equal(start, UtcTime.ToUnixMs(frames[0].TsInit));
        Assert.InRange(UtcTime.ToUnixMs(frames[^1].TsInit), end, end + 100);
    }

    [Fact]
    public async Task Generator_must_fail_with_the_journal_error_rather_than_wait_forever_when_a_write_fails()
    {
        var settings = GeneratedJournal.Settings(new GenerateRequest(Hours: 0.05, Symbols: 3, Seed: 1, EpisodeRate: 0), null);
        var db = JournalFixture.TempDb("failing.db");
        // Every write times out at once, so the journal stream fails on its first batch while the generator has hours to go.
        var journal = new Screener.Configuration.JournalSettings(RawBatchFrames: 100, RawBatchDelay: TimeSpan.FromMilliseconds(100), WriteTimeout: TimeSpan.FromTicks(1));

        var run = JournalFixture.WithSystemAsync(db, (system, _) =>
            SimJournalGenerator.RunAsync(system, db, settings, "s0", journal, null, TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.IsType<Akka.Actor.AskTimeoutException>(await Record.ExceptionAsync(() => run));
    }

    private sealed class Requests(List<(string Symbol, string Reason)> requests) : ISnapshotRequester
    {
        public void RequestSnapshot(string symbol, string reason) => requests.Add((symbol, reason));
    }
}
