using System.Text;
using Screener.Contracts.Market;
using Screener.Contracts.Time;
using Xunit;

namespace Screener.Contracts.Tests;

/// <summary>
/// One realistic instance of every contract, keyed by a readable name so theories show one case per contract.
/// Values are shaped like live Binance USD-M data: prices with trailing zeros, ~1.2e13 update ids, UTC ticks.
/// </summary>
public static class ContractSamples
{
    public static readonly long TsEvent = UtcTime.FromUnixMs(1791382992488);
    public static readonly long TsInit = UtcTime.FromUnixMs(1791382992491);
    public static readonly long TsTrade = UtcTime.FromUnixMs(1791382992486);
    public static readonly long CadenceTime = UtcTime.FromUnixMs(1791382992250);

    public static readonly Trade Trade = new(
        "BTCUSDT", TsEvent, TsInit, 1_204_518, TradeId: 2_604_871_905,
        Price: 83091.70m, Quantity: 0.015m, Side.Sell, TsTrade);

    public static readonly BookTop BookTop = new(
        "BTCUSDT", TsEvent, TsInit, 1_204_519, UpdateId: 12_043_871_906_002,
        BidPrice: 83091.60m, BidQuantity: 3.250m, AskPrice: 83091.70m, AskQuantity: 0.008m);

    public static readonly DepthDiff FuturesDepthDiff = new(
        "BTCUSDT", TsEvent, TsInit, 1_204_520,
        FirstUpdateId: 12_043_871_905_991, FinalUpdateId: 12_043_871_906_010, PreviousFinalUpdateId: 12_043_871_905_990,
        Bids: EquatableArray.Create(new PriceLevel(83091.60m, 3.250m), new PriceLevel(83090.00m, 0.000m)),
        Asks: EquatableArray.Create(new PriceLevel(83091.70m, 0.008m)));

    public static readonly DepthDiff SpotDepthDiff = FuturesDepthDiff with { PreviousFinalUpdateId = null };

    public static readonly DepthSnapshot DepthSnapshot = new(
        "BTCUSDT", TsEvent, TsInit, 1_204_521, LastUpdateId: 12_043_871_905_980,
        Bids: EquatableArray.Create(new PriceLevel(83091.60m, 3.250m), new PriceLevel(83091.50m, 0.120m)),
        Asks: EquatableArray.Create(new PriceLevel(83091.70m, 0.008m), new PriceLevel(83092.00m, 1.000m)));

    public static readonly MarkPrice MarkPrice = new(
        "BTCUSDT", TsEvent, TsInit, 1_204_522, Mark: 83095.12345678m, IndexPrice: 83080.41234783m,
        FundingRate: 0.00010000m, NextFundingTime: UtcTime.FromUnixMs(1791388800000));

    public static readonly MarkPrice MarkPriceWithoutIndex = MarkPrice with { IndexPrice = null };

    public static readonly Liquidation Liquidation = new(
        "ETHUSDT", TsEvent, TsInit, 1_204_523, Side.Sell, Price: 1843.20m, AveragePrice: 1851.07m,
        Quantity: 12.500m, FilledQuantity: 12.500m, Status: "FILLED", TsTrade);

    public static readonly OpenInterest OpenInterest = new("BTCUSDT", TsEvent, TsInit, 1_204_524, Value: 84213.337m);

    public static readonly Kline Kline = new(
        "BTCUSDT", TsEvent, TsInit, 1_204_525, "1m",
        OpenTime: UtcTime.FromUnixMs(1791382980000), CloseTime: UtcTime.FromUnixMs(1791383039999),
        Open: 83120.00m, High: 83140.50m, Low: 83085.10m, Close: 83091.70m,
        Volume: 412.318m, QuoteVolume: 34268841.77310m, TradeCount: 18_422, IsClosed: true);

    public static readonly Connected Connected = new(TsEvent, TsInit, 1, "s0/public");

    public static readonly Disconnected Disconnected = new(TsEvent, TsInit, 1_204_526, "s0/public", "close 1006: abnormal closure");

    public static readonly Subscribed Subscribed = new(TsEvent, TsInit, 2, "s0/public",
        new SymbolStream[] { new("BTCUSDT", HealthStreamKind.Depth), new("BTCUSDT", HealthStreamKind.BookTicker) });

    public static readonly Gap Gap = new(
        "BTCUSDT", TsEvent, TsInit, 1_204_527, ExpectedPreviousId: 12_043_871_906_010, ActualPreviousId: 12_043_871_906_044);

    public static readonly Stale Stale = new("SOLUSDT", TsEvent, TsInit, 1_204_528, StreamKind: "aggTrade", SilentTicks: 20);

    public static readonly Heartbeat Heartbeat = new(TsInit, 1_204_529);

    public static readonly FundingInterval FundingInterval = new("XAUUSDT", TsEvent, TsInit, 1_204_530, Hours: 4);

