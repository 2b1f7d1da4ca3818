using Microsoft.Extensions.Logging.Abstractions;
using Screener.Binance.Subscriptions;
using Screener.Binance.Transport;
using Screener.Binance.Universe;
using Screener.Configuration;
using Screener.Contracts;
using Screener.Contracts.Time;
using Screener.Hosting;
using Screener.Sim.Server;

namespace Screener.Commands;

/// <summary>
/// <c>screener plan [--sim] [--all]</c>: builds the symbol universe from REST exchangeInfo (filters from config;
/// <c>--all</c> drops the configured symbol list) and prints the connection plan: shard, path and streams per
/// connection, plus every excluded symbol with its reason. The plan is stable: the same universe always gives it.
/// </summary>
public static class PlanCommand
{
    public static async Task<int> RunAsync(CommandLine cl, CancellationToken ct)
    {
        var useSim = cl.Flag("sim");
        var all = cl.Flag("all");
        cl.RejectUnknown();
        var config = HoconFiles.Load("dev", "sqlite");
        var exchange = SettingsReader.Exchange(config);
        await using var sim = useSim ? await SimExchange.StartAsync(new SimSettings(), cancellationToken: ct) : null;
        if (sim is not null) exchange = exchange.WithEndpoints(sim.WebSocketBase, sim.RestBase, sim.Symbols);

        using var rest = new BinanceRestClient(exchange.ToRestSettings(), SystemClock.Instance,
            gate: new RestWeightLimiter(exchange.ToLimiterSettings(), SystemClock.Instance));
        var filters = UniverseReader.Read(config, exchange.Symbols);
        if (all) filters = filters with { Include = EquatableArray<string>.Empty };
        var universe = await UniverseBuilder.BuildAsync(rest, filters, NullLogger.Instance, ct);
        var plan = StreamPlan.Create(universe.Names, BinanceIngest.Kinds, new StreamPlanSettings(exchange.WsBase, exchange.MaxStreamsPerConnection));

        System.Console.WriteLine($"universe: {universe.Symbols.Count} symbols from {exchange.RestBase}; {plan.ShardCount} shard(s), " +
                                 $"at most {plan.MaxSymbolsPerShard} symbols per shard, {plan.Connections.Count} connections");
        foreach (var connection in plan.Connections)
            System.Console.WriteLine($"{connection.Id,-12} {connection.Url}  {connection.Streams.Count} streams: {string.Join(" ", connection.Symbols)}");
        foreach (var excluded in universe.Excluded)
            System.Console.WriteLine($"excluded     {excluded.Symbol}: {excluded.Reason}");
        return 0;
    }
}
