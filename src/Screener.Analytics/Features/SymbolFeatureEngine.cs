using Screener.Analytics.Books;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Analytics.Features;

/// <summary>
/// The features of one symbol (<see cref="MarketFeatures.Spec"/>). Market events accumulate into the current
/// cadence interval; each tick closes the interval into a <see cref="TickRing"/> row, moves every window on and
/// writes the snapshot. Time comes only from events and ticks, so the same input always gives the same values, live
/// or offline. Steady state allocates nothing but the snapshot the caller asks for.
/// </summary>
public sealed class SymbolFeatureEngine
{
    // Fields of one interval row.
    private const int FReturn = 0;
    private const int FReturn2 = 1;
    private const int FOfi = 2;
    private const int FTopDepth = 3;
    private const int FTopUpdates = 4;
    private const int FBuyQty = 5;
    private const int FSellQty = 6;
    private const int FNotional = 7;
    private const int FTrades = 8;
    private const int FTrades2 = 9;
    private const int FLargeQty = 10;
    private const int FLiqBuy = 11;
    private const int FLiqSell = 12;
    private const int FSigned = 13;
    private const int FSigned2 = 14;
    private const int FReturnSigned = 15;
    private const int FBtc = 16;
    private const int FBtc2 = 17;
    private const int FBtcReturn = 18;
    private const int FOpenInterest = 19;
    private const int FieldCount = 20;

    private static readonly string[] ZWindows = ["1s", "5s", "30s"];

    private readonly string _specHash;
    private readonly int _featureCount;
    private readonly long _cadence;
    private readonly int _warmUpTicks;
    private readonly long _staleAfter;
    private readonly TickRing _ring;
    private readonly double[] _row = new double[FieldCount];
    private readonly VpinEstimator _vpin = new(MarketFeatures.VpinBuckets);

    // Best prices: from bookTicker when it flows, else from the synced book at the tick.
    private double _bid;
    private double _ask;
    private double _bidQty;
    private double _askQty;
    private bool _hasTop;
    private double _previousMid;
    private long _ticksWithMid;
    private long _lastEventTime = long.MinValue;
    private double _largeTrade = double.PositiveInfinity;

    private double _fundingRate;
    private int _fundingIntervalHours = Funding.DefaultIntervalHours;
    private long _nextFunding;
    private double _mark;
    private double _index;
    private double _openInterest;

    /// <param name="spec">Must be <see cref="MarketFeatures.Spec"/> (or a copy): the engine writes exactly its order.</param>
    /// <param name="cadence">Tick cadence; every window must be a whole number of ticks.</param>
    /// <param name="warmUpTicks">Ticks with a mid before the snapshot drops <see cref="DataQuality.WarmUp"/>.</param>
    /// <param name="staleAfter">No event for this long at a tick flags <see cref="DataQuality.Stale"/>.</param>
    public SymbolFeatureEngine(FeatureSpec spec, TimeSpan cadence, int warmUpTicks, TimeSpan staleAfter)
    {
        if (spec.Hash != MarketFeatures.Spec.Hash)
            throw new ArgumentException($"The engine writes spec {MarketFeatures.Spec.Version} ({MarketFeatures.Spec.Hash}), not {spec.Version} ({spec.Hash}).", nameof(spec));
        if (cadence <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "The cadence must be positive.");
        ArgumentOutOfRangeException.ThrowIfLessThan(warmUpTicks, 1);
        _specHash = spec.Hash;
        _featureCount = spec.Features.Count;
        _cadence = cadence.Ticks;
        _warmUpTicks = warmUpTicks;
        _staleAfter = staleAfter.Ticks;
        _ring = new TickRing(FieldCount, WindowTicks(cadence));
    }

    /// <summary>The windows of <see cref="MarketFeatures.Windows"/> in ticks of <paramref name="cadence"/>.</summary>
    /// <exception cref="ArgumentException">A window is not a whole number of ticks.</exception>
    public static int[] WindowTicks(TimeSpan cadence)
    {
        var ticks = new int[MarketFeatures.Windows.Count];
        for (var w = 0; w < ticks.Length; w++)
        {
            var window = MarketFeatures.Windows[w];
            if (window.Ticks % cadence.Ticks != 0 || window < cadence)
                throw new ArgumentException(
                    $"The {MarketFeatures.WindowNames[w]} window is not a whole number of {cadence.TotalMilliseconds:0.###} ms ticks; " +
                    "choose a cadence that divides 1 s.", nameof(cadence));
            ticks[w] = (int)(window.Ticks / cadence.Ticks);
        }
        return ticks;
    }