    public static readonly RawFrame WebSocketFrame = new(
        "s0/public", 1_204_518, TsInit, RawFrameKind.WebSocket,
        Utf8("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":1791382992488,"s":"BTCUSDT","a":2604871905,"p":"83091.70","q":"0.015","m":true}}"""));

    public static readonly RawFrame RestFrame = new(
        "s0/rest", 1_204_517, TsInit, RawFrameKind.Rest,
        Utf8("""{"lastUpdateId":12043871905980,"E":1791382992488,"bids":[["83091.60","3.250"]],"asks":[["83091.70","0.008"]]}"""));

    public static readonly RawFrame HeartbeatFrame = RawFrame.Heartbeat(TsInit);

    public static readonly RawFrame StatusFrame = new(
        "s0/public", 1_204_531, TsInit, RawFrameKind.Status, Screener.Contracts.Serialization.ContractSerializer.ToJson(Disconnected));

    public static readonly Tick Tick = new(
        "BTCUSDT", CadenceTime, RoundSize: 212,
        new MarketContext(CadenceTime, BtcReturnBps: 1.83, BtcVolatilityBps: 4.217, Breadth: 0.6132075471698113, ActiveSymbols: 212));

    public static readonly FeatureSnapshot FeatureSnapshot = new(
        "BTCUSDT", CadenceTime, "fs-7c1e9a40",
        EquatableArray.Create(0.125f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, -3.5f),
        DataQuality.WarmUp | DataQuality.BookOutOfSync);

    public static readonly PredictionSnapshot PredictionSnapshot = new(
        "BTCUSDT", CadenceTime, "gbm-2026-11-20",
        EquatableArray.Create(
            new HeadPrediction("taker", 60, PInPlay: 0.71, ExpectedMoveBps: 14.2, CostBps: 5.5, NetEdgeBps: 8.7),
            new HeadPrediction("maker", 300, PInPlay: 0.58, ExpectedMoveBps: 22.9, CostBps: 2.1, NetEdgeBps: 20.8)),
        Regime: "trend",
        EquatableArray.Create(new Attribution("ofi_5s", 0.31), new Attribution("spread_bps", -0.07)),
        EquatableArray.Create("DATA_ISSUE"));

    public static readonly PredictionSnapshot ClearPrediction = PredictionSnapshot with
    {
        Symbol = "ETHUSDT",
        Gates = EquatableArray<string>.Empty,
        Attributions = EquatableArray<Attribution>.Empty,
    };

    public static readonly RankEvent Enter = new(
        CadenceTime, RankEventKind.SymbolEnter, "BTCUSDT", Rank: 1, Score: 8.7, "taker", 60, "gbm-2026-11-20",
        EquatableArray.Create("OFI_SURGE", "VOL_EXPANSION"), "IN PLAY");

    public static readonly RankEvent EnterWithNarrative = Enter with { Narrative = "Aggressive buying lifts BTC through 83k." };

    public static readonly RankEvent Exit = Enter with { Kind = RankEventKind.SymbolExit, Rank = 0, Score = 1.2, StatusLabel = "COOLING" };

    public static readonly RankEvent ExitWithNarrative = Exit with { Narrative = "Edge faded below cost." };

    public static readonly RankEvent Alert = Enter with { Kind = RankEventKind.Alert, Score = 12.4, StatusLabel = "ALERT" };

    public static readonly RankEvent AlertWithNarrative = Alert with { Narrative = "Liquidation cascade on the ask side." };

    public static readonly FrameBatch FrameBatch = new("s0", EquatableArray.Create(RestFrame, WebSocketFrame, HeartbeatFrame));

    public static readonly PredictionBatch PredictionBatch = new(CadenceTime, EquatableArray.Create(PredictionSnapshot, ClearPrediction));

    public static readonly ModelSwitch ModelSwitch = new(CadenceTime, "0.1.0+d0d263e09532.20261010T141800Z.6a93d9b5c6fd461d",
        "0.2.0+a100df6b0082.20261010T141800Z.0c4d2e8f7a915b36");

    /// <summary>Every sample by name. A new contract type needs an entry here to be round-trip tested.</summary>
    public static readonly IReadOnlyDictionary<string, IScreenerMessage> All = new Dictionary<string, IScreenerMessage>
    {
        [nameof(Trade)] = Trade,
        [nameof(BookTop)] = BookTop,
        [nameof(FuturesDepthDiff)] = FuturesDepthDiff,
        [nameof(SpotDepthDiff)] = SpotDepthDiff,
        [nameof(DepthSnapshot)] = DepthSnapshot,
        [nameof(MarkPrice)] = MarkPrice,
        [nameof(MarkPriceWithoutIndex)] = MarkPriceWithoutIndex,
        [nameof(Liquidation)] = Liquidation,
        [nameof(OpenInterest)] = OpenInterest,
        [nameof(Kline)] = Kline,
        [nameof(Connected)] = Connected,
        [nameof(Disconnected)] = Disconnected,
        [nameof(Subscribed)] = Subscribed,
        [nameof(Gap)] = Gap,
        [nameof(Stale)] = Stale,
        [nameof(Heartbeat)] = Heartbeat,
        [nameof(FundingInterval)] = FundingInterval,
        [nameof(WebSocketFrame)] = WebSocketFrame,
        [nameof(RestFrame)] = RestFrame,
        [nameof(HeartbeatFrame)] = HeartbeatFrame,
        [nameof(StatusFrame)] = StatusFrame,
        [nameof(Tick)] = Tick,
        [nameof(FeatureSnapshot)] = FeatureSnapshot,
        [nameof(ModelSwitch)] = ModelSwitch,
        [nameof(PredictionSnapshot)] = PredictionSnapshot,
        [nameof(ClearPrediction)] = ClearPrediction,
        [nameof(Enter)] = Enter,
        [nameof(EnterWithNarrative)] = EnterWithNarrative,
        [nameof(Exit)] = Exit,
        [nameof(ExitWithNarrative)] = ExitWithNarrative,
        [nameof(Alert)] = Alert,
        [nameof(AlertWithNarrative)] = AlertWithNarrative,
        [nameof(FrameBatch)] = FrameBatch,
        [nameof(PredictionBatch)] = PredictionBatch,
    };

    public static TheoryData<string> Names => new(All.Keys);

    private static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
