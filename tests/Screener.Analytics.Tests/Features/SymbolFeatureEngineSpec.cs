using Screener.Analytics.Books;
using Screener.Analytics.Features;
using Screener.Contracts;
using Screener.Contracts.Market;
using static Screener.Analytics.Tests.Features.EngineEvents;
using F = Screener.Analytics.Features.MarketFeatures;

namespace Screener.Analytics.Tests.Features;

/// <summary>
/// Every feature family of market-v1 against a value worked out by hand from a few scripted events, at a 1 s
/// cadence (windows of 1, 5, 30, 120 and 300 ticks). Tick s closes the interval ending at second s.
/// </summary>
public sealed class SymbolFeatureEngineSpec
{
    [Fact]
    public void SymbolFeatureEngine_must_give_the_spread_and_microprice_offset_of_the_book_ticker()
    {
        var engine = Engine();
        engine.OnBookTop(Top(200, bid: 100m, bidQty: 3m, ask: 101m, askQty: 1m));

        var v = engine.Close(1);

        // mid = 100.5; spread = 1 / 100.5 * 1e4 = 99.50249 bps.
        Near(1 / 100.5 * 10_000, v, F.SpreadBps);
        // microprice = (100 * 1 + 101 * 3) / 4 = 100.75, bid side heavier; (100.75 - 100.5) / 100.5 * 1e4 = 24.87562 bps.
        Near(0.25 / 100.5 * 10_000, v, F.MicropriceOffsetBps);
    }

    /// <summary>Mid 1000, so 10, 25 and 50 bps are 1, 2.5 and 5 in price; levels sit inside, on and past each band.</summary>
    private static OrderBook DepthBook()
    {
        var book = new OrderBook();
        book.Reset(
            bids: [new(999.5m, 2m), new(999m, 1m), new(998m, 3m), new(997.5m, 1m), new(996m, 2m), new(995m, 1m),
                   new(994m, 4m), new(993m, 1m), new(992m, 1m), new(991m, 1m), new(990m, 1m), new(989m, 1m)],
            asks: [new(1000.5m, 1m), new(1001m, 2m), new(1002m, 1m), new(1003m, 2m), new(1005m, 1m), new(1006m, 3m)]);
        return book;
    }

    [Fact]
    public void SymbolFeatureEngine_must_read_depth_imbalance_and_band_notional_from_the_synced_book()
    {
        var engine = Engine();

        var v = engine.Close(1, book: DepthBook(), inSync: true);

        // No book ticker yet: best prices come from the book. Spread 1 / 1000 * 1e4 = 10 bps; microprice
        // (999.5 * 1 + 1000.5 * 2) / 3 = 1000.1667, so +0.1667 / 1000 * 1e4 = 1.6667 bps.
        Near(10, v, F.SpreadBps);
        Near((3000.5 / 3 - 1000) / 1000 * 10_000, v, F.MicropriceOffsetBps);
        // L1: bid 2, ask 1 -> 1/3. L5: bids 2+1+3+1+2 = 9, asks 1+2+1+2+1 = 7 -> 2/16.
        // L10: bids 9+1+4+1+1+1 = 17, asks (only 6 levels) 7+3 = 10 -> 7/27.
        Near(1.0 / 3, v, F.DepthImbalanceL1);
        Near(2.0 / 16, v, F.DepthImbalanceL5);
        Near(7.0 / 27, v, F.DepthImbalanceL10);
        // <= 10 bps: bids 999.5*2 + 999*1 = 2998, asks 1000.5*1 + 1001*2 = 3002.5 -> 6000.5 quote.
        // <= 25 bps: + bids 998*3 + 997.5*1 = 3991.5, + asks 1002*1 = 1002 -> 10994.
        // <= 50 bps: + bids 996*2 + 995*1 = 2987, + asks 1003*2 + 1005*1 = 3011 -> 16992; 994 and 1006 are 60 bps out.
        Near(6.0005, v, F.Depth10Bps);
        Near(10.994, v, F.Depth25Bps);
        Near(16.992, v, F.Depth50Bps);
    }

