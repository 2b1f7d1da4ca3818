using System.Diagnostics;
using Screener.Sim.Faults;
using Screener.Sim.Market.Episodes;
using Screener.Sim.Server;

namespace Screener.Commands;

/// <summary>
/// <c>screener sim</c>: the simulated exchange alone on 127.0.0.1, until Ctrl+C, <c>--duration</c> or, with
/// <c>--until-stdin-closes</c>, the end of standard input (a parent process holding the pipe). <c>--blast N</c> serves
/// a fixed tape of N frames at full speed instead of the paced market (see <see cref="BlastSettings"/>).
/// <c>--generate</c> starts no exchange: it writes a simulated journal straight to <c>--db</c> (see <see cref="GenerateCommand"/>).
/// <c>--episode-rate R</c> plants in-play episodes in the served market (off by default here).
/// </summary>
public static class SimCommand
{
    /// <summary>The line a blasting exchange prints once it listens: <c>ready &lt;ws base&gt; &lt;rest base&gt; &lt;frames&gt;</c>.</summary>
    public const string ReadyPrefix = "ready ";

    public static async Task<int> RunAsync(CommandLine cl, CancellationToken ct)
    {
        if (cl.Flag("generate")) return await GenerateCommand.RunAsync(cl, ct);
        foreach (var option in GenerateCommand.OnlyOptions)
            if (cl.String(option) is not null) throw new UsageException($"--{option} needs --generate.");
        var port = cl.Int("port") ?? 9100;
        var seed = cl.Int("seed") ?? 42;
        var symbols = cl.Int("symbols") ?? 12;
        var duration = cl.Duration("duration");
        var faults = DemoCommand.ParseFaults(cl.String("faults"));
        var blast = cl.Int("blast");
        var untilStdinCloses = cl.Flag("until-stdin-closes");
        var episodeRate = GenerateCommand.EpisodeRate(cl, fallback: 0);
        cl.RejectUnknown();
        if (port is < 0 or > 65535) throw new UsageException($"--port must be 0..65535, was {port}.");
        if (blast is < 1) throw new UsageException($"--blast must be at least 1 frame, was {blast}.");

        var settings = new SimSettings
        {
            Seed = (ulong)seed, SymbolCount = symbols, Port = port, Faults = faults,
            Blast = blast is { } frames ? new BlastSettings(frames) : null,
            Episodes = episodeRate > 0 ? new EpisodeSettings { RatePerSymbolHour = episodeRate } : null,
        };
        var started = Stopwatch.GetTimestamp();
        await using var sim = await SimExchange.StartAsync(settings, cancellationToken: ct);
        if (sim.Tape is { } tape)
        {
            var types = string.Join(", ", tape.CountByType().Select(t => $"{t.Type} {t.Frames}"));
            System.Console.WriteLine($"blast tape: {tape.Count} frames over {tape.Streams.Count} streams ({types}), {tape.Bytes / 1_048_576.0:F1} MiB, " +
                                     $"{tape.Steps} market steps, seed {seed}, {sim.Symbols.Count} symbols; built in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
            System.Console.WriteLine($"  each connection gets its streams' share of the tape right after its first LIST_SUBSCRIPTIONS reply");
            System.Console.WriteLine($"{ReadyPrefix}{sim.WebSocketBase} {sim.RestBase} {tape.Count}");
        }
        else
        {
            System.Console.WriteLine($"simulated exchange (seed {seed}, {sim.Symbols.Count} symbols) on {sim.RestBase}");
            System.Console.WriteLine($"  WebSocket: {sim.WebSocketBase}public/stream?streams=btcusdt@bookTicker  and  {sim.WebSocketBase}market/stream?streams=btcusdt@aggTrade");
            System.Console.WriteLine($"  REST:      {sim.RestBase}fapi/v1/exchangeInfo   {sim.RestBase}fapi/v1/depth?symbol=BTCUSDT&limit=100");
        }
        if (faults != SimFaults.None) System.Console.WriteLine($"  faults:    {faults.Describe()}");
        if (episodeRate > 0) System.Console.WriteLine($"  episodes:  {episodeRate:0.###} per symbol per idle hour (the truth is not recorded in live mode; use --generate)");
        System.Console.WriteLine(untilStdinCloses ? "Ctrl+C or end of input to stop." : "Ctrl+C to stop.");
        try
        {
            var running = Task.Delay(duration ?? Timeout.InfiniteTimeSpan, ct);
            await (untilStdinCloses ? Task.WhenAny(running, StdinClosedAsync(ct)) : running);
        }
        catch (OperationCanceledException)
        {
        }
        System.Console.WriteLine($"stopped; {sim.FramesSent} frames sent.");
        return 0;
    }

    /// <summary>Completes when standard input reaches its end (the parent closed the pipe or exited).</summary>
    private static async Task StdinClosedAsync(CancellationToken ct)
    {
        await using var stdin = System.Console.OpenStandardInput();
        await stdin.CopyToAsync(Stream.Null, ct);
    }
}
