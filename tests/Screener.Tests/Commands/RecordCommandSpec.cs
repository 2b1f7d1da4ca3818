using System.Diagnostics;
using System.Text.RegularExpressions;
using Akka.Streams;
using Akka.Streams.Dsl;
using Screener.Binance.Normalise;
using Screener.Binance.Transport;
using Screener.Binance.Universe;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Time;
using Screener.Offline.Tests.Support;
using Screener.Sim.Server;
using Screener.Storage.Journal;
using Xunit.Abstractions;
using static Screener.Tests.Commands.CliProcess;

namespace Screener.Tests.Commands;

/// <summary>
/// <c>screener record</c> run as a real process against the simulated exchange on loopback (in its own process or
/// started separately), its journal read back like a node's, and its refusals.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed partial class RecordCommandSpec(ITestOutputHelper output)
{
    [Fact]
    public async Task Record_must_journal_the_in_process_simulator_for_its_duration_so_features_build_reads_it_like_a_node_journal()
    {
        var db = JournalFixture.TempDb("record.db");
        var parquet = Path.Combine(Path.GetDirectoryName(db)!, "features.parquet");

        var (exit, stdout, stderr) = await RunAsync("record", "--exchange", "sim", "--symbols", "3", "--duration", "5s", "--db", db);

        output.WriteLine(stdout + stderr);
        Assert.True(exit == 0, stderr);
        Assert.Contains("recording 3 symbols (BTCUSDT ETHUSDT SOLUSDT)", stderr);
        Assert.Matches(@"up 00:00:0\d  frames \d+  connections \d/2 up", stderr);
        var journaled = Journaled(stdout);
        var (stats, frames) = await ReadJournalAsync(db);
        Assert.Equal([JournalSinks.RawId("s0")], stats.Select(s => s.PersistenceId));
        Assert.Equal(journaled, stats[0].Frames);
        var recorded = Recorded(frames);
        Assert.Equal(["BTCUSDT", "ETHUSDT", "SOLUSDT"], recorded.Symbols);
        Assert.Equal(["BTCUSDT", "ETHUSDT", "SOLUSDT"], recorded.Snapshots);
        Assert.Equal(Enumerable.Range(1, frames.Count).Select(n => (long)n), frames.Select(f => f.Sequence));

        var build = await RunAsync("features", "build", "--db", db, "--out", parquet);

        Assert.True(build.ExitCode == 0, build.Stderr);
        Assert.Contains($"raw-s0: frames 1..{journaled}, {journaled:N0} built of {journaled:N0} read, 1 node run(s)", build.Stdout);
        var file = await FeatureParquetFile.ReadAsync(await File.ReadAllBytesAsync(parquet));
        Assert.Equal(["BTCUSDT", "ETHUSDT", "SOLUSDT"], file.Rows.Select(r => r.Symbol).Distinct().Order(StringComparer.Ordinal));
        // Each book was synced from a journaled snapshot by the end: the recording holds what the features need.
        foreach (var symbol in file.Rows.GroupBy(r => r.Symbol))
            Assert.False(symbol.Last().Quality.HasFlag(DataQuality.BookOutOfSync), $"{symbol.Key}: {symbol.Last().Quality}");
    }

    [Fact]
    public async Task Record_must_journal_a_separately_started_simulator_named_by_ws_and_rest_until_sigterm()
    {
        await using var sim = await SimExchange.StartAsync(new SimSettings { Seed = 7, SymbolCount = 12 });
        var top = await TopByVolumeAsync(sim.RestBase, 2);
        var db = JournalFixture.TempDb("external.db");
        var start = new ProcessStartInfo("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "screener.dll"), "record", "--ws", sim.WebSocketBase.ToString(), "--rest", sim.RestBase.ToString(), "--symbols", "2", "--db", db])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(db)!,
        };
        using var process = Process.Start(start)!;
        var stderr = new List<string>();
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } l) lock (stderr) stderr.Add(l); };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!Any(stderr, l => l.Contains("connections 2/2 up", StringComparison.Ordinal) && !l.Contains("frames 0 ", StringComparison.Ordinal)))
            {
                Assert.False(process.HasExited, $"record exited early: {string.Join('\n', stderr)}");
                Assert.True(DateTime.UtcNow < deadline, $"no connection came up within 30 s: {string.Join('\n', stderr)}");
                await Task.Delay(100);
            }

            Assert.Equal(0, Kill(process.Id, 15));
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(40)).Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        var printed = await stdout;
        lock (stderr) output.WriteLine(printed + string.Join('\n', stderr));
        Assert.Equal(0, process.ExitCode);
        Assert.Contains(stderr, l => l.StartsWith("SIGTERM: stopping", StringComparison.Ordinal));
        Assert.Contains($"recording 2 symbols ({string.Join(' ', top)}) from {sim.WebSocketBase} and {sim.RestBase}", string.Join('\n', stderr));
        var (stats, frames) = await ReadJournalAsync(db);
        Assert.Equal(Journaled(printed), Assert.Single(stats).Frames);
        var recorded = Recorded(frames);
        Assert.Equal(top, recorded.Symbols);
        Assert.Equal(top, recorded.Snapshots);
        Assert.Contains(frames, f => f.ConnectionId == "s0/market" && f.Kind == RawFrameKind.WebSocket);
    }

    [Fact]
    public async Task Record_must_refuse_bad_arguments_and_an_unreachable_endpoint_with_a_one_line_reason_and_a_non_zero_exit()
    {
        var folder = Path.GetDirectoryName(JournalFixture.TempDb("none.db"))!;
        var db = Path.Combine(folder, "never.db");
        string[][] wrong =
        [
            ["record", "--db", db],
            ["record", "--exchange", "nasdaq", "--db", db],
            ["record", "--exchange", "sim", "--ws", "ws://127.0.0.1:9100", "--db", db],
            ["record", "--ws", "ws://127.0.0.1:9100", "--db", db],
            ["record", "--ws", "http://127.0.0.1:9100", "--rest", "http://127.0.0.1:9100", "--db", db],
            ["record", "--exchange", "sim", "--duration", "ten", "--db", db],
            ["record", "--exchange", "sim", "--symbol", "3", "--db", db],
            ["record", "--exchange", "binance", "--faults", "gap-every=5s", "--db", db],
            ["record", "--exchange", "sim", "--symbols", "0", "--db", db],
            ["record", "--ws", "ws://127.0.0.1:1", "--rest", "http://127.0.0.1:1", "--duration", "5s", "--db", db],
        ];
        (int Exit, string Says)[] expected =
        [
            (2, "record needs an endpoint: --exchange binance, --exchange sim, or --ws URL --rest URL."),
            (2, "--exchange must be binance or sim, got 'nasdaq'."),
            (2, "Give either --exchange or --ws and --rest, not both."),
            (2, "--ws and --rest go together"),
            (2, "--ws expects an absolute ws:// or wss:// URL, got 'http://127.0.0.1:9100'."),
            (2, "--duration expects a duration like 20s, 500ms, 5m or 00:00:20, got 'ten'."),
            (2, "Unknown option(s): --symbol."),
            (2, "--seed and --faults apply to --exchange sim only."),
            (2, "--symbols must be at least 1, was 0."),
            (1, "cannot read the symbol universe from http://127.0.0.1:1/: Connection refused"),
        ];

        var results = await Task.WhenAll(wrong.Select(args => RunAsync(args)));

        for (var i = 0; i < wrong.Length; i++)
        {
            var (exit, _, stderr) = results[i];
            var args = string.Join(' ', wrong[i]);
            Assert.True(exit == expected[i].Exit, $"{args}: exit {exit}, {stderr}");
            Assert.StartsWith($"error: {expected[i].Says}", stderr);
            Assert.DoesNotContain("   at ", stderr);
        }
        Assert.DoesNotContain("\n", results[^1].Stderr.TrimEnd());
        Assert.False(File.Exists(db), "a refused or unreachable recording must not create a journal");
    }

    private static long Journaled(string stdout) => long.Parse(JournaledPattern().Match(stdout) is { Success: true } m
        ? m.Groups[1].Value
        : throw new Xunit.Sdk.XunitException($"no 'journaled N frames' line in: {stdout}"));

    private static Task<(IReadOnlyList<JournalStats> Stats, List<RawFrame> Frames)> ReadJournalAsync(string db) =>
        JournalFixture.WithSystemAsync(db, async (system, reader) =>
            (await reader.StatsAsync(), (await reader.RawFrames("s0").RunWith(Sink.Seq<RawFrame>(), system.Materializer())).ToList()));

    /// <summary>The symbols the frames carry market data for, and those with a depth snapshot, each in ordinal order.</summary>
    private static (List<string> Symbols, List<string> Snapshots) Recorded(IEnumerable<RawFrame> frames)
    {
        var decoder = new BinanceFrameDecoder();
        var events = new List<MarketEvent>();
        foreach (var frame in frames) decoder.Decode(frame, events);
        List<string> Names(IEnumerable<MarketEvent> e) => e.Select(x => x.Symbol).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        return (Names(events), Names(events.OfType<DepthSnapshot>()));
    }

    /// <summary>What the universe's top-N by 24 h quote volume is on that exchange, read as the connector reads it.</summary>
    private static async Task<List<string>> TopByVolumeAsync(Uri rest, int n)
    {
        using var client = new BinanceRestClient(new BinanceRestSettings { BaseUri = rest }, SystemClock.Instance);
        var universe = await UniverseBuilder.BuildAsync(client, UniverseSettings.Default with { Top = n });
        return universe.Names.ToList();
    }

    private static bool Any(List<string> lines, Func<string, bool> match)
    {
        lock (lines) return lines.Any(match);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"^journaled (\d+) frames", RegexOptions.Multiline)]
    private static partial Regex JournaledPattern();
}
