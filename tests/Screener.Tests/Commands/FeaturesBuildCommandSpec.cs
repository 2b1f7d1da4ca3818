using Akka.Streams;
using Akka.Streams.Dsl;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Binance.Normalise;
using Screener.Configuration;
using Screener.Contracts;
using Screener.Offline.BuildFeatures;
using Screener.Offline.Tests.Support;
using Screener.Storage.Journal;
using static Screener.Tests.Commands.CliProcess;

namespace Screener.Tests.Commands;

/// <summary>A simulator session recorded into a SQLite raw journal once for the class, and its frames.</summary>
public sealed class SimJournalFixture : IAsyncLifetime
{
    public string Db { get; } = JournalFixture.TempDb("sim.db");

    internal List<RawFrame> Frames { get; } = SimSession.Record(new SimSessionOptions(Steps: 400));

    public Task InitializeAsync() =>
        JournalFixture.WithSystemAsync(Db, async (system, _) =>
        {
            await Source.From(Frames).RunWith(
                JournalSinks.RawFrames(system, "s0", 1_000, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10)), system.Materializer());
            return 0;
        });

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary><c>screener features build</c> run as a real process over a recorded journal: the file it leaves, what it prints, and how it fails.</summary>
public sealed class FeaturesBuildCommandSpec(SimJournalFixture journal) : IClassFixture<SimJournalFixture>
{
    [Fact]
    public async Task Features_build_must_write_the_journal_features_as_parquet_and_print_a_summary()
    {
        var output = Path.Combine(Folder(), "out", "features.parquet");

        var (exit, stdout, stderr) = await RunAsync("features", "build", "--db", journal.Db, "--out", output);

        Assert.True(exit == 0, stderr);
        var expected = Expected(journal.Frames);
        var file = await FeatureParquetFile.ReadAsync(await File.ReadAllBytesAsync(output));
        SnapshotAssert.IdenticalInOrder(expected, file.Rows);
        Assert.False(File.Exists(output + ".partial"));
        Assert.Equal(Path.GetFullPath(journal.Db), file.Metadata["screener.source.journal"]);
        Assert.Equal("raw-s0", file.Metadata["screener.source.persistence_id"]);
        Assert.Equal($"1..{journal.Frames.Count}", file.Metadata["screener.source.frame_range"]);

        var lines = stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains($"wrote {output}: {expected.Count:N0} rows in 1 row group(s), {new FileInfo(output).Length:N0} bytes", lines);
        Assert.Contains($"feature spec market-v1, hash {MarketFeatures.Spec.Hash}, 66 feature columns", lines);
        Assert.Contains($"journal {Path.GetFullPath(journal.Db)} raw-s0: frames 1..{journal.Frames.Count}, {journal.Frames.Count:N0} built of {journal.Frames.Count:N0} read, 1 node run(s)", lines);
        foreach (var symbol in expected.GroupBy(s => s.Symbol))
            Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var name, var count] && name == symbol.Key && count == $"{symbol.Count():N0}");
        Assert.Contains($"features: {journal.Frames.Count:N0} frames read, {journal.Frames.Count:N0} built, {expected.Count:N0} snapshots written", stderr);
    }

    [Fact]
    public async Task Features_build_must_build_only_the_frames_between_from_seq_and_to_seq()
    {
        var output = Path.Combine(Folder(), "range.parquet");
        var (from, to) = (journal.Frames.Count / 3, journal.Frames.Count * 2 / 3);

        var (exit, stdout, stderr) = await RunAsync("features", "build", "--db", journal.Db, "--out", output, "--from-seq", $"{from}", "--to-seq", $"{to}");

        Assert.True(exit == 0, stderr);
        var file = await FeatureParquetFile.ReadAsync(await File.ReadAllBytesAsync(output));
        SnapshotAssert.IdenticalInOrder(Expected(journal.Frames.Where(f => f.Sequence >= from && f.Sequence <= to)), file.Rows);
        Assert.Equal($"{from}..{to}", file.Metadata["screener.source.requested_range"]);
        Assert.Equal($"{from}..{to}", file.Metadata["screener.source.frame_range"]);
        Assert.Contains($"frames {from}..{to}, {to - from + 1:N0} built of {journal.Frames.Count:N0} read", stdout);
    }

    [Fact]
    public async Task Features_build_must_refuse_a_wrong_command_line_or_a_missing_journal_with_exit_code_2()
    {
        var folder = Folder();
        var output = Path.Combine(folder, "never.parquet");
        string[][] wrong =
        [
            ["features", "build", "--db", journal.Db],
            ["features", "build", "--db", Path.Combine(folder, "nope.db"), "--out", output],
            ["features", "build", "--db", journal.Db, "--out", output, "--from-seq", "20", "--to-seq", "10"],
            ["features", "build", "--db", journal.Db, "--out", output, "--from-seq", "0"],
            ["features", "build", "--db", journal.Db, "--out", output, "--to-seq", "ten"],
            ["features", "build", "--db", journal.Db, "--out", output, "--shard", "s9"],
        ];
        string[] says = ["--out FILE.parquet is required", "No journal at", "start is past its end", "start at 1", "--to-seq expects a whole number", "no raw journal for shard 's9' (it has: s0)"];

        var results = await Task.WhenAll(wrong.Select(args => RunAsync(args)));

        for (var i = 0; i < wrong.Length; i++)
        {
            Assert.True(results[i].ExitCode == 2, $"{string.Join(' ', wrong[i])}: exit {results[i].ExitCode}, {results[i].Stderr}");
            Assert.Contains(says[i], results[i].Stderr);
        }
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task Features_build_must_fail_with_exit_code_1_and_leave_no_file_for_an_empty_journal_an_empty_range_or_an_unwritable_output()
    {
        var folder = Folder();
        // One output each: two runs writing the same output at once would meet on its partial file.
        var output = Path.Combine(folder, "never-{0}.parquet");
        var empty = JournalFixture.TempDb("empty.db");
        await File.WriteAllBytesAsync(empty, []);
        var notADirectory = Path.Combine(folder, "file");
        await File.WriteAllTextAsync(notADirectory, "in the way");
        var notAJournal = Path.Combine(folder, "text.db");
        await File.WriteAllTextAsync(notAJournal, new string('x', 200));
        string[][] failing =
        [
            ["features", "build", "--db", empty, "--out", string.Format(output, 1)],
            ["features", "build", "--db", journal.Db, "--out", string.Format(output, 2), "--from-seq", $"{journal.Frames.Count + 1}"],
            ["features", "build", "--db", journal.Db, "--out", folder],
            ["features", "build", "--db", journal.Db, "--out", Path.Combine(notADirectory, "f.parquet")],
            ["features", "build", "--db", notAJournal, "--out", string.Format(output, 5)],
        ];
        string[] says =
        [
            "holds no raw frames", $"None of the {journal.Frames.Count:N0} frames of raw-s0 has a sequence number in {journal.Frames.Count + 1}..",
            "it is a directory", $"Cannot write '{Path.Combine(notADirectory, "f.parquet")}'", "is not a SQLite journal",
        ];

        var results = await Task.WhenAll(failing.Select(args => RunAsync(args)));

        for (var i = 0; i < failing.Length; i++)
        {
            Assert.True(results[i].ExitCode == 1, $"{string.Join(' ', failing[i])}: exit {results[i].ExitCode}, {results[i].Stderr}");
            Assert.Contains(says[i], results[i].Stderr);
            Assert.DoesNotContain("   at ", results[i].Stderr);
        }
        Assert.Equal([notADirectory, notAJournal], Directory.GetFiles(folder).Order(StringComparer.Ordinal));
    }

    /// <summary>What the builder makes of the frames in-process, with the settings the command reads.</summary>
    private static List<FeatureSnapshot> Expected(IEnumerable<RawFrame> frames)
    {
        var settings = SettingsReader.Pipeline(HoconFiles.Load("", "sqlite"));
        var builder = new OfflineFeatureBuilder(settings,
            OfflineFeatureBuilder.OfflineServices(new BinanceFrameDecoder(), new BaselineScorer(settings.Scoring), MarketFeatures.Spec));
        return builder.Build(frames).ToList();
    }

    private static string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "screener-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
