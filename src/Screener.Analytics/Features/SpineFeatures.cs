namespace Screener.Analytics.Features;

/// <summary>
/// The first feature set: spread, mid returns, signed trade imbalance and realized volatility over a short and a
/// long window of cadence intervals. Windows are counted in ticks, so they follow the configured cadence.
/// </summary>
public static class SpineFeatures
{
    public const int SpreadBps = 0;
    public const int MidReturnBps = 1;
    public const int MidReturnBpsLong = 2;
    public const int TradeImbalance = 3;
    public const int TradeImbalanceLong = 4;
    public const int RealizedVolBps = 5;
    public const int RealizedVolBpsLong = 6;
    public const int TradeCount = 7;
    public const int FundingRate8hBps = 8;

    public static FeatureSpec Create(int shortTicks, int longTicks) => new(
        "spine-v2",
        [
            new("spread_bps", "now", "bps", "best ask minus best bid over mid"),
            new("mid_return_bps", "1 tick", "bps", "log return of the mid over the last cadence interval"),
            new("mid_return_bps_long", $"{longTicks} ticks", "bps", "log return of the mid over the long window"),
            new("trade_imbalance", $"{shortTicks} ticks", "ratio [-1,1]", "(taker buy - taker sell) / total traded quantity"),
            new("trade_imbalance_long", $"{longTicks} ticks", "ratio [-1,1]", "trade imbalance over the long window"),
            new("realized_vol_bps", $"{shortTicks} ticks", "bps per tick", "standard deviation of per-tick mid log returns"),
            new("realized_vol_bps_long", $"{longTicks} ticks", "bps per tick", "realized volatility over the long window"),
            new("trade_count", $"{shortTicks} ticks", "trades", "number of aggregated trades"),
            new("funding_rate_8h_bps", "now", "bps per 8 h", "latest published funding rate normalised by the symbol's funding interval"),
        ],
        "A value that cannot be computed yet (no mid, no trades) is 0 and the snapshot carries WarmUp; NaN never leaves the engine.");
}
