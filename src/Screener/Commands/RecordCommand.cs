using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Screener.Binance.Transport;
using Screener.Binance.Universe;
using Screener.Configuration;
using Screener.Contracts;
using Screener.Hosting;
using Screener.Sim.Faults;
using Screener.Sim.Market;
using Screener.Sim.Server;

namespace Screener.Commands;

/// <summary>
/// <c>screener record</c>: journals the raw frames of any Binance-compatible endpoint as a node does (<see cref="Recorder"/>),
/// with nothing computed but what decides resync snapshots, until <c>--duration</c>, Ctrl+C or SIGTERM; then drains
/// every frame received into the journal and prints how many there are. Endpoints: <c>--exchange binance</c> (from
/// <c>screener.exchange</c>), <c>--exchange sim</c> (the simulated exchange in this process, as the demo starts it) or
/// <c>--ws URL --rest URL</c>. Progress goes to stderr every two seconds unless <c>--quiet</c>; the summary to stdout.
/// <para>Exit codes: 2 for a wrong command line; 1 when the endpoint cannot be read, no WebSocket connection comes up,
/// or the journal fails.</para>
/// </summary>
public static class RecordCommand
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(CommandLine cl, CancellationToken ct)
    {
        var exchangeName = Value(cl, "exchange");
        var ws = Value(cl, "ws");
        var rest = Value(cl, "rest");
        var symbols = cl.Int("symbols");
        var duration = cl.Duration("duration");
        var db = Value(cl, "db") ?? Defaults.DbPath;
        var seed = cl.Int("seed");
        var faultSpec = Value(cl, "faults");
        var quiet = cl.Flag("quiet");
        cl.RejectUnknown();

        var endpoint = Endpoint(exchangeName, ws, rest);
        if (endpoint != Source.Sim && (seed is not null || faultSpec is not null))
            throw new UsageException("--seed and --faults apply to --exchange sim only.");
        if (symbols is < 1) throw new UsageException($"--symbols must be at least 1, was {symbols}.");
        if (endpoint == Source.Sim && symbols > SymbolCatalog.MaxSymbols)
            throw new UsageException($"--symbols must be 1..{SymbolCatalog.MaxSymbols} with --exchange sim, was {symbols}.");
        if (seed is < 0) throw new UsageException($"--seed must not be negative, was {seed}.");
        if (duration is { } d && d < TimeSpan.FromSeconds(1)) throw new UsageException("--duration must be at least 1s.");
        var faults = DemoCommand.ParseFaults(faultSpec);

        await using var sim = endpoint == Source.Sim ? await StartSimAsync(seed, symbols, faults, ct) : null;
        var options = sim is not null
            ? new RecordOptions(db, sim.WebSocketBase, sim.RestBase, sim.Symbols)
            : new RecordOptions(db, Url(ws, "ws", "ws", "wss"), Url(rest, "rest", "http", "https"), Top: symbols);
        await using var recorder = await StartRecorderAsync(options, ct);
        var exchange = recorder.Exchange;
        if (!quiet)
            System.Console.Error.WriteLine(
                $"recording {recorder.Ingest.Universe.Count} symbols ({string.Join(" ", recorder.Ingest.Universe.Names)}) from {exchange.WsBase} and {exchange.RestBase} " +
                $"over {string.Join(", ", recorder.Ingest.Connections.Select(c => c.Id))} into {recorder.DbPath} ({recorder.PersistenceId}); " +
                (duration is { } limit ? $"for {limit.TotalSeconds:0.#} s" : "Ctrl+C to stop"));

        var started = Stopwatch.StartNew();
        var connectWindow = exchange.Connector.ConnectTimeout + exchange.Connector.Subscription.ReplyTimeout;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (duration is { } span) stop.CancelAfter(span);
        var neverConnected = false;
        while (!stop.IsCancellationRequested && !recorder.Completion.IsCompleted)
        {
            await Delay(ProgressEvery, stop.Token);
            if (!quiet && !stop.IsCancellationRequested) System.Console.Error.WriteLine(Status(recorder, started.Elapsed));
            if (!recorder.EverConnected && started.Elapsed > connectWindow)
            {
                neverConnected = true;
                break;
            }
        }

        var upAtStop = recorder.ConnectionsUp;
        var elapsed = started.Elapsed;
        await StopAsync(recorder);
        System.Console.WriteLine($"journaled {recorder.Frames} frames in {elapsed.TotalSeconds:F1} s into {recorder.DbPath} ({recorder.PersistenceId})");
        System.Console.WriteLine($"  connections {upAtStop}/{recorder.Ingest.Connections.Count} up at the stop  {Counts(recorder)}");
        System.Console.WriteLine($"  inspect with: screener journal stats --db {recorder.DbPath}");
        if (neverConnected)
            throw new CommandFailedException(
                $"no WebSocket connection to {exchange.WsBase} came up within {connectWindow.TotalSeconds:F0} s" +
                (recorder.Ingest.Connections.Select(c => c.Counters.LastDisconnectReason).FirstOrDefault(r => r is not null) is { } reason ? $": {reason}" : "."));
        return 0;
    }

    private enum Source
    {
        Binance,
        Sim,
        Explicit,
    }

    private static Source Endpoint(string? exchange, string? ws, string? rest)
    {
        if (exchange is not null && (ws is not null || rest is not null))
            throw new UsageException("Give either --exchange or --ws and --rest, not both.");
        if (exchange is not null)
            return exchange switch
            {
                "binance" => Source.Binance,
                "sim" => Source.Sim,
                _ => throw new UsageException($"--exchange must be binance or sim, got '{exchange}'."),
            };
        if (ws is null && rest is null) throw new UsageException("record needs an endpoint: --exchange binance, --exchange sim, or --ws URL --rest URL.");
        if (ws is null || rest is null) throw new UsageException("--ws and --rest go together: the WebSocket base and the REST base of one exchange.");
        return Source.Explicit;
    }

    /// <summary>An option's value; a bare <c>--name</c> with no value is a usage error.</summary>
    private static string? Value(CommandLine cl, string name) =>
        cl.String(name) is { } v && v == "true" ? throw new UsageException($"--{name} needs a value.") : cl.String(name);

    private static Uri? Url(string? text, string option, params string[] schemes)
    {
        if (text is null) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme))
            throw new UsageException($"--{option} expects an absolute {string.Join(" or ", schemes.Select(s => s + "://"))} URL, got '{text}'.");
        return uri;
    }

    private static async Task<SimExchange> StartSimAsync(int? seed, int? symbols, SimFaults faults, CancellationToken ct)
    {
        var demo = SettingsReader.Demo(HoconFiles.Load("dev", "sqlite"));
        var sim = await SimExchange.StartAsync(
            new SimSettings { Seed = (ulong)(seed ?? demo.Seed), SymbolCount = symbols ?? demo.Symbols, Faults = faults }, cancellationToken: ct);
        if (faults != SimFaults.None) System.Console.Error.WriteLine($"simulated exchange faults: {faults.Describe()}");
        return sim;
    }

    /// <summary>Starts recording; an endpoint that cannot be read is a one-line failure, not a stack trace.</summary>
    private static async Task<Recorder> StartRecorderAsync(RecordOptions options, CancellationToken ct)
    {
        var rest = (options.RestBase ?? SettingsReader.Exchange(HoconFiles.Load(options.Environment, "sqlite")).RestBase).ToString();
        try
        {
            return await Recorder.StartAsync(options, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw new CommandFailedException("Stopped before recording started; nothing was journaled.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or BinanceApiException or BinanceIpBannedException
                                      or BinanceCircuitOpenException or JsonException)
        {
            throw new CommandFailedException($"cannot read the symbol universe from {rest}: {e.Message}", e);
        }
        catch (UniverseException e)
        {
            throw new CommandFailedException($"{rest}: {e.Message} Pick symbols with --symbols N (the top N by 24h quote volume).", e);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot open the journal '{Path.GetFullPath(options.DbPath)}': {e.Message}", e);
        }
    }

    private static async Task StopAsync(Recorder recorder)
    {
        try
        {
            await recorder.StopAsync(StopTimeout);
        }
        catch (Exception e)
        {
            throw new CommandFailedException($"the recording failed after {recorder.Frames} frames: {e.Message}", e);
        }
    }

    private static string Status(Recorder recorder, TimeSpan elapsed) =>
        $"up {elapsed:hh\\:mm\\:ss}  frames {recorder.Frames}  connections {recorder.ConnectionsUp}/{recorder.Ingest.Connections.Count} up  {Counts(recorder)}";

    private static string Counts(Recorder recorder)
    {
        var health = recorder.Telemetry.Health;
        return $"restarts {recorder.Ingest.Connections.Sum(c => c.Counters.Restarts)}  snapshots {recorder.Ingest.SnapshotCounters.Published}  " +
               $"polls {recorder.Ingest.PollerCounters.Published}  gaps {health.Total("gap/")}  resyncs {health.Total("resync/")}  " +
               $"shed {health.Total("shed/")}  malformed {recorder.Telemetry.Decode[DecodeOutcome.Malformed]}";
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