    [Fact]
    public void SymbolFeatureEngine_must_leave_book_features_at_zero_and_flag_the_snapshot_while_the_book_is_out_of_sync()
    {
        var engine = Engine();

        var (v, quality) = engine.CloseWithQuality(1, book: DepthBook(), inSync: false);

        // Nothing seen yet (Stale), and an unsynced book is not read, so there is no mid either (WarmUp).
        Assert.Equal(DataQuality.BookOutOfSync | DataQuality.WarmUp | DataQuality.Stale, quality);
        foreach (var index in new[] { F.SpreadBps, F.DepthImbalanceL1, F.DepthImbalanceL5, F.DepthImbalanceL10, F.Depth10Bps, F.Depth25Bps, F.Depth50Bps })
            Assert.Equal(0f, v[index]);
    }

    [Fact]
    public void SymbolFeatureEngine_must_sum_per_tick_mid_returns_and_their_squares_over_each_window_dropping_evicted_ticks()
    {
        decimal[] mids = [100m, 104m, 100m, 102m, 102m, 103m, 101m];
        var engine = Engine();
        float[] v = [];
        for (var s = 1; s <= mids.Length; s++)
        {
            engine.OnBookTop(Mid((s - 1) * 1_000 + 500, mids[s - 1]));
            v = engine.Close(s);
        }

        // r1 = 0 (no previous mid); r_s = ln(m_s / m_s-1) * 1e4.
        double[] r = [0, Bps(100, 104), Bps(104, 100), Bps(100, 102), 0, Bps(102, 103), Bps(103, 101)];
        // 1 s: r7 = ln(101/103) = -196.08 bps. 5 s holds ticks 3..7: ln(101/104) = -292.70 (r2 evicted). 30 s and longer: ln(101/100) = 99.50.
        Near(Bps(103, 101), v, F.ReturnBps[F.W1s]);
        Near(Bps(104, 101), v, F.ReturnBps[F.W5s]);
        foreach (var w in new[] { F.W30s, F.W2m, F.W5m }) Near(Bps(100, 101), v, F.ReturnBps[w]);
        Near(Math.Abs(r[6]), v, F.RealizedVolBps[F.W1s]);
        Near(Math.Sqrt(r[2] * r[2] + r[3] * r[3] + r[4] * r[4] + r[5] * r[5] + r[6] * r[6]), v, F.RealizedVolBps[F.W5s]);
        Near(Math.Sqrt(r.Sum(x => x * x)), v, F.RealizedVolBps[F.W30s]);
    }

    /// <summary>
    /// One Cont–Kukanov–Stoikov increment from the top (bid 100 × 5, ask 101 × 4) to the row's top:
    /// e = [b ≥ b'] q_b − [b ≤ b'] q_b' − [a ≤ a'] q_a + [a ≥ a'] q_a'.
    /// </summary>
    [Theory]
    [InlineData("bid up", 100.5, 3, 101, 4, 3)]     // +3 (new bid size); ask unchanged: -4 + 4
    [InlineData("bid same", 100, 7, 101, 4, 2)]     // +7 - 5
    [InlineData("bid down", 99.5, 9, 101, 4, -5)]   // -5 (old bid size); the new 9 does not count
    [InlineData("ask down", 100, 5, 100.8, 2, -2)]  // bid unchanged: +5 - 5; -2 (new ask size)
    [InlineData("ask up", 100, 5, 101.5, 7, 4)]     // +4 (old ask size); the new 7 does not count
    [InlineData("ask same", 100, 5, 101, 1, 3)]     // -1 + 4
    public void SymbolFeatureEngine_must_add_one_order_flow_increment_per_book_ticker_by_each_case_of_the_indicator(
        string _, double bid, double bidQty, double ask, double askQty, double increment)
    {
        var engine = Engine();
        engine.OnBookTop(Top(100, 100m, 5m, 101m, 4m));
        engine.OnBookTop(Top(200, (decimal)bid, (decimal)bidQty, (decimal)ask, (decimal)askQty));

        var v = engine.Close(1);

        // Over the mean best-level depth of the two updates: ((5 + 4) / 2 + (q_b + q_a) / 2) / 2.
        var meanDepth = ((5 + 4) / 2.0 + (bidQty + askQty) / 2) / 2;
        Near(increment / meanDepth, v, F.Ofi[F.W1s]);
    }