    public int FeatureCount => _featureCount;

    /// <summary>The current mid (0 before any best prices).</summary>
    public double Mid => _bid > 0 && _ask > 0 ? (_bid + _ask) / 2 : 0;

    public void OnTrade(Trade trade)
    {
        var quantity = (double)trade.Quantity;
        var price = (double)trade.Price;
        var buy = trade.Aggressor == Side.Buy;
        var notional = quantity * price;
        if (buy) _row[FBuyQty] += quantity;
        else _row[FSellQty] += quantity;
        _row[FNotional] += notional;
        _row[FTrades] += 1;
        _row[FSigned] += (buy ? notional : -notional) / 1e6;
        if (quantity >= _largeTrade) _row[FLargeQty] += quantity;
        _vpin.OnTrade(quantity, buy);
        Seen(trade.TsEvent);
    }

    /// <summary>bookTicker: best prices and sizes, and one Cont–Kukanov–Stoikov order-flow increment.</summary>
    public void OnBookTop(BookTop top)
    {
        var bid = (double)top.BidPrice;
        var ask = (double)top.AskPrice;
        if (bid <= 0 || ask <= 0 || ask < bid) return;
        var bidQty = (double)top.BidQuantity;
        var askQty = (double)top.AskQuantity;
        if (_hasTop)
        {
            var e = (bid >= _bid ? bidQty : 0) - (bid <= _bid ? _bidQty : 0) - (ask <= _ask ? askQty : 0) + (ask >= _ask ? _askQty : 0);
            _row[FOfi] += e;
        }
        _row[FTopDepth] += (bidQty + askQty) / 2;
        _row[FTopUpdates] += 1;
        (_bid, _ask, _bidQty, _askQty, _hasTop) = (bid, ask, bidQty, askQty, true);
        Seen(top.TsEvent);
    }

    public void OnMarkPrice(MarkPrice mark)
    {
        _fundingRate = (double)mark.FundingRate;
        _nextFunding = mark.NextFundingTime;
        _mark = (double)mark.Mark;
        _index = mark.IndexPrice is { } index ? (double)index : 0;
        Seen(mark.TsEvent);
    }

    /// <summary>
    /// A depth diff applied to the symbol's synced book: activity for the Stale flag, so a symbol whose best prices
    /// come from the book alone (no bookTicker) is not flagged while its book moves.
    /// </summary>
    public void OnBookUpdate(long tsEvent) => Seen(tsEvent);

    public void OnFundingInterval(FundingInterval interval)
    {
        if (interval.Hours > 0) _fundingIntervalHours = interval.Hours;
    }

    public void OnLiquidation(Liquidation liquidation)
    {
        var price = liquidation.AveragePrice > 0 ? liquidation.AveragePrice : liquidation.Price;
        var quantity = liquidation.FilledQuantity > 0 ? liquidation.FilledQuantity : liquidation.Quantity;
        var notional = (double)(price * quantity) / 1e3;
        if (liquidation.Side == Side.Buy) _row[FLiqBuy] += notional;
        else _row[FLiqSell] += notional;
    }

    public void OnOpenInterest(OpenInterest openInterest)
    {
        if (openInterest.Value > 0) _openInterest = (double)openInterest.Value;
    }

    /// <summary>Closes the interval ending at <paramref name="tick"/>'s time and publishes the snapshot.</summary>
    /// <param name="book">The symbol's local book, or null when none is kept.</param>
    public FeatureSnapshot Snapshot(string symbol, Tick tick, OrderBook? book, bool bookInSync)
    {
        var values = new float[_featureCount];
        var quality = Close(tick.Time, tick.Context, book, bookInSync, values);
        return new FeatureSnapshot(symbol, tick.Time, _specHash, values, quality);
    }

