using Screener.Analytics.Books;
using Screener.Analytics.Features;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Analytics.Tests.Features;

/// <summary>
/// Scripted input for <see cref="SymbolFeatureEngine"/>: events at milliseconds after a midnight-UTC origin, and
/// ticks closed at whole seconds (the specs use a 1 s cadence, so the windows are 1, 5, 30, 120 and 300 ticks).
/// </summary>
internal static class EngineEvents
{
    public const string Symbol = "TESTUSDT";

    /// <summary>2026-11-24 00:00:00 UTC: a day boundary, so the time of day of a tick is read off its offset.</summary>
    public static readonly long Origin = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc).Ticks;

    public static int FeatureCount => MarketFeatures.Spec.Features.Count;

    public static long At(double ms) => Origin + (long)Math.Round(ms * TimeSpan.TicksPerMillisecond);

    public static long Second(int s) => Origin + s * TimeSpan.TicksPerSecond;

    public static SymbolFeatureEngine Engine(int warmUpTicks = 1, double staleAfterSeconds = 3_600, double cadenceMs = 1_000) =>
        new(MarketFeatures.Spec, TimeSpan.FromMilliseconds(cadenceMs), warmUpTicks, TimeSpan.FromSeconds(staleAfterSeconds));

    public static BookTop Top(double ms, decimal bid, decimal bidQty, decimal ask, decimal askQty) =>
        new(Symbol, At(ms), At(ms), 0, 0, bid, bidQty, ask, askQty);

    /// <summary>A locked top (bid = ask = <paramref name="mid"/>, one unit each side): sets the mid and nothing else of note.</summary>
    public static BookTop Mid(double ms, decimal mid) => Top(ms, mid, 1m, mid, 1m);

    public static Trade Buy(double ms, decimal price, decimal qty) => new(Symbol, At(ms), At(ms), 0, 0, price, qty, Side.Buy, At(ms));

    public static Trade Sell(double ms, decimal price, decimal qty) => new(Symbol, At(ms), At(ms), 0, 0, price, qty, Side.Sell, At(ms));

    public static MarkPrice Mark(double ms, decimal mark, decimal? index, decimal rate, long nextFunding) =>
        new(Symbol, At(ms), At(ms), 0, mark, index, rate, nextFunding);

    public static Liquidation Liquidation(double ms, Side side, decimal price, decimal averagePrice, decimal qty, decimal filled) =>
        new(Symbol, At(ms), At(ms), 0, side, price, averagePrice, qty, filled, "FILLED", At(ms));

    public static OpenInterest OpenInterest(double ms, decimal value) => new(Symbol, At(ms), At(ms), 0, value);

    public static FundingInterval FundingHours(double ms, int hours) => new(Symbol, At(ms), At(ms), 0, hours);

    /// <summary>Closes the tick at second <paramref name="s"/> and returns its values.</summary>
    public static float[] Close(this SymbolFeatureEngine engine, int s, MarketContext? context = null, OrderBook? book = null, bool inSync = true) =>
        engine.CloseWithQuality(s, context, book, inSync).Values;

    public static (float[] Values, DataQuality Quality) CloseWithQuality(
        this SymbolFeatureEngine engine, int s, MarketContext? context = null, OrderBook? book = null, bool inSync = true)
    {
        var values = new float[FeatureCount];
        var quality = engine.Close(Second(s), context ?? MarketContext.Empty(Second(s)), book, inSync, values);
        return (values, quality);
    }

    /// <summary>Log return in basis points from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static double Bps(double from, double to) => Math.Log(to / from) * 10_000;

    /// <summary>A float feature against a value computed by hand: 1 ppm relative, plus 1e-9 for values that should be 0.</summary>
    public static void Near(double expected, float actual, string? what = null)
    {
        var tolerance = 1e-6 * Math.Abs(expected) + 1e-9;
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"{what ?? "value"}: expected {expected:R}, got {actual:R}");
    }

    public static void Near(double expected, float[] values, int index) => Near(expected, values[index], MarketFeatures.Spec.Features[index].Name);
}