    [Fact]
    public void SymbolFeatureEngine_must_normalise_summed_order_flow_by_the_mean_top_depth_of_each_window()
    {
        var engine = Engine();
        engine.OnBookTop(Top(100, 100m, 5m, 101m, 5m));     // first: no increment; depth 5
        engine.OnBookTop(Top(300, 100m, 7m, 101m, 5m));     // +7-5, -5+5 = +2; depth 6
        var first = engine.Close(1);
        engine.OnBookTop(Top(1_100, 100.5m, 3m, 101m, 4m)); // +3, -4+5 = +4; depth 3.5
        engine.OnBookTop(Top(1_300, 100m, 6m, 100.8m, 2m)); // -3, -2 = -5; depth 4
        engine.OnBookTop(Top(1_500, 100m, 6m, 101.2m, 1m)); // +6-6, +2 = +2; depth 3.5
        var second = engine.Close(2);

        Near(2 / 5.5, first, F.Ofi[F.W1s]);             // 2 / ((5 + 6) / 2)
        Near(1 / (11.0 / 3), second, F.Ofi[F.W1s]);      // (4 - 5 + 2) / ((3.5 + 4 + 3.5) / 3)
        Near(3 / (22.0 / 5), second, F.Ofi[F.W5s]);      // (2 + 1) / ((11 + 11) / 5)
    }

    [Fact]
    public void SymbolFeatureEngine_must_give_trade_imbalance_rate_and_vwap_deviation_per_window()
    {
        var engine = Engine();
        engine.OnBookTop(Mid(50, 101m));
        engine.OnTrade(Buy(100, 100m, 2m));
        engine.OnTrade(Sell(200, 101m, 3m));
        var first = engine.Close(1);
        engine.OnTrade(Buy(1_100, 102m, 1m));
        engine.OnTrade(Buy(1_200, 100m, 3m));
        engine.OnTrade(Sell(1_300, 99m, 2m));
        var second = engine.Close(2);
        var third = engine.Close(3);

        // Tick 1: buy 2, sell 3 -> -1/5; 2 trades/s; vwap (200 + 303) / 5 = 100.6, mid 101 -> 0.4 / 100.6 * 1e4.
        Near(-0.2, first, F.TradeImbalance[F.W1s]);
        Near(2, first, F.TradeRate[F.W1s]);
        Near(0.4 / 100.6 * 10_000, first, F.VwapDeviationBps[F.W1s]);
        // Tick 2, 1 s: buy 4, sell 2 -> 2/6; 3 trades/s; vwap (102 + 300 + 198) / 6 = 100 -> 1 / 100 * 1e4 = 100 bps.
        Near(1.0 / 3, second, F.TradeImbalance[F.W1s]);
        Near(3, second, F.TradeRate[F.W1s]);
        Near(100, second, F.VwapDeviationBps[F.W1s]);
        // Tick 2, 5 s (2 ticks held): buy 6, sell 5 -> 1/11; 5 trades / 2 s; vwap 1103 / 11 = 100.2727 -> 72.53 bps.
        Near(1.0 / 11, second, F.TradeImbalance[F.W5s]);
        Near(2.5, second, F.TradeRate[F.W5s]);
        Near((101 - 1103.0 / 11) / (1103.0 / 11) * 10_000, second, F.VwapDeviationBps[F.W5s]);
        // Tick 3 traded nothing: the 1 s window is empty, the 5 s window holds 3 ticks.
        Near(0, third, F.TradeImbalance[F.W1s]);
        Near(0, third, F.TradeRate[F.W1s]);
        Near(0, third, F.VwapDeviationBps[F.W1s]);
        Near(5.0 / 3, third, F.TradeRate[F.W5s]);
    }

