using Screener.Configuration;
using Screener.Console;
using Screener.Contracts;
using Screener.Hosting;
using Screener.Generate;
using Screener.Sim.Faults;
using Screener.Sim.Market.Episodes;
using Screener.Sim.Server;
using Spectre.Console;

namespace Screener.Commands;

/// <summary>
/// <c>screener demo</c>: the simulated exchange and a node in one process, talking over real loopback
/// WebSockets, with a live top-K in the terminal until Ctrl+C or <c>--duration</c>. The journal is written by
/// the same sinks a production node uses.
/// </summary>
public static class DemoCommand
{
    public static async Task<int> RunAsync(CommandLine cl, CancellationToken ct)
    {
        var duration = cl.Duration("duration");
        var db = cl.String("db") ?? Defaults.DbPath;
        var seedOption = cl.Int("seed");
        var symbolsOption = cl.Int("symbols");
        var plain = cl.Flag("plain");
        var faults = ParseFaults(cl.String("faults"));
        var overrides = ConfigOverrides.Read(cl.String("config"));
        cl.RejectUnknown();
        if (duration is { } d && d < TimeSpan.FromSeconds(1)) throw new UsageException("--duration must be at least 1s.");

        var demo = SettingsReader.Demo(HoconFiles.Load("dev", "sqlite", overrides));
        demo = (demo with { Seed = seedOption ?? demo.Seed, Symbols = symbolsOption ?? demo.Symbols }).Validate();
        var interactive = !plain && !System.Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

        await using var sim = await SimExchange.StartAsync(
            new SimSettings
            {
                Seed = (ulong)demo.Seed, SymbolCount = demo.Symbols, Faults = faults,
                Episodes = demo.EpisodeRate > 0 ? new EpisodeSettings { RatePerSymbolHour = demo.EpisodeRate } : null,
            }, cancellationToken: ct);
        if (faults != SimFaults.None) System.Console.WriteLine($"simulated exchange faults: {faults.Describe()}");
        await using var node = await ScreenerNode.StartAsync(
            new NodeOptions(db, sim.WebSocketBase, sim.RestBase, sim.Symbols, ConsoleLogs: !interactive, Overrides: [overrides]), ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (duration is { } limit) stop.CancelAfter(limit);
        var started = DateTime.UtcNow;
        string Status() => StatusLine(node, sim, DateTime.UtcNow - started);

        if (interactive)
            await AnsiConsole.Live(LiveTable.Render(node.View, Status())).StartAsync(async live =>
            {
                while (!stop.IsCancellationRequested && !node.Completion.IsCompleted)
                {
                    live.UpdateTarget(LiveTable.Render(node.View, Status()));
                    await Delay(demo.Refresh, stop.Token);
                }
            });
        else
            while (!stop.IsCancellationRequested && !node.Completion.IsCompleted)
            {
                await Delay(TimeSpan.FromTicks(Math.Max(demo.Refresh.Ticks, TimeSpan.FromSeconds(5).Ticks)), stop.Token);
                System.Console.WriteLine(LiveTable.RenderText(node.View, Status()));
            }

        if (node.Completion.IsFaulted) throw new InvalidOperationException("The graph failed.", node.Completion.Exception);
        await node.StopAsync(TimeSpan.FromSeconds(30));
        System.Console.WriteLine($"demo stopped after {(DateTime.UtcNow - started).TotalSeconds:F1} s; {Status()}");
        System.Console.WriteLine($"journal: {node.DbPath}  (inspect with: screener journal stats --db {node.DbPath})");
        if (demo.EpisodeRate > 0)
        {
            var planted = DemoEpisodes.Save(node.DbPath, sim, demo);
            System.Console.WriteLine($"planted in-play episodes this session: {planted.Count} ({planted.Count(e => e.Fired)} fired, truth in sim_episodes); " +
                                     $"compare the model with the baseline on them: screener backtest --db {node.DbPath}");
        }
        return 0;
    }

    /// <summary>The <c>--faults</c> spec (for example <c>gap-every=5s,silent=ETHUSDT</c>), or none.</summary>
    internal static SimFaults ParseFaults(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec)) return SimFaults.None;
        try
        {
            return SimFaults.Parse(spec);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--faults: {e.Message}");
        }
    }

    private static string StatusLine(ScreenerNode node, SimExchange sim, TimeSpan elapsed)
    {
        var decode = node.Telemetry.Decode;
        var restarts = node.Ingest.Connections.Sum(c => c.Counters.Restarts);
        var health = node.Telemetry.Health;
        var streams = node.Telemetry.Streams.Current;
        var staleNow = streams.Stale.Select(s => $"{s.Symbol}/{s.Kind} {s.Age.TotalSeconds:0}s").Take(3).ToList();
        return $"up {elapsed:hh\\:mm\\:ss}  frames {decode.Frames}  events {decode[DecodeOutcome.Events]}  control {decode[DecodeOutcome.Control]}  " +
               $"malformed {decode[DecodeOutcome.Malformed]}  unknown {decode[DecodeOutcome.Unknown]}  heartbeats {decode.Heartbeats}  " +
               $"restarts {restarts}  gaps {health.Total("gap/")}  resyncs {health.Total("resync/")}  stale {health.Total("stale/")}" +
               (staleNow.Count > 0 ? $" (now: {string.Join(", ", staleNow)})" : "") + "  " +
               $"shed {health.Total("shed/")}  sim connections {sim.OpenConnections}";
    }

    private static async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