    /// <summary>
    /// Closes the interval ending at <paramref name="time"/>, moves the windows on and writes every feature into
    /// <paramref name="values"/> in spec order. Allocates nothing.
    /// </summary>
    public DataQuality Close(long time, MarketContext context, OrderBook? book, bool bookInSync, Span<float> values)
    {
        if (values.Length != _featureCount) throw new ArgumentException($"Expected {_featureCount} values, got {values.Length}.", nameof(values));
        if (!_hasTop && bookInSync && book is { BidLevels: > 0, AskLevels: > 0 })
        {
            _bid = book.BidPriceValues[^1];
            _ask = book.AskPriceValues[^1];
            _bidQty = book.BidQuantityValues[^1];
            _askQty = book.AskQuantityValues[^1];
        }

        var mid = Mid;
        var observed = mid > 0 && _previousMid > 0;
        var tickReturn = observed ? Math.Log(mid / _previousMid) * 10_000 : 0;
        if (mid > 0)
        {
            _previousMid = mid;
            _ticksWithMid++;
        }

        var btc = context.BtcReturnBps;
        _row[FReturn] = tickReturn;
        _row[FReturn2] = tickReturn * tickReturn;
        _row[FTrades2] = _row[FTrades] * _row[FTrades];
        _row[FSigned2] = _row[FSigned] * _row[FSigned];
        _row[FReturnSigned] = tickReturn * _row[FSigned];
        _row[FBtc] = btc;
        _row[FBtc2] = btc * btc;
        _row[FBtcReturn] = btc * tickReturn;
        _row[FOpenInterest] = _openInterest;
        _ring.Push(_row);
        Array.Clear(_row);

        values.Clear();
        WriteBook(values, mid, book, bookInSync);
        WriteWindows(values, mid);
        WriteDerivatives(values, time);
        WriteContext(values, time, context);
        AfterTick();

        var quality = DataQuality.Ok;
        if (_ticksWithMid < _warmUpTicks) quality |= DataQuality.WarmUp;
        if (_lastEventTime == long.MinValue || time - _lastEventTime > _staleAfter) quality |= DataQuality.Stale;
        if (!bookInSync) quality |= DataQuality.BookOutOfSync;
        return quality;
    }

    private void WriteBook(Span<float> values, double mid, OrderBook? book, bool bookInSync)
    {
        if (mid > 0)
        {
            values[MarketFeatures.SpreadBps] = (float)((_ask - _bid) / mid * 10_000);
            var sizes = _bidQty + _askQty;
            if (sizes > 0)
                values[MarketFeatures.MicropriceOffsetBps] = (float)(((_bid * _askQty + _ask * _bidQty) / sizes - mid) / mid * 10_000);
        }

        if (book is null || !bookInSync || book.BidLevels == 0 || book.AskLevels == 0) return;
        var bidQty = book.BidQuantityValues;
        var askQty = book.AskQuantityValues;
        values[MarketFeatures.DepthImbalanceL1] = (float)LevelImbalance(bidQty, askQty, 1);
        values[MarketFeatures.DepthImbalanceL5] = (float)LevelImbalance(bidQty, askQty, 5);
        values[MarketFeatures.DepthImbalanceL10] = (float)LevelImbalance(bidQty, askQty, 10);

        var bookMid = (book.BidPriceValues[^1] + book.AskPriceValues[^1]) / 2;
        double within10 = 0, within25 = 0, within50 = 0;
        BandNotional(book.BidPriceValues, bidQty, bookMid, ref within10, ref within25, ref within50);
        BandNotional(book.AskPriceValues, askQty, bookMid, ref within10, ref within25, ref within50);
        values[MarketFeatures.Depth10Bps] = (float)(within10 / 1e3);
        values[MarketFeatures.Depth25Bps] = (float)(within25 / 1e3);
        values[MarketFeatures.Depth50Bps] = (float)(within50 / 1e3);
    }

    /// <summary>(bid − ask) / (bid + ask) over the best <paramref name="levels"/> of each side (best level last).</summary>
    private static double LevelImbalance(ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, int levels)
    {
        double bid = 0, ask = 0;
        for (var i = 1; i <= levels && i <= bids.Length; i++) bid += bids[^i];
        for (var i = 1; i <= levels && i <= asks.Length; i++) ask += asks[^i];
        var total = bid + ask;
        return total > 0 ? (bid - ask) / total : 0;
    }