    [Fact]
    public void SymbolFeatureEngine_must_score_trades_per_tick_against_the_5_minute_mean_and_deviation()
    {
        int[] counts = [0, 1, 3, 0, 2, 4];
        var engine = Engine();
        float[] v = [];
        for (var s = 1; s <= counts.Length; s++)
        {
            engine.OnBookTop(Mid((s - 1) * 1_000 + 100, 100m));
            for (var k = 0; k < counts[s - 1]; k++) engine.OnTrade(Buy((s - 1) * 1_000 + 200 + k, 100m, 1m));
            v = engine.Close(s);
        }

        // 5 min holds all 6 ticks: mean 10/6 = 5/3, mean square 30/6 = 5, variance 5 - 25/9 = 20/9 (population).
        // 1 s: (4 - 5/3) / sqrt(20/9 / 1) = 7 / (2 sqrt 5) = 1.5652.
        // 5 s (ticks 2..6, 10 trades): (2 - 5/3) / sqrt(20/9 / 5) = (1/3) / (2/3) = 0.5.
        // 30 s holds the same 6 ticks as the baseline: 0.
        Near(7 / (2 * Math.Sqrt(5)), v, F.Spec.IndexOf("trade_rate_z_1s"));
        Near(0.5, v, F.Spec.IndexOf("trade_rate_z_5s"));
        Near(0, v, F.Spec.IndexOf("trade_rate_z_30s"));
    }

    [Fact]
    public void SymbolFeatureEngine_must_count_a_trade_as_large_at_five_times_the_mean_trade_of_the_5_minutes_before_its_tick()
    {
        var engine = Engine();
        foreach (var q in new[] { 1m, 1m, 1m, 1m, 2m }) engine.OnTrade(Buy(100, 100m, q));
        engine.Close(1); // threshold was infinite during tick 1; now 5 * 6 / 5 = 6
        engine.OnTrade(Buy(1_100, 100m, 6m));   // large (at the threshold)
        engine.OnTrade(Sell(1_200, 100m, 5.9m));
        engine.OnTrade(Buy(1_300, 100m, 1m));
        var second = engine.Close(2);            // threshold now 5 * 18.9 / 8 = 11.8125
        engine.OnTrade(Sell(2_100, 100m, 11.8m));
        engine.OnTrade(Buy(2_200, 100m, 12m));   // large
        var third = engine.Close(3);             // threshold now 5 * 42.7 / 10 = 21.35, held until tick 33
        for (var s = 4; s <= 32; s++) engine.Close(s);
        engine.OnTrade(Buy(32_500, 100m, 25m));  // large
        var last = engine.Close(33);

        Near(6 / 18.9, second, F.LargeTradeShare30s);  // 6 of 6 + 6 + 5.9 + 1
        Near(6 / 18.9, second, F.LargeTradeShare5m);
        Near(18 / 42.7, third, F.LargeTradeShare30s);  // 6 + 12 of 18.9 + 23.8
        Near(1, last, F.LargeTradeShare30s);           // 30 s holds ticks 4..33: only the 25
        Near(43 / 67.7, last, F.LargeTradeShare5m);    // 18 + 25 of 42.7 + 25
    }

