using System.Text;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit.Xunit2;
using Screener.Contracts;
using Screener.Storage.Journal;

namespace Screener.Storage.Tests.Journal;

public sealed class JournalSinksSpec() : TestKit(StorageConfig.For(StorageConfig.NewDb()))
{
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RawFrames_must_batch_frames_and_read_back_every_frame_in_sequence_order()
    {
        var frames = Enumerable.Range(1, 2_500).Select(i => Frame(i)).ToList();

        await Source.From(frames).RunWith(JournalSinks.RawFrames(Sys, "t1", 1_000, TimeSpan.FromSeconds(1), WriteTimeout), Sys.Materializer());
        var reader = new JournalReader(Sys);
        var back = await reader.RawFrames("t1").RunWith(Sink.Seq<RawFrame>(), Sys.Materializer());
        var stats = (await reader.StatsAsync()).Single(s => s.PersistenceId == "raw-t1");

        Assert.Equal(frames, back);
        Assert.Equal(3, stats.Events);
        Assert.Equal(2_500, stats.Frames);
        Assert.Equal(3, stats.Tags[JournalSinks.RawTag]);
    }

    [Fact]
    public async Task RawShards_must_list_the_shards_with_a_raw_journal_and_nothing_else()
    {
        var reader = new JournalReader(Sys);
        Assert.Empty(await reader.RawShardsAsync());

        await Source.From(Enumerable.Range(1, 3).Select(Frame)).RunWith(JournalSinks.RawFrames(Sys, "s1", 10, TimeSpan.FromMilliseconds(100), WriteTimeout), Sys.Materializer());
        await Source.From(Enumerable.Range(1, 2).Select(Frame)).RunWith(JournalSinks.RawFrames(Sys, "s0", 10, TimeSpan.FromMilliseconds(100), WriteTimeout), Sys.Materializer());
        await Source.From(Enumerable.Range(1, 2).Select(Rank)).RunWith(JournalSinks.Events<RankEvent>(Sys, "ranks-raw", "ranks", WriteTimeout), Sys.Materializer());

        Assert.Equal(["s0", "s1"], await reader.RawShardsAsync());
    }

    [Fact]
    public async Task Events_must_append_after_existing_events_when_a_new_writer_takes_over_the_same_journal()
    {
        var first = Enumerable.Range(1, 3).Select(Rank).ToList();
        var second = Enumerable.Range(4, 2).Select(Rank).ToList();

        await Source.From(first).RunWith(JournalSinks.Events<RankEvent>(Sys, "ranks-a", "ranks", WriteTimeout), Sys.Materializer());
        await AwaitConditionAsync(() => WriterStoppedAsync("journal-ranks-a"), TimeSpan.FromSeconds(5));
        await Source.From(second).RunWith(JournalSinks.Events<RankEvent>(Sys, "ranks-a", "ranks", WriteTimeout), Sys.Materializer());

        var back = await new JournalReader(Sys).ReadAllAsync<RankEvent>("ranks-a");
        Assert.Equal(first.Concat(second), back);
        var stats = (await new JournalReader(Sys).StatsAsync()).Single(s => s.PersistenceId == "ranks-a");
        Assert.Equal(5, stats.HighestSequenceNr);
    }

    private async Task<bool> WriterStoppedAsync(string name)
    {
        try
        {
            await Sys.ActorSelection($"/user/{name}").ResolveOne(TimeSpan.FromMilliseconds(200));
            return false;
        }
        catch (Akka.Actor.ActorNotFoundException)
        {
            return true;
        }
    }

    private static RawFrame Frame(int i) =>
        new($"s0/{(i % 2 == 0 ? "public" : "market")}", i, 639_310_734_837_143_584 + i, RawFrameKind.WebSocket,
            Encoding.UTF8.GetBytes($"{{\"stream\":\"btcusdt@aggTrade\",\"data\":{{\"a\":{i}}}}}"));

    private static RankEvent Rank(int i) =>
        new(i, RankEventKind.SymbolEnter, $"S{i}USDT", 1, i * 1.5, "maker", 300, "baseline-volflow-v1", EquatableArray.Create("SCORE_ABOVE_ENTER"), "IN PLAY");
}