    /// <summary>
    /// Adds one side's notional within 10, 25 and 50 bps of <paramref name="mid"/> to the three sums, in level order.
    /// The sums run in locals (registers) rather than through memory: this loop is most of a tick's close.
    /// </summary>
    private static void BandNotional(ReadOnlySpan<double> prices, ReadOnlySpan<double> quantities, double mid,
        ref double within10, ref double within25, ref double within50)
    {
        double sum10 = within10, sum25 = within25, sum50 = within50;
        var levels = Math.Min(MarketFeatures.DepthScanLevels, prices.Length);
        for (var i = 1; i <= levels; i++)
        {
            var price = prices[^i];
            var distance = Math.Abs(price - mid) / mid * 10_000;
            if (distance > 50) break;
            var notional = price * quantities[^i];
            sum50 += notional;
            if (distance <= 25) sum25 += notional;
            if (distance <= 10) sum10 += notional;
        }

        (within10, within25, within50) = (sum10, sum25, sum50);
    }

    private void WriteWindows(Span<float> values, double mid)
    {
        var seconds = _cadence / (double)TimeSpan.TicksPerSecond;
        for (var w = 0; w < _ring.Windows; w++)
        {
            var sums = _ring.Sums(w);
            var ticks = _ring.Count(w);
            var trades = sums[FTrades];
            values[MarketFeatures.ReturnBps[w]] = (float)sums[FReturn];
            values[MarketFeatures.RealizedVolBps[w]] = (float)Math.Sqrt(Math.Max(0, sums[FReturn2]));
            if (sums[FTopUpdates] > 0 && sums[FTopDepth] > 0)
                values[MarketFeatures.Ofi[w]] = (float)(sums[FOfi] / (sums[FTopDepth] / sums[FTopUpdates]));
            values[MarketFeatures.TradeRate[w]] = (float)(trades / (ticks * seconds));
            if (trades > 0)
            {
                var quantity = sums[FBuyQty] + sums[FSellQty];
                if (quantity > 0)
                {
                    values[MarketFeatures.TradeImbalance[w]] = (float)Math.Clamp((sums[FBuyQty] - sums[FSellQty]) / quantity, -1, 1);
                    var vwap = sums[FNotional] / quantity;
                    if (mid > 0 && vwap > 0) values[MarketFeatures.VwapDeviationBps[w]] = (float)((mid - vwap) / vwap * 10_000);
                }
            }
        }

        // Trade intensity against the 5-min baseline of trades per tick.
        var baseTicks = _ring.Count(MarketFeatures.W5m);
        var mean = _ring.Sum(MarketFeatures.W5m, FTrades) / baseTicks;
        var variance = _ring.Sum(MarketFeatures.W5m, FTrades2) / baseTicks - mean * mean;
        for (var w = 0; w < ZWindows.Length; w++)
        {
            if (variance <= 1e-12) break;
            var ticks = _ring.Count(w);
            var rate = _ring.Sum(w, FTrades) / ticks;
            values[MarketFeatures.TradeRateZ1s + w] = (float)((rate - mean) / Math.Sqrt(variance / ticks));
        }

        values[MarketFeatures.LargeTradeShare30s] = (float)LargeShare(MarketFeatures.W30s);
        values[MarketFeatures.LargeTradeShare5m] = (float)LargeShare(MarketFeatures.W5m);
        values[MarketFeatures.KyleLambda30s] = (float)Lambda(MarketFeatures.W30s);
        values[MarketFeatures.KyleLambda30s + 1] = (float)Lambda(MarketFeatures.W2m);
        values[MarketFeatures.KyleLambda30s + 2] = (float)Lambda(MarketFeatures.W5m);
        values[MarketFeatures.Vpin] = (float)_vpin.Value;
        values[MarketFeatures.LiqBuy30s] = (float)Math.Max(0, _ring.Sum(MarketFeatures.W30s, FLiqBuy));
        values[MarketFeatures.LiqSell30s] = (float)Math.Max(0, _ring.Sum(MarketFeatures.W30s, FLiqSell));
        values[MarketFeatures.LiqBuy5m] = (float)Math.Max(0, _ring.Sum(MarketFeatures.W5m, FLiqBuy));
        values[MarketFeatures.LiqSell5m] = (float)Math.Max(0, _ring.Sum(MarketFeatures.W5m, FLiqSell));
    }

    private double LargeShare(int window)
    {
        if (_ring.Sum(window, FTrades) < 0.5) return 0;
        var quantity = _ring.Sum(window, FBuyQty) + _ring.Sum(window, FSellQty);
        return quantity > 0 ? Math.Clamp(_ring.Sum(window, FLargeQty) / quantity, 0, 1) : 0;
    }