    [Fact]
    public void SymbolFeatureEngine_must_give_kyle_lambda_as_the_OLS_slope_of_tick_return_on_signed_notional()
    {
        // Per tick: x = signed traded notional in millions, y = mid log return in bps.
        var engine = Engine();
        engine.OnBookTop(Mid(100, 100m));
        engine.Close(1);                                                  // x = 0, y = 0
        engine.OnTrade(Buy(1_100, 100m, 10_000m)); engine.OnBookTop(Mid(1_200, 101m));
        engine.Close(2);                                                  // x = +1, y = ln(101/100)
        engine.OnTrade(Sell(2_100, 100m, 20_000m)); engine.OnBookTop(Mid(2_200, 99m));
        engine.Close(3);                                                  // x = -2, y = ln(99/101)
        engine.OnTrade(Buy(3_100, 100m, 5_000m)); engine.OnBookTop(Mid(3_200, 99.5m));
        var v = engine.Close(4);                                          // x = +0.5, y = ln(99.5/99)
        for (var s = 5; s < 34; s++) engine.Close(s);                     // 30 quiet ticks: x = 0, y = 0
        var later = engine.Close(34);

        double[] x = [0, 1, -2, 0.5];
        double[] y = [0, Bps(100, 101), Bps(101, 99), Bps(99, 99.5)];
        // slope = (n Sxy - Sx Sy) / (n Sxx - Sx^2); Sx = -0.5, Sxx = 5.25, so the denominator is 4 * 5.25 - 0.25 = 20.75.
        var sxy = x.Zip(y, (a, b) => a * b).Sum();
        var expected = (4 * sxy - x.Sum() * y.Sum()) / 20.75; // about 99.94 bps per million
        int w30s = F.Spec.IndexOf("kyle_lambda_30s"), w2m = F.Spec.IndexOf("kyle_lambda_2m"), w5m = F.Spec.IndexOf("kyle_lambda_5m");
        Near(expected, v, w30s);
        Near(expected, v, w2m);
        Near(expected, v, w5m);
        // At tick 34 the 30 s window (ticks 5..34) has no trades: 0. The longer ones hold n = 34 rows, the 30 quiet
        // ones adding nothing to the sums: (34 Sxy - Sx Sy) / (34 * 5.25 - 0.25).
        var withQuiet = (34 * sxy - x.Sum() * y.Sum()) / (34 * 5.25 - 0.25);
        Near(0, later, w30s);
        Near(withQuiet, later, w2m);
        Near(withQuiet, later, w5m);
    }

    [Fact]
    public void SymbolFeatureEngine_must_bucket_vpin_once_the_5_minute_volume_sets_a_bucket_size()
    {
        var engine = Engine();
        engine.OnTrade(Buy(100, 100m, 50m));     // no bucket size yet: not bucketed
        var first = engine.Close(1);              // bucket size 50 / 50 = 1
        engine.OnTrade(Buy(1_100, 100m, 1.5m));   // bucket [buy 1] -> 1; next holds buy 0.5
        engine.OnTrade(Sell(1_200, 100m, 0.5m));  // bucket [buy 0.5, sell 0.5] -> 0
        var second = engine.Close(2);

        Near(0, first, F.Vpin);
        Near(0.5, second, F.Vpin); // (1 + 0) / 2
    }

    [Fact]
    public void SymbolFeatureEngine_must_sum_liquidated_notional_by_side_over_30_seconds_and_5_minutes()
    {
        var engine = Engine();
        engine.OnLiquidation(Liquidation(100, Side.Buy, 100m, 101m, 5m, 4m));  // 101 * 4 = 404 (average price, filled)
        engine.OnLiquidation(Liquidation(200, Side.Buy, 100m, 0m, 3m, 0m));    // 100 * 3 = 300 (nothing filled yet: order)
        engine.OnLiquidation(Liquidation(300, Side.Sell, 49m, 50m, 10m, 10m)); // 50 * 10 = 500
        var first = engine.Close(1);
        for (var s = 2; s <= 30; s++) engine.Close(s);
        var evicted = engine.Close(31);

        Near(0.704, first, F.LiqBuy30s);
        Near(0.5, first, F.LiqSell30s);
        Near(0.704, first, F.LiqBuy5m);
        Near(0.5, first, F.LiqSell5m);
        Near(0, evicted, F.LiqBuy30s);     // 30 s holds ticks 2..31
        Near(0, evicted, F.LiqSell30s);
        Near(0.704, evicted, F.LiqBuy5m);
        Near(0.5, evicted, F.LiqSell5m);
    }

