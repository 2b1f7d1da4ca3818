using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Analytics.Features;

/// <summary>
/// Rolling features for one symbol. Market events accumulate into the current cadence interval; each tick
/// closes the interval, pushes it into the windows and publishes a <see cref="FeatureSnapshot"/>. Time comes
/// only from the events and ticks, so the same input always gives the same snapshots.
/// </summary>
public sealed class SymbolFeatureEngine
{
    private readonly FeatureSpec _spec;
    private readonly string _specHash;
    private readonly int _shortTicks;
    private readonly long _staleAfterTicks;
    private readonly RollingWindow _returnsShort;
    private readonly RollingWindow _returnsLong;
    private readonly RollingWindow _buyShort;
    private readonly RollingWindow _sellShort;
    private readonly RollingWindow _buyLong;
    private readonly RollingWindow _sellLong;
    private readonly RollingWindow _countShort;

    private decimal _bid;
    private decimal _ask;
    private double _previousMid;
    private double _intervalBuy;
    private double _intervalSell;
    private int _intervalTrades;
    private long _lastEventTime = long.MinValue;
    private long _observedReturns;
    private double _fundingRate;
    private int _fundingIntervalHours = Funding.DefaultIntervalHours;

    public SymbolFeatureEngine(FeatureSpec spec, int shortTicks, int longTicks, TimeSpan staleAfter)
    {
        if (longTicks < shortTicks) throw new ArgumentException("The long window must not be shorter than the short one.");
        _spec = spec;
        _specHash = spec.Hash;
        _shortTicks = shortTicks;
        _staleAfterTicks = staleAfter.Ticks;
        _returnsShort = new RollingWindow(shortTicks);
        _returnsLong = new RollingWindow(longTicks);
        _buyShort = new RollingWindow(shortTicks);
        _sellShort = new RollingWindow(shortTicks);
        _buyLong = new RollingWindow(longTicks);
        _sellLong = new RollingWindow(longTicks);
        _countShort = new RollingWindow(shortTicks);
    }

    public double Mid => _bid > 0 && _ask > 0 ? (double)(_bid + _ask) / 2 : 0;

    public void OnTrade(Trade trade)
    {
        var quantity = (double)trade.Quantity;
        if (trade.Aggressor == Side.Buy) _intervalBuy += quantity;
        else _intervalSell += quantity;
        _intervalTrades++;
        Seen(trade.TsEvent);
    }

    public void OnBookTop(BookTop top) => OnBest(top.BidPrice, top.AskPrice, top.TsEvent);

    public void OnMarkPrice(MarkPrice mark)
    {
        _fundingRate = (double)mark.FundingRate;
        Seen(mark.TsEvent);
    }

    public void OnFundingInterval(FundingInterval interval) => _fundingIntervalHours = interval.Hours;

    /// <summary>Best prices from the synced order book, for when no bookTicker stream is subscribed.</summary>
    public void OnBest(decimal bid, decimal ask, long tsEvent)
    {
        if (bid <= 0 || ask <= 0 || ask < bid) return;
        _bid = bid;
        _ask = ask;
        Seen(tsEvent);
    }

    /// <summary>Closes the interval ending at <paramref name="time"/> and publishes the snapshot.</summary>
    public FeatureSnapshot Snapshot(string symbol, long time, bool bookInSync)
    {
        var mid = Mid;
        var observed = mid > 0 && _previousMid > 0;
        var tickReturn = observed ? Math.Log(mid / _previousMid) * 10_000 : 0;
        if (observed) _observedReturns++;
        if (mid > 0) _previousMid = mid;

        _returnsShort.Push(tickReturn);
        _returnsLong.Push(tickReturn);
        _buyShort.Push(_intervalBuy);
        _sellShort.Push(_intervalSell);
        _buyLong.Push(_intervalBuy);
        _sellLong.Push(_intervalSell);
        _countShort.Push(_intervalTrades);
        _intervalBuy = _intervalSell = 0;
        _intervalTrades = 0;

        var values = new float[_spec.Features.Count];
        values[SpineFeatures.SpreadBps] = mid > 0 ? (float)((double)(_ask - _bid) / mid * 10_000) : 0f;
        values[SpineFeatures.MidReturnBps] = (float)tickReturn;
        values[SpineFeatures.MidReturnBpsLong] = (float)_returnsLong.Sum;
        values[SpineFeatures.TradeImbalance] = (float)Imbalance(_buyShort.Sum, _sellShort.Sum);
        values[SpineFeatures.TradeImbalanceLong] = (float)Imbalance(_buyLong.Sum, _sellLong.Sum);
        values[SpineFeatures.RealizedVolBps] = (float)_returnsShort.StandardDeviation();
        values[SpineFeatures.RealizedVolBpsLong] = (float)_returnsLong.StandardDeviation();
        values[SpineFeatures.TradeCount] = (float)_countShort.Sum;
        values[SpineFeatures.FundingRate8hBps] = (float)(Funding.Per8Hours(_fundingRate, _fundingIntervalHours) * 10_000);

        var quality = DataQuality.Ok;
        if (_observedReturns < _shortTicks) quality |= DataQuality.WarmUp;
        if (_lastEventTime == long.MinValue || time - _lastEventTime > _staleAfterTicks) quality |= DataQuality.Stale;
        if (!bookInSync) quality |= DataQuality.BookOutOfSync;
        return new FeatureSnapshot(symbol, time, _specHash, values, quality);
    }

    private void Seen(long tsEvent)
    {
        if (tsEvent > _lastEventTime) _lastEventTime = tsEvent;
    }

    private static double Imbalance(double buy, double sell)
    {
        var total = buy + sell;
        return total > 0 ? (buy - sell) / total : 0;
    }
}