    /// <summary>OLS slope of per-tick return on per-tick signed notional (millions) over the window.</summary>
    private double Lambda(int window)
    {
        var n = _ring.Count(window);
        var sx = _ring.Sum(window, FSigned);
        var sy = _ring.Sum(window, FReturn);
        var denominator = n * _ring.Sum(window, FSigned2) - sx * sx;
        if (_ring.Sum(window, FTrades) < 0.5 || denominator <= 1e-18) return 0;
        return (n * _ring.Sum(window, FReturnSigned) - sx * sy) / denominator;
    }

    private void WriteDerivatives(Span<float> values, long time)
    {
        values[MarketFeatures.FundingRate8hBps] = (float)(Funding.Per8Hours(_fundingRate, _fundingIntervalHours) * 10_000);
        if (_nextFunding > time) values[MarketFeatures.TimeToFundingMin] = (float)((_nextFunding - time) / (double)TimeSpan.TicksPerMinute);
        if (_mark > 0 && _index > 0) values[MarketFeatures.MarkIndexPremiumBps] = (float)((_mark - _index) / _index * 10_000);
        values[MarketFeatures.OiChangePct2m] = (float)OpenInterestChange(MarketFeatures.W2m);
        values[MarketFeatures.OiChangePct5m] = (float)OpenInterestChange(MarketFeatures.W5m);
    }

    private double OpenInterestChange(int window)
    {
        var ago = _ring.Length(window);
        if (_ring.Pushed <= ago || _openInterest <= 0) return 0;
        var then = _ring.Ago(ago, FOpenInterest);
        return then > 0 ? (_openInterest / then - 1) * 100 : 0;
    }

    private void WriteContext(Span<float> values, long time, MarketContext context)
    {
        values[MarketFeatures.BtcReturn30s] = (float)context.BtcReturn30sBps;
        values[MarketFeatures.BtcVol5m] = (float)context.BtcVolatilityBps;
        values[MarketFeatures.EthReturn30s] = (float)context.EthReturn30sBps;
        values[MarketFeatures.EthVol5m] = (float)context.EthVolatilityBps;
        values[MarketFeatures.Breadth30s] = (float)context.Breadth;
        values[MarketFeatures.VolRegimePct] = (float)context.VolatilityRegime;

        var n = _ring.Count(MarketFeatures.W5m);
        var mx = _ring.Sum(MarketFeatures.W5m, FBtc) / n;
        var my = _ring.Sum(MarketFeatures.W5m, FReturn) / n;
        var covariance = _ring.Sum(MarketFeatures.W5m, FBtcReturn) / n - mx * my;
        var varianceX = _ring.Sum(MarketFeatures.W5m, FBtc2) / n - mx * mx;
        var varianceY = _ring.Sum(MarketFeatures.W5m, FReturn2) / n - my * my;
        if (varianceX > 1e-12)
        {
            values[MarketFeatures.BetaBtc5m] = (float)(covariance / varianceX);
            if (varianceY > 1e-12) values[MarketFeatures.CorrBtc5m] = (float)Math.Clamp(covariance / Math.Sqrt(varianceX * varianceY), -1, 1);
        }

        var dayFraction = time % TimeSpan.TicksPerDay / (double)TimeSpan.TicksPerDay;
        values[MarketFeatures.TimeOfDaySin] = (float)Math.Sin(2 * Math.PI * dayFraction);
        values[MarketFeatures.TimeOfDayCos] = (float)Math.Cos(2 * Math.PI * dayFraction);
    }

    /// <summary>Thresholds that read the windows just closed: the large-trade size and the next VPIN bucket size.</summary>
    private void AfterTick()
    {
        var trades = _ring.Sum(MarketFeatures.W5m, FTrades);
        var quantity = _ring.Sum(MarketFeatures.W5m, FBuyQty) + _ring.Sum(MarketFeatures.W5m, FSellQty);
        _largeTrade = trades >= 0.5 && quantity > 0 ? MarketFeatures.LargeTradeMultiple * quantity / trades : double.PositiveInfinity;
        if (trades >= 0.5 && quantity > 0) _vpin.SetBucketSize(quantity / MarketFeatures.VpinBuckets);
    }

    private void Seen(long tsEvent)
    {
        if (tsEvent > _lastEventTime) _lastEventTime = tsEvent;
    }
}
