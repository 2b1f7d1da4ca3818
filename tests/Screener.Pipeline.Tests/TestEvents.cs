using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Time;

namespace Screener.Pipeline.Tests;

/// <summary>Small builders for scripted market events; times in milliseconds after a fixed origin.</summary>
public static class TestEvents
{
    public static readonly long Origin = UtcTime.FromUnixMs(1_791_382_992_000);

    public static long At(double ms) => Origin + (long)(ms * TimeSpan.TicksPerMillisecond);

    public static BookTop Top(string symbol, double ms, decimal bid, decimal ask, long seq = 0) =>
        new(symbol, At(ms), At(ms), seq, seq, bid, 1m, ask, 1m);

    public static Trade Buy(string symbol, double ms, decimal price, decimal qty, long seq = 0) =>
        new(symbol, At(ms), At(ms), seq, seq, price, qty, Side.Buy, At(ms));

    public static Trade Sell(string symbol, double ms, decimal price, decimal qty, long seq = 0) =>
        new(symbol, At(ms), At(ms), seq, seq, price, qty, Side.Sell, At(ms));

    public static PipelineSettings Settings(int rankEveryTicks = 4) => PipelineSettings.Default with
    {
        RankEveryTicks = rankEveryTicks,
        WarmUpTicks = 2,
        Ranking = PipelineSettings.Default.Ranking with { EnterScore = -1000, ExitScore = -2000, MinDwellRounds = 0, TopK = 2 },
    };
}
