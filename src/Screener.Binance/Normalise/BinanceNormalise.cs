using Screener.Binance.Wire;
using Screener.Contracts.Market;
using Screener.Contracts.Time;

namespace Screener.Binance.Normalise;

/// <summary>
/// Pure mappings from Binance wire messages to the canonical market events. Exchange times are converted to UTC
/// ticks here and nowhere else; venue enums are mapped explicitly.
/// </summary>
internal static class BinanceNormalise
{
    /// <summary>Binance's <c>st</c> for COIN-M rows, which leak into USDⓈ-M all-market arrays since 2025-26.</summary>
    public const long CoinMarginedSymbolType = 2;

    /// <summary>Suffix of COIN-M perpetual symbols (<c>BTCUSD_PERP</c>); USDⓈ-M perpetuals have no suffix.</summary>
    public const string CoinMarginedPerpetualSuffix = "_PERP";

    /// <summary>True for rows that belong to COIN-M (volumes in contracts, not base units): never ours.</summary>
    public static bool IsCoinMargined(long? symbolType) => symbolType == CoinMarginedSymbolType;

    /// <summary>
    /// The all-market array rule (WebSocket <c>!…@arr</c> and REST all-symbol lists): a row is COIN-M when its
    /// <c>st</c> says so or, for rows without <c>st</c> (REST), when its symbol is a COIN-M perpetual.
    /// </summary>
    public static bool IsCoinMarginedRow(long? symbolType, string symbol) =>
        IsCoinMargined(symbolType) || symbol.EndsWith(CoinMarginedPerpetualSuffix, StringComparison.Ordinal);

    /// <summary><c>m</c> = buyer is maker, so the taker (aggressor) sold.</summary>
    public static Side AggressorOf(bool buyerIsMaker) => buyerIsMaker ? Side.Sell : Side.Buy;

    public static Trade ToTrade(in BinanceAggTradeMsg msg, long tsInit, long sequence) =>
        new(msg.Symbol, UtcTime.FromUnixMs(msg.EventTimeMs), tsInit, sequence,
            msg.AggTradeId, msg.Price, msg.Quantity, AggressorOf(msg.BuyerIsMaker), UtcTime.FromUnixMs(msg.TradeTimeMs));

    /// <summary>A raw <c>trade</c> maps to the same event as an agg trade; its trade id is <c>t</c>.</summary>
    public static Trade ToTrade(in BinanceTradeMsg msg, long tsInit, long sequence) =>
        new(msg.Symbol, UtcTime.FromUnixMs(msg.EventTimeMs), tsInit, sequence,
            msg.TradeId, msg.Price, msg.Quantity, AggressorOf(msg.BuyerIsMaker), UtcTime.FromUnixMs(msg.TradeTimeMs));

    /// <summary>Spot bookTicker carries no event time, so the receive time stands in for it.</summary>
    public static BookTop ToBookTop(in BinanceBookTickerMsg msg, long tsInit, long sequence) =>
        new(msg.Symbol, msg.EventTimeMs is { } e ? UtcTime.FromUnixMs(e) : tsInit, tsInit, sequence,
            msg.UpdateId, msg.BidPrice, msg.BidQuantity, msg.AskPrice, msg.AskQuantity);

    public static DepthDiff ToDepthDiff(in BinanceDepthUpdateMsg msg, long tsInit, long sequence) =>
        new(msg.Symbol, UtcTime.FromUnixMs(msg.EventTimeMs), tsInit, sequence,
            msg.FirstUpdateId, msg.FinalUpdateId, msg.PreviousFinalUpdateId, msg.Bids, msg.Asks);

    /// <summary>
    /// <c>T</c> = 0 means "no next funding" and stays 0 rather than becoming the Unix epoch; an empty <c>r</c>
    /// (contracts without funding) reads as a zero rate.
    /// </summary>
    public static MarkPrice ToMarkPrice(in BinanceMarkPriceMsg msg, long tsInit, long sequence) =>
        new(msg.Symbol, UtcTime.FromUnixMs(msg.EventTimeMs), tsInit, sequence,
            msg.MarkPrice, msg.IndexPrice, msg.FundingRate ?? 0m,
            msg.NextFundingTimeMs == 0 ? 0 : UtcTime.FromUnixMs(msg.NextFundingTimeMs));

    public static Liquidation ToLiquidation(in BinanceForceOrderMsg msg, long tsInit, long sequence) =>
        new(msg.Symbol, UtcTime.FromUnixMs(msg.EventTimeMs), tsInit, sequence,
            msg.Side, msg.Price, msg.AveragePrice, msg.Quantity, msg.FilledQuantity, msg.Status,
            UtcTime.FromUnixMs(msg.TradeTimeMs));