    [Fact]
    public void SymbolFeatureEngine_must_normalise_funding_by_the_symbols_interval_and_give_time_to_funding_and_premium()
    {
        var engine = Engine();
        var nextFunding = Origin + TimeSpan.TicksPerHour * 2;
        engine.OnMarkPrice(Mark(100, 101m, 100m, 0.0001m, nextFunding));
        var eightHours = engine.Close(1);
        engine.OnFundingInterval(FundingHours(1_100, 4));
        var v = engine.Close(60);

        Near(1, eightHours, F.FundingRate8hBps);   // 0.0001 on the default 8 h interval = 1 bps
        Near(2, v, F.FundingRate8hBps);            // 0.0001 per 4 h * 8 / 4 = 0.0002 = 2 bps
        Near((7_200 - 60) / 60.0, v, F.TimeToFundingMin); // 2 h - 60 s = 119 min
        Near(100, v, F.MarkIndexPremiumBps);       // (101 - 100) / 100 * 1e4
    }

    [Fact]
    public void SymbolFeatureEngine_must_leave_premium_and_time_to_funding_at_zero_without_an_index_or_once_funding_passed()
    {
        var engine = Engine();
        engine.OnMarkPrice(Mark(100, 101m, null, 0.0001m, Second(1)));

        var v = engine.Close(1);

        Assert.Equal(0f, v[F.MarkIndexPremiumBps]);
        Assert.Equal(0f, v[F.TimeToFundingMin]);
    }

    [Fact]
    public void SymbolFeatureEngine_must_give_the_open_interest_change_since_the_tick_2_and_5_minutes_ago()
    {
        var engine = Engine();
        var v = new Dictionary<int, float[]>();
        for (var s = 1; s <= 302; s++)
        {
            var ms = (s - 1) * 1_000 + 500;
            if (s == 1) engine.OnOpenInterest(OpenInterest(ms, 1_000m));
            if (s == 100) engine.OnOpenInterest(OpenInterest(ms, 1_100m));
            if (s == 250) engine.OnOpenInterest(OpenInterest(ms, 1_210m));
            v[s] = engine.Close(s);
        }

        // Open interest at tick s: 1000 for s < 100, 1100 for 100 <= s < 250, 1210 from 250.
        Near(0, v[120], F.OiChangePct2m);   // no tick 120 ticks before yet
        Near(10, v[121], F.OiChangePct2m);  // vs tick 1: 1000 -> 1100
        Near(10, v[219], F.OiChangePct2m);  // vs tick 99: 1000 -> 1100
        Near(0, v[220], F.OiChangePct2m);   // vs tick 100: 1100 -> 1100
        Near(0, v[300], F.OiChangePct5m);   // no tick 300 ticks before yet
        Near(21, v[301], F.OiChangePct5m);  // vs tick 1: 1000 -> 1210
        Near(10, v[301], F.OiChangePct2m);  // vs tick 181: 1100 -> 1210
        Near(21, v[302], F.OiChangePct5m);  // vs tick 2
    }

    [Fact]
    public void SymbolFeatureEngine_must_copy_the_market_context_through()
    {
        var engine = Engine();
        var context = new MarketContext(Second(1), BtcReturnBps: 3, BtcVolatilityBps: 42.5, Breadth: 0.625, ActiveSymbols: 8,
            BtcReturn30sBps: -12.25, EthReturnBps: 1, EthReturn30sBps: 7.5, EthVolatilityBps: 55.25, VolatilityRegime: 0.875);

        var v = engine.Close(1, context);

        Assert.Equal(-12.25f, v[F.BtcReturn30s]);
        Assert.Equal(42.5f, v[F.BtcVol5m]);
        Assert.Equal(7.5f, v[F.EthReturn30s]);
        Assert.Equal(55.25f, v[F.EthVol5m]);
        Assert.Equal(0.625f, v[F.Breadth30s]);
        Assert.Equal(0.875f, v[F.VolRegimePct]);
    }

