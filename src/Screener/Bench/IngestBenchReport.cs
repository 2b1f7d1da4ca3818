using System.Globalization;

namespace Screener.Bench;

/// <summary>The table <c>screener bench ingest</c> prints: the measured window, then the checks that make it trustworthy.</summary>
public static class IngestBenchReport
{
    /// <summary>CPU per message the ingest half should stay under on a two-core machine.</summary>
    public const double TargetMicrosPerMessage = 1.2;

    public static void Write(TextWriter output, IngestBenchResult r)
    {
        var o = r.Options;
        var window = r.End;
        var start = r.Start;
        output.WriteLine();
        output.WriteLine($"bench ingest: {o.Symbols} symbols, {r.Connections} connections, seed {o.Seed}, tape {N(r.TapeFrames)} frames, " +
                         $"warm-up {N(o.Warmup)}, " +
                         $"{(o.ChannelCapacity is { } c ? N(c) : "default")} frames buffered per connection; {Environment.ProcessorCount} cores");
        output.WriteLine();
        output.WriteLine("  measured window");
        Row(output, "messages", N(r.MeasuredMessages));
        Row(output, "wall time", $"{r.WallSeconds:F3} s");
        Row(output, "messages/s", N((long)r.MessagesPerSecond));
        Row(output, "process CPU / message", $"{r.CpuMicrosPerMessage:F3} µs",
            $"user {r.UserMicrosPerMessage:F3} + kernel {r.KernelMicrosPerMessage:F3}; target ≤ {TargetMicrosPerMessage:F1} µs");
        Row(output, "CPU in use", $"{(window.Cpu - start.Cpu).TotalSeconds / r.WallSeconds:F2} cores");
        Row(output, "GC allocated / message", $"{r.AllocatedBytesPerMessage:F0} B");
        Row(output, "GC collections gen0/1/2", $"{window.Gen0 - start.Gen0} / {window.Gen1 - start.Gen1} / {window.Gen2 - start.Gen2}",
            $"pause {(window.GcPause - start.GcPause).TotalMilliseconds:F0} ms");
        Row(output, "thread-pool items / message", $"{r.WorkItemsPerMessage:F2}");
        Row(output, "lock contentions", N(window.LockContentions - start.LockContentions));
        output.WriteLine();
        output.WriteLine("  verification (whole run)");
        Row(output, "tape messages processed", $"{N(r.Messages)} / {N(r.TapeFrames)}");
        Row(output, "frames received", N(r.FramesReceived), $"incl. {N(r.RestFrames)} REST snapshots and the control replies and status frames");
        Row(output, "decoded: events/control", $"{N(r.DecodedEvents)} / {N(r.DecodedControl)}");
        Row(output, "decoded: unknown/malformed", $"{N(r.DecodedUnknown)} / {N(r.DecodedMalformed)}");
        Row(output, "books synced", $"{N(r.BooksSynced)} / {N(o.Symbols)}", $"{N(r.Snapshots)} snapshots of {r.DepthSnapshotLimit} levels, {N(r.SnapshotsRejected)} rejected");
        Row(output, "book diffs applied", N(r.DiffsUsed), $"{N(r.DiffsApplied)} live + {N(r.DiffsChained)} buffered, chained at the snapshot");
        Row(output, "diffs ignored/waiting", $"{N(r.DiffsIgnored)} / {N(r.DiffsWaiting)}");
        Row(output, "gaps", N(r.Gaps));
        Row(output, "trades/book tops/marks/liq.", $"{N(r.Trades)} / {N(r.BookTops)} / {N(r.MarkPrices)} / {N(r.Liquidations)}",
            $"{N(r.Duplicates)} duplicates");
        Row(output, "disconnects", N(r.Disconnects));
        if (r.ChildStopped is { } stopped) Row(output, "blaster", stopped);
        var failures = r.Failures();
        output.WriteLine();
        output.WriteLine(failures.Count == 0
            ? "  checks passed: every tape message was received, decoded and processed; every book synced without a gap."
            : "  CHECKS FAILED: " + string.Join("; ", failures) + ".");
    }

    /// <summary>One table row: name, right-aligned value, optional note; shared by every bench table.</summary>
    internal static void Row(TextWriter output, string name, string value, string? note = null) =>
        output.WriteLine(note is null ? $"  {name,-30} {value,18}" : $"  {name,-30} {value,18}   {note}");

    internal static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