    public static Kline ToKline(in BinanceKlineMsg msg, long tsInit, long sequence) =>
        new(msg.Symbol, UtcTime.FromUnixMs(msg.EventTimeMs), tsInit, sequence,
            msg.Interval, UtcTime.FromUnixMs(msg.OpenTimeMs), UtcTime.FromUnixMs(msg.CloseTimeMs),
            msg.Open, msg.High, msg.Low, msg.Close, msg.Volume, msg.QuoteVolume, msg.TradeCount, msg.IsClosed);

    /// <summary>The body has no symbol (the envelope does); without <c>E</c> (spot) the receive time stands in.</summary>
    public static DepthSnapshot ToDepthSnapshot(in BinanceDepthSnapshotMsg msg, string symbol, long tsInit, long sequence) =>
        new(symbol, msg.EventTimeMs is { } e ? UtcTime.FromUnixMs(e) : tsInit, tsInit, sequence,
            msg.LastUpdateId, msg.Bids, msg.Asks);

    /// <summary>A REST <c>premiumIndex</c> row: the same facts as a markPriceUpdate, timed by its <c>time</c>.</summary>
    public static MarkPrice ToMarkPrice(in BinancePremiumIndexMsg msg, long tsInit, long sequence) =>
        new(msg.Symbol, UtcTime.FromUnixMs(msg.TimeMs), tsInit, sequence,
            msg.MarkPrice, msg.IndexPrice, msg.LastFundingRate ?? 0m,
            msg.NextFundingTimeMs == 0 ? 0 : UtcTime.FromUnixMs(msg.NextFundingTimeMs));

    /// <summary>
    /// A REST <c>fundingInfo</c> row. Its <c>updateTime</c> is when the cap, floor or interval was last adjusted
    /// (often null, sometimes months old), not when the fact was observed, so the poll's receive time is the event
    /// time: an interval learned now is news now.
    /// </summary>
    public static FundingInterval ToFundingInterval(in BinanceFundingInfoMsg msg, long tsInit, long sequence) =>
        new(msg.Symbol, tsInit, tsInit, sequence, msg.FundingIntervalHours);

    public static OpenInterest ToOpenInterest(in BinanceOpenInterestMsg msg, long tsInit, long sequence) =>
        new(msg.Symbol, UtcTime.FromUnixMs(msg.TimeMs), tsInit, sequence, msg.OpenInterest);

    /// <summary>
    /// The event of a frame parsed by <see cref="BinanceWireParser"/>: the same mappings as the <c>*Msg</c>
    /// overloads above, reading the reusable <see cref="ParsedFrame"/> instead.
    /// </summary>
    public static MarketEvent FromParsed(ParsedFrame f, long tsInit, long sequence) => f.Kind switch
    {
        BinanceEventType.AggTrade or BinanceEventType.Trade =>
            new Trade(f.Symbol, UtcTime.FromUnixMs(f.EventTimeMs.GetValueOrDefault()), tsInit, sequence,
                f.Id, f.Price, f.Quantity, AggressorOf(f.BuyerIsMaker), UtcTime.FromUnixMs(f.TradeTimeMs)),
        BinanceEventType.BookTicker =>
            new BookTop(f.Symbol, f.EventTimeMs is { } e ? UtcTime.FromUnixMs(e) : tsInit, tsInit, sequence,
                f.Id, f.BidPrice, f.BidQuantity, f.AskPrice, f.AskQuantity),
        BinanceEventType.DepthUpdate =>
            new DepthDiff(f.Symbol, UtcTime.FromUnixMs(f.EventTimeMs.GetValueOrDefault()), tsInit, sequence,
                f.FirstUpdateId, f.FinalUpdateId, f.PreviousFinalUpdateId, f.Bids.ToEquatableArray(), f.Asks.ToEquatableArray()),
        BinanceEventType.MarkPriceUpdate =>
            new MarkPrice(f.Symbol, UtcTime.FromUnixMs(f.EventTimeMs.GetValueOrDefault()), tsInit, sequence,
                f.MarkPrice, f.IndexPrice, f.FundingRate ?? 0m,
                f.NextFundingTimeMs == 0 ? 0 : UtcTime.FromUnixMs(f.NextFundingTimeMs)),
        _ => throw new ArgumentOutOfRangeException(nameof(f), f.Kind, "Not a kind the wire parser produces."),
    };
}
