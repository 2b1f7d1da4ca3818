using System.Globalization;
using System.Text.Json;
using static Screener.Bench.IngestBenchReport;

namespace Screener.Bench;

/// <summary>What <c>screener bench inference</c> prints: a table, or with <c>--json</c> one JSON object of the same figures.</summary>
public static class InferenceBenchReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Write(TextWriter output, InferenceBenchResult r)
    {
        var m = r.Model;
        var s = r.Scoring;
        var k = r.Ranking;
        output.WriteLine();
        output.WriteLine($"bench inference: {m.Algorithm}, {m.Trees} trees × {m.Leaves} leaves, {m.Heads} heads (classifier + regressor each), " +
                         $"ONNX {N(m.OnnxBytes)} B; {Environment.ProcessorCount} cores, one thread" +
                         (r.LoadAverage is { } load ? $", load average {load:F2} at start" : ""));
        output.WriteLine($"  model {m.ModelVersion} ({r.ModelFolder}); test AUC mean {m.MeanTestAuc:F4}, lowest head {m.MinTestAuc:F4}");
        output.WriteLine();
        output.WriteLine("  per snapshot: SymbolScorer.Score (live costs, every head, calibration, attributions, gates)");
        Row(output, "pool", $"{N(r.PoolSize)} snapshots", $"{r.PoolSymbols} simulated symbols, seed {r.PoolSeed}, clean and synced, 5 min in");
        Row(output, "timed calls", N(s.Latency.Count), $"after {N(r.Options.Warmup)} warm-up calls; {s.GatedShare:P1} gated");
        Latency(output, s.Latency);
        Row(output, "allocated / call", $"{s.AllocatedBytesPerCall:F0} B");
        Row(output, "GC collections gen0/1/2", s.Collections.ToString());
        Target(output, $"p99 ≤ {InferenceBenchResult.TargetSnapshotP99Micros:F0} µs", s.Latency.P99, InferenceBenchResult.TargetSnapshotP99Micros);
        output.WriteLine();
        output.WriteLine($"  ranking tick at {k.Symbols} symbols: the RankRounds.Add completing a round (conflation, aggregation, reasons, top-K)");
        Row(output, "timed rounds", N(k.Tick.Count), $"after {N(r.Options.RankWarmup)} warm-up rounds; {k.EventsPerTick:F2} rank events, {k.BoardEntries:F1} on the board per round");
        Latency(output, k.Tick);
        Row(output, "allocated / tick", $"{k.AllocatedBytesPerTick / 1024:F1} KiB");
        if (k.TickWithoutGc is { } quiet)
            Row(output, "ticks without a GC", $"{N(quiet.Count)} of {N(k.Tick.Count)}", $"median {F(quiet.Median)}, p99 {F(quiet.P99)}, max {F(quiet.Max)} µs");
        Row(output, "other adds / round", $"{F(k.OtherAdds.Median)} µs", $"median of the round's other {k.Symbols - 1} adds together; p99 {F(k.OtherAdds.P99)} µs");
        Row(output, "GC collections gen0/1/2", k.Collections.ToString(), "building the rounds' outputs included");
        Target(output, $"p99 ≤ {InferenceBenchResult.TargetTickP99Micros:F0} µs", k.Tick.P99, InferenceBenchResult.TargetTickP99Micros);
    }

    public static void WriteJson(TextWriter output, InferenceBenchResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var document = new
        {
            machine = new { cores = Environment.ProcessorCount, loadAverage = r.LoadAverage, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = Environment.Version.ToString() },
            options = r.Options,
            model = r.Model,
            pool = new { snapshots = r.PoolSize, symbols = r.PoolSymbols, seed = r.PoolSeed },
            snapshot = new
            {
                latencyMicros = r.Scoring.Latency,
                allocatedBytesPerCall = r.Scoring.AllocatedBytesPerCall,
                gatedShare = r.Scoring.GatedShare,
                collections = r.Scoring.Collections,
                targetP99Micros = InferenceBenchResult.TargetSnapshotP99Micros,
                targetMet = r.SnapshotTargetMet,
            },
            rankingTick = new
            {
                symbols = r.Ranking.Symbols,
                latencyMicros = r.Ranking.Tick,
                withoutGcMicros = r.Ranking.TickWithoutGc,
                otherAddsMicros = r.Ranking.OtherAdds,
                allocatedBytesPerTick = r.Ranking.AllocatedBytesPerTick,
                eventsPerTick = r.Ranking.EventsPerTick,
                boardEntries = r.Ranking.BoardEntries,
                collections = r.Ranking.Collections,
                targetP99Micros = InferenceBenchResult.TargetTickP99Micros,
                targetMet = r.TickTargetMet,
            },
        };
        output.WriteLine(JsonSerializer.Serialize(document, Indented));
    }

    private static void Latency(TextWriter output, LatencyStats l)
    {
        Row(output, "median / p90", $"{F(l.Median)} / {F(l.P90)} µs");
        Row(output, "p99 / p99.9", $"{F(l.P99)} / {F(l.P999)} µs");
        Row(output, "max / mean", $"{F(l.Max)} / {F(l.Mean)} µs");
    }

    private static void Target(TextWriter output, string target, double value, double limit) =>
        Row(output, "target " + target, value <= limit ? "met" : "MISSED", value <= limit ? null : $"by {F(value - limit)} µs ({value / limit:F2}×)");

    private static string F(double micros) => micros.ToString(micros < 100 ? "F2" : "F1", CultureInfo.InvariantCulture);
}