    [Fact]
    public void SymbolFeatureEngine_must_give_beta_and_correlation_of_its_tick_returns_on_btc_over_5_minutes()
    {
        decimal[] mids = [100m, 101m, 100m, 102m, 101m];
        double[] btc = [0, 50, -40, 120, -60];
        var engine = Engine();
        float[] v = [];
        for (var s = 1; s <= mids.Length; s++)
        {
            engine.OnBookTop(Mid((s - 1) * 1_000 + 500, mids[s - 1]));
            v = engine.Close(s, MarketContext.Empty(Second(s)) with { BtcReturnBps = btc[s - 1] });
        }

        // Population moments over the 5 ticks, the first (no return yet) counting as 0 against BTC's 0.
        double[] r = [0, Bps(100, 101), Bps(101, 100), Bps(100, 102), Bps(102, 101)];
        double n = r.Length, mx = btc.Sum() / n, my = r.Sum() / n;
        var cov = btc.Zip(r, (a, b) => a * b).Sum() / n - mx * my;
        var varX = btc.Sum(a => a * a) / n - mx * mx; // 22100 / 5 - 14^2 = 4224
        var varY = r.Sum(b => b * b) / n - my * my;
        Near(cov / varX, v, F.BetaBtc5m);
        Near(cov / Math.Sqrt(varX * varY), v, F.CorrBtc5m);
    }

    [Fact]
    public void SymbolFeatureEngine_must_place_the_tick_on_the_utc_day_circle()
    {
        var engine = Engine();

        var three = engine.Close(3 * 3_600);     // 03:00: an eighth of the day, 45 degrees
        var eighteen = engine.Close(18 * 3_600); // 18:00: three quarters, 270 degrees

        Near(Math.Sqrt(0.5), three, F.TimeOfDaySin);
        Near(Math.Sqrt(0.5), three, F.TimeOfDayCos);
        Near(-1, eighteen, F.TimeOfDaySin);
        Near(0, eighteen, F.TimeOfDayCos);
    }

    [Fact]
    public void SymbolFeatureEngine_must_flag_warm_up_until_enough_ticks_had_a_mid_and_stale_after_silence()
    {
        var engine = Engine(warmUpTicks: 3, staleAfterSeconds: 2);
        var flags = new List<DataQuality> { engine.CloseWithQuality(1).Quality }; // nothing seen at all
        engine.OnBookTop(Mid(1_500, 100m));
        flags.Add(engine.CloseWithQuality(2).Quality);  // 1 tick with a mid; silent 0.5 s
        flags.Add(engine.CloseWithQuality(3).Quality);  // 2 ticks; silent 1.5 s
        flags.Add(engine.CloseWithQuality(4).Quality);  // 3 ticks: warm; silent 2.5 s > 2 s
        engine.OnTrade(Buy(4_200, 100m, 1m));
        flags.Add(engine.CloseWithQuality(5).Quality);  // silent 0.8 s
        engine.OnMarkPrice(Mark(7_000, 100m, 100m, 0m, 0));
        flags.Add(engine.CloseWithQuality(9).Quality);  // silent exactly 2 s: not past the threshold
        flags.Add(engine.CloseWithQuality(10, inSync: false).Quality); // silent 3 s, and the book is out of sync

        Assert.Equal(
        [
            DataQuality.WarmUp | DataQuality.Stale, DataQuality.WarmUp, DataQuality.WarmUp, DataQuality.Stale,
            DataQuality.Ok, DataQuality.Ok, DataQuality.Stale | DataQuality.BookOutOfSync,
        ], flags);
    }
}
