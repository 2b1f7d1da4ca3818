namespace Screener.Analytics.Features;

/// <summary>
/// The declared feature vector (<see cref="Spec"/>): book state now, flow and price over five event-time windows,
/// derivatives, and the market context every symbol sees at the same tick. Order is fixed; indices below are read
/// from the spec by name, so they cannot drift from it.
/// </summary>
public static class MarketFeatures
{
    public const string Version = "market-v1";

    /// <summary>The windows, in order: 1 s, 5 s, 30 s, 2 min, 5 min.</summary>
    public static IReadOnlyList<TimeSpan> Windows { get; } =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5)];

    public static IReadOnlyList<string> WindowNames { get; } = ["1s", "5s", "30s", "2m", "5m"];

    public const int W1s = 0;
    public const int W5s = 1;
    public const int W30s = 2;
    public const int W2m = 3;
    public const int W5m = 4;

    /// <summary>A trade is large when its quantity is at least this many times the mean trade over the last 5 min.</summary>
    public const double LargeTradeMultiple = 5;

    /// <summary>VPIN: volume buckets in the average, each 1/<see cref="VpinBuckets"/> of the last 5 min's volume.</summary>
    public const int VpinBuckets = 50;

    /// <summary>Depth within a band is summed over at most this many levels per side.</summary>
    public const int DepthScanLevels = 200;

    /// <summary>The context's volatility-regime history: the BTC 5-min volatility of every tick in the last hour.</summary>
    public static readonly TimeSpan RegimeHistory = TimeSpan.FromHours(1);

    public const string NanPolicy =
        "No value is ever NaN or infinite. A value that is undefined at the tick (no mid yet, no trade or book update in " +
        "the window, zero variance, no funding or open interest seen) is 0, and the snapshot's flags say why: WarmUp until " +
        "the symbol has had a mid for the configured warm-up ticks (windows longer than that are computed over the history " +
        "they hold so far), Stale when a stream the features read is silent past its " +
        "threshold, BookOutOfSync while the local book awaits a snapshot or a resync.";

    public static FeatureSpec Spec { get; } = new(Version, Definitions(), NanPolicy);

    public static readonly int SpreadBps = Spec.IndexOf("spread_bps");
    public static readonly int MicropriceOffsetBps = Spec.IndexOf("microprice_offset_bps");
    public static readonly int DepthImbalanceL1 = Spec.IndexOf("depth_imbalance_l1");
    public static readonly int DepthImbalanceL5 = Spec.IndexOf("depth_imbalance_l5");
    public static readonly int DepthImbalanceL10 = Spec.IndexOf("depth_imbalance_l10");
    public static readonly int Depth10Bps = Spec.IndexOf("depth_10bps_kquote");
    public static readonly int Depth25Bps = Spec.IndexOf("depth_25bps_kquote");
    public static readonly int Depth50Bps = Spec.IndexOf("depth_50bps_kquote");
    public static readonly int TradeRateZ1s = Spec.IndexOf("trade_rate_z_1s");
    public static readonly int LargeTradeShare30s = Spec.IndexOf("large_trade_share_30s");
    public static readonly int LargeTradeShare5m = Spec.IndexOf("large_trade_share_5m");
    public static readonly int KyleLambda30s = Spec.IndexOf("kyle_lambda_30s");
    public static readonly int Vpin = Spec.IndexOf("vpin_50");
    public static readonly int LiqBuy30s = Spec.IndexOf("liq_buy_kquote_30s");
    public static readonly int LiqSell30s = Spec.IndexOf("liq_sell_kquote_30s");
    public static readonly int LiqBuy5m = Spec.IndexOf("liq_buy_kquote_5m");
    public static readonly int LiqSell5m = Spec.IndexOf("liq_sell_kquote_5m");
    public static readonly int FundingRate8hBps = Spec.IndexOf("funding_rate_8h_bps");
    public static readonly int TimeToFundingMin = Spec.IndexOf("time_to_funding_min");
    public static readonly int MarkIndexPremiumBps = Spec.IndexOf("mark_index_premium_bps");
    public static readonly int OiChangePct2m = Spec.IndexOf("oi_change_pct_2m");
    public static readonly int OiChangePct5m = Spec.IndexOf("oi_change_pct_5m");
    public static readonly int BtcReturn30s = Spec.IndexOf("btc_return_bps_30s");
    public static readonly int BtcVol5m = Spec.IndexOf("btc_vol_bps_5m");
    public static readonly int EthReturn30s = Spec.IndexOf("eth_return_bps_30s");
    public static readonly int EthVol5m = Spec.IndexOf("eth_vol_bps_5m");
    public static readonly int BetaBtc5m = Spec.IndexOf("beta_btc_5m");
    public static readonly int CorrBtc5m = Spec.IndexOf("corr_btc_5m");
    public static readonly int Breadth30s = Spec.IndexOf("breadth_30s");
    public static readonly int VolRegimePct = Spec.IndexOf("vol_regime_pct");
    public static readonly int TimeOfDaySin = Spec.IndexOf("tod_sin");
    public static readonly int TimeOfDayCos = Spec.IndexOf("tod_cos");

    /// <summary>Index of a per-window family member, for example <c>Windowed("return_bps", W30s)</c>.</summary>
    public static int Windowed(string family, int window) => Spec.IndexOf($"{family}_{WindowNames[window]}");

    public static readonly int[] ReturnBps = Family("return_bps");
    public static readonly int[] RealizedVolBps = Family("realized_vol_bps");
    public static readonly int[] Ofi = Family("ofi");
    public static readonly int[] TradeImbalance = Family("trade_imbalance");
    public static readonly int[] TradeRate = Family("trade_rate");
    public static readonly int[] VwapDeviationBps = Family("vwap_dev_bps");

    private static int[] Family(string family) => Enumerable.Range(0, WindowNames.Count).Select(w => Windowed(family, w)).ToArray();

    private static List<FeatureDefinition> Definitions()
    {
        var features = new List<FeatureDefinition>
        {
            new("spread_bps", "now", "bps", "best ask minus best bid over the mid"),
            new("microprice_offset_bps", "now", "bps", "size-weighted microprice minus the mid, over the mid (positive: bid side heavier)"),
            new("depth_imbalance_l1", "now", "ratio [-1,1]", "(bid - ask) quantity over their sum at the best level of the local book"),
            new("depth_imbalance_l5", "now", "ratio [-1,1]", "(bid - ask) quantity over their sum across the best 5 levels"),
            new("depth_imbalance_l10", "now", "ratio [-1,1]", "(bid - ask) quantity over their sum across the best 10 levels"),
            new("depth_10bps_kquote", "now", "thousand quote", "bid and ask notional within 10 bps of the mid (at most 200 levels a side)"),
            new("depth_25bps_kquote", "now", "thousand quote", "bid and ask notional within 25 bps of the mid (at most 200 levels a side)"),
            new("depth_50bps_kquote", "now", "thousand quote", "bid and ask notional within 50 bps of the mid (at most 200 levels a side)"),
        };

        for (var w = 0; w < WindowNames.Count; w++)
        {
            var n = WindowNames[w];
            features.Add(new($"return_bps_{n}", n, "bps", "log return of the mid over the window"));
            features.Add(new($"realized_vol_bps_{n}", n, "bps", "square root of the sum of squared per-tick mid log returns"));
            features.Add(new($"ofi_{n}", n, "best-level depths", "Cont-Kukanov-Stoikov order-flow imbalance of the best levels, summed, over the mean best-level depth"));
            features.Add(new($"trade_imbalance_{n}", n, "ratio [-1,1]", "(taker buy - taker sell) quantity over the total traded"));
            features.Add(new($"trade_rate_{n}", n, "trades/s", "aggregated trades per second"));
            features.Add(new($"vwap_dev_bps_{n}", n, "bps", "mid minus the volume-weighted trade price, over that price"));
        }

        foreach (var n in new[] { "1s", "5s", "30s" })
            features.Add(new($"trade_rate_z_{n}", n, "z", "trades per tick over the window against the mean and deviation of trades per tick over 5 min"));
        foreach (var n in new[] { "30s", "5m" })
            features.Add(new($"large_trade_share_{n}", n, "ratio [0,1]", "share of traded quantity in trades of at least 5x the mean trade of the previous 5 min"));
        foreach (var n in new[] { "30s", "2m", "5m" })
            features.Add(new($"kyle_lambda_{n}", n, "bps per million quote", "OLS slope of per-tick mid return on per-tick signed traded notional"));
        features.Add(new("vpin_50", "50 volume buckets", "ratio [0,1]",
            "mean |buy - sell| / bucket volume over the last 50 buckets, each 1/50 of the 5-min volume when it opened"));
        foreach (var n in new[] { "30s", "5m" })
        {
            features.Add(new($"liq_buy_kquote_{n}", n, "thousand quote", "filled notional of forced buy orders (shorts liquidated)"));
            features.Add(new($"liq_sell_kquote_{n}", n, "thousand quote", "filled notional of forced sell orders (longs liquidated)"));
        }

        features.Add(new("funding_rate_8h_bps", "now", "bps per 8 h", "latest funding rate normalised by the symbol's funding interval"));
        features.Add(new("time_to_funding_min", "now", "minutes", "time to the next funding settlement"));
        features.Add(new("mark_index_premium_bps", "now", "bps", "mark price minus index price, over the index"));
        features.Add(new("oi_change_pct_2m", "2m", "percent", "change of open interest since the tick 2 min ago"));
        features.Add(new("oi_change_pct_5m", "5m", "percent", "change of open interest since the tick 5 min ago"));

        features.Add(new("btc_return_bps_30s", "30s", "bps", "BTC mid log return (market context)"));
        features.Add(new("btc_vol_bps_5m", "5m", "bps", "BTC realized volatility (market context)"));
        features.Add(new("eth_return_bps_30s", "30s", "bps", "ETH mid log return (market context)"));
        features.Add(new("eth_vol_bps_5m", "5m", "bps", "ETH realized volatility (market context)"));
        features.Add(new("beta_btc_5m", "5m", "ratio", "OLS beta of the symbol's per-tick returns on BTC's"));
        features.Add(new("corr_btc_5m", "5m", "ratio [-1,1]", "correlation of the symbol's per-tick returns with BTC's"));
        features.Add(new("breadth_30s", "30s", "ratio [0,1]", "share of symbols whose mid rose over the window (market context)"));
        features.Add(new("vol_regime_pct", "1h", "ratio [0,1]", "share of the last hour's ticks whose BTC 5-min volatility was at or below now's"));
        features.Add(new("tod_sin", "now", "[-1,1]", "sine of the UTC time of day (full circle per day)"));
        features.Add(new("tod_cos", "now", "[-1,1]", "cosine of the UTC time of day (full circle per day)"));
        return features;
    }
}
