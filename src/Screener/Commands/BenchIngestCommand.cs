using Screener.Bench;

namespace Screener.Commands;

/// <summary>
/// <c>screener bench ingest [--symbols 200] [--messages 4000000] [--connections C] [--seed 42] [--warmup N]
/// [--channel-capacity N] [--socket-floor [raw|websocket-client]]</c>: the
/// ingest benchmark (<see cref="IngestBench"/>), or with <c>--socket-floor</c> the same tape read by bare receive loops
/// (<see cref="SocketFloor"/>). Progress goes to stderr, the table to stdout. Exits 1 when the child
/// fails, the run stalls, or a verification check fails.
/// </summary>
public static class BenchIngestCommand
{
    public static async Task<int> RunAsync(CommandLine cl, CancellationToken ct)
    {
        var symbols = cl.Int("symbols") ?? 200;
        var messages = cl.Int("messages") ?? 4_000_000;
        var connections = cl.Int("connections");
        var seed = cl.Int("seed") ?? 42;
        var warmup = cl.Int("warmup");
        var channelCapacity = cl.Int("channel-capacity");
        var socketFloor = cl.String("socket-floor") switch
        {
            null => (FloorClient?)null,
            "true" or "raw" => FloorClient.Raw,
            "websocket-client" => FloorClient.WebsocketClient,
            var other => throw new UsageException($"--socket-floor takes raw or websocket-client, not '{other}'."),
        };
        cl.RejectUnknown();
        if (symbols is < 1 or > Sim.Market.SymbolCatalog.MaxSymbols)
            throw new UsageException($"--symbols must be 1..{Sim.Market.SymbolCatalog.MaxSymbols}, was {symbols}.");
        if (messages < 100) throw new UsageException($"--messages must be at least 100, was {messages}.");
        if (connections is < 2) throw new UsageException($"--connections must be at least 2 (books on /public, trades on /market), was {connections}.");
        if (warmup is { } w && (w < 1 || w >= messages)) throw new UsageException($"--warmup must be 1..{messages - 1}, was {w}.");
        if (channelCapacity is < 1) throw new UsageException($"--channel-capacity must be at least 1, was {channelCapacity}.");
        if (socketFloor is not null && channelCapacity is not null) throw new UsageException("--channel-capacity has no meaning with --socket-floor (there is no graph).");

        var options = new IngestBenchOptions(symbols, messages, connections, seed, warmup ?? IngestBenchOptions.DefaultWarmup(messages), channelCapacity);
        if (socketFloor is { } client) return await RunSocketFloorAsync(options, client, ct);
        IngestBenchResult result;
        try
        {
            result = await IngestBench.RunAsync(options, System.Console.Error, ct);
        }
        catch (BenchException e)
        {
            await System.Console.Error.WriteLineAsync($"bench failed: {e.Message}");
            return 1;
        }
        IngestBenchReport.Write(System.Console.Out, result);
        return result.Failures().Count == 0 ? 0 : 1;
    }

    private static async Task<int> RunSocketFloorAsync(IngestBenchOptions options, FloorClient client, CancellationToken ct)
    {
        SocketFloorResult result;
        try
        {
            result = await SocketFloor.RunAsync(options, client, System.Console.Error, ct);
        }
        catch (BenchException e)
        {
            await System.Console.Error.WriteLineAsync($"bench failed: {e.Message}");
            return 1;
        }
        result.Write(System.Console.Out);
        return result.Messages == result.TapeFrames ? 0 : 1;
    }
}
