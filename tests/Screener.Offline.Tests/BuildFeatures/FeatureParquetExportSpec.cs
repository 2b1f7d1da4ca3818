using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit.Xunit2;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Binance.Normalise;
using Screener.Contracts;
using Screener.Offline.BuildFeatures;
using Screener.Offline.Tests.Support;
using Screener.Pipeline;
using Screener.Storage.Journal;
using Xunit.Abstractions;

namespace Screener.Offline.Tests.BuildFeatures;

/// <summary>
/// A raw journal (a simulator session recorded into SQLite) to a feature file: the rows are the builder's snapshots of
/// the frames asked for, the footer says where they came from, the same journal gives the same bytes, and the file is
/// written while the journal is still being read.
/// </summary>
public sealed class FeatureParquetExportSpec(ITestOutputHelper output) : TestKit(OfflineTestConfig.Create(), output: output)
{
    private const string Shard = "s0";
    private const int RowGroupRows = 500;
    private static readonly PipelineSettings Settings = PipelineSettings.Default;
    private static readonly Lazy<List<RawFrame>> Frames = new(() => SimSession.Record(new SimSessionOptions(Steps: 400)));

    [Fact]
    public async Task FeatureParquetExport_must_write_the_builder_snapshots_of_a_journal_with_its_source_in_the_metadata()
    {
        var frames = Frames.Value;
        var reader = await JournalOf(frames);
        var expected = Builder().Build(frames).ToList();
        var progress = new FeatureBuildProgress();

        var (bytes, summary) = await ExportAsync(reader.RawFrames(Shard).RunAsAsyncEnumerable(Sys.Materializer()), FrameRange.All, progress);
        var file = await FeatureParquetFile.ReadAsync(bytes);

        SnapshotAssert.IdenticalInOrder(expected, file.Rows);
        Assert.Equal((frames.Count, frames.Count, 1, frames.Count, 1, expected.Count, (expected.Count + RowGroupRows - 1) / RowGroupRows),
            (summary.FramesRead, summary.FramesBuilt, summary.FirstSequence, summary.LastSequence, summary.Runs, summary.Rows, summary.RowGroups));
        Assert.Equal(expected.GroupBy(s => s.Symbol).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, (long)g.Count())),
            summary.SnapshotsPerSymbol);
        Assert.Equal((frames.Count, frames.Count, (long)expected.Count), (progress.FramesRead, progress.FramesBuilt, progress.Snapshots));
        var metadata = file.Metadata;
        Assert.Equal("journal.db", metadata["screener.source.journal"]);
        Assert.Equal("raw-s0", metadata["screener.source.persistence_id"]);
        Assert.Equal("..", metadata["screener.source.requested_range"]);
        Assert.Equal($"1..{frames.Count}", metadata["screener.source.frame_range"]);
        Assert.Equal(frames.Count.ToString(), metadata["screener.source.frames"]);
        Assert.Equal("1", metadata["screener.source.runs"]);
        Assert.Equal("250", metadata["screener.pipeline.cadence_ms"]);
        Assert.Equal("20", metadata["screener.pipeline.warm_up_ticks"]);
        Assert.Equal(MarketFeatures.Spec.Hash, metadata["screener.feature_spec.hash"]);
    }

    [Fact]
    public async Task FeatureParquetExport_must_write_byte_identical_files_from_the_same_journal_twice()
    {
        var reader = await JournalOf(Frames.Value);

        var first = await ExportAsync(reader.RawFrames(Shard).RunAsAsyncEnumerable(Sys.Materializer()), FrameRange.All);
        var second = await ExportAsync(reader.RawFrames(Shard).RunAsAsyncEnumerable(Sys.Materializer()), FrameRange.All);

        Assert.True(first.Summary.Rows > 500, $"{first.Summary.Rows} rows");
        Assert.True(first.Bytes.AsSpan().SequenceEqual(second.Bytes), "the two files differ");
    }

    [Fact]
    public async Task FeatureParquetExport_must_build_only_the_frames_in_the_range_and_say_which_it_built()
    {
        var frames = Frames.Value;
        var range = new FrameRange(frames.Count / 4, frames.Count * 3 / 4);
        var expected = Builder().Build(frames.Where(f => range.Contains(f.Sequence))).ToList();

        var (bytes, summary) = await ExportAsync(Async(frames), range);
        var file = await FeatureParquetFile.ReadAsync(bytes);

        Assert.NotEmpty(expected);
        SnapshotAssert.IdenticalInOrder(expected, file.Rows);
        Assert.Equal((frames.Count, range.To!.Value - range.From!.Value + 1, range.From.Value, range.To.Value, 1),
            (summary.FramesRead, summary.FramesBuilt, summary.FirstSequence, summary.LastSequence, summary.Runs));
        Assert.Equal($"{range.From}..{range.To}", file.Metadata["screener.source.requested_range"]);
        Assert.Equal($"{range.From}..{range.To}", file.Metadata["screener.source.frame_range"]);

        var past = await ExportAsync(Async(frames), new FrameRange(From: frames.Count + 1));
        var empty = await FeatureParquetFile.ReadAsync(past.Bytes);
        Assert.Equal((frames.Count, 0, 0L, 0), (past.Summary.FramesRead, past.Summary.FramesBuilt, past.Summary.Rows, past.Summary.RowGroups));
        Assert.Empty(empty.Rows);
        Assert.Equal("", empty.Metadata["screener.source.frame_range"]);
        Assert.Equal($"{frames.Count + 1}..", empty.Metadata["screener.source.requested_range"]);
    }

    [Fact]
    public async Task FeatureParquetExport_must_count_the_node_runs_a_journal_holds_where_sequence_numbers_start_again()
    {
        // Two runs of a quiet node on one journal: heartbeats numbered 1..10, then 1..10 again, a second apart.
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var frames = Enumerable.Range(0, 20).Select(i => RawFrame.Heartbeat(start + i * TimeSpan.TicksPerSecond) with { Sequence = i % 10 + 1 }).ToList();

        var (bytes, summary) = await ExportAsync(Async(frames), new FrameRange(3, 8));
        var file = await FeatureParquetFile.ReadAsync(bytes);

        Assert.Equal((20, 12, 3, 8, 2), (summary.FramesRead, summary.FramesBuilt, summary.FirstSequence, summary.LastSequence, summary.Runs));
        Assert.Equal("2", file.Metadata["screener.source.runs"]);
        Assert.Equal("12", file.Metadata["screener.source.frames"]);
    }

    [Fact]
    public async Task FeatureParquetExport_must_write_row_groups_while_the_journal_is_still_being_read()
    {
        var frames = Frames.Value;
        var progress = new FeatureBuildProgress();
        var output = new WatchedStream(() => progress.FramesRead);

        var summary = await FeatureParquetExport.RunAsync(Async(frames), output, Builder(), SourceOf(FrameRange.All), progress, rowGroupRows: 100);

        Assert.True(summary.RowGroups >= 5, $"{summary.RowGroups} row groups");
        Assert.NotNull(output.FramesReadAtFirstRowGroup);
        Assert.InRange(output.FramesReadAtFirstRowGroup!.Value, 1, frames.Count / 2);
    }

    private static OfflineFeatureBuilder Builder() =>
        new(Settings, OfflineFeatureBuilder.OfflineServices(new BinanceFrameDecoder(), new BaselineScorer(Settings.Scoring), MarketFeatures.Spec));

    private static FeatureSource SourceOf(FrameRange range) => new("journal.db", JournalSinks.RawId(Shard), range);

    private static async Task<(byte[] Bytes, FeatureParquetSummary Summary)> ExportAsync(
        IAsyncEnumerable<RawFrame> journal, FrameRange range, FeatureBuildProgress? progress = null)
    {
        var stream = new MemoryStream();
        var summary = await FeatureParquetExport.RunAsync(journal, stream, Builder(), SourceOf(range), progress, rowGroupRows: RowGroupRows);
        return (stream.ToArray(), summary);
    }

    private static async IAsyncEnumerable<RawFrame> Async(IEnumerable<RawFrame> frames)
    {
        foreach (var frame in frames)
        {
            await Task.CompletedTask;
            yield return frame;
        }
    }

    private async Task<JournalReader> JournalOf(IReadOnlyList<RawFrame> frames)
    {
        await Source.From(frames).RunWith(
            JournalSinks.RawFrames(Sys, Shard, 1_000, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10)), Sys.Materializer());
        return new JournalReader(Sys);
    }

    /// <summary>A seekable in-memory output that notes how many frames had been read when the first row group reached it.</summary>
    private sealed class WatchedStream(Func<long> framesRead) : MemoryStream
    {
        /// <summary>Past the leading magic and the first row group's first column chunk header.</summary>
        private const int FirstRowGroupBytes = 64;

        public long? FramesReadAtFirstRowGroup { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            base.Write(buffer, offset, count);
            Note();
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            base.Write(buffer);
            Note();
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            base.Write(buffer, offset, count);
            Note();
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            base.Write(buffer.Span);
            Note();
            return ValueTask.CompletedTask;
        }

        public override void WriteByte(byte value)
        {
            base.WriteByte(value);
            Note();
        }

        private void Note()
        {
            if (FramesReadAtFirstRowGroup is null && Length > FirstRowGroupBytes) FramesReadAtFirstRowGroup = framesRead();
        }
    }
}
