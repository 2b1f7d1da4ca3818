using Screener.Sim.Faults;
using Screener.Sim.Server;

namespace Screener.Commands;

/// <summary><c>screener sim</c>: the simulated exchange alone on 127.0.0.1, until Ctrl+C or <c>--duration</c>.</summary>
public static class SimCommand
{
    public static async Task<int> RunAsync(CommandLine cl, CancellationToken ct)
    {
        var port = cl.Int("port") ?? 9100;
        var seed = cl.Int("seed") ?? 42;
        var symbols = cl.Int("symbols") ?? 12;
        var duration = cl.Duration("duration");
        var faults = DemoCommand.ParseFaults(cl.String("faults"));
        cl.RejectUnknown();
        if (port is < 0 or > 65535) throw new UsageException($"--port must be 0..65535, was {port}.");

        await using var sim = await SimExchange.StartAsync(new SimSettings { Seed = (ulong)seed, SymbolCount = symbols, Port = port, Faults = faults }, cancellationToken: ct);
        System.Console.WriteLine($"simulated exchange (seed {seed}, {sim.Symbols.Count} symbols) on {sim.RestBase}");
        System.Console.WriteLine($"  WebSocket: {sim.WebSocketBase}public/stream?streams=btcusdt@bookTicker  and  {sim.WebSocketBase}market/stream?streams=btcusdt@aggTrade");
        System.Console.WriteLine($"  REST:      {sim.RestBase}fapi/v1/exchangeInfo   {sim.RestBase}fapi/v1/depth?symbol=BTCUSDT&limit=100");
        if (faults != SimFaults.None) System.Console.WriteLine($"  faults:    {faults.Describe()}");
        System.Console.WriteLine("Ctrl+C to stop.");
        try
        {
            await Task.Delay(duration ?? Timeout.InfiniteTimeSpan, ct);
        }
        catch (OperationCanceledException)
        {
        }
        System.Console.WriteLine($"stopped; {sim.FramesSent} frames sent.");
        return 0;
    }
}
