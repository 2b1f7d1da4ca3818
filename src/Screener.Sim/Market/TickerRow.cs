namespace Screener.Sim.Market;

/// <summary>One <c>GET /fapi/v1/ticker/24hr</c> row, values already in their wire text.</summary>
internal sealed record TickerRow(
    string Symbol,
    string PriceChange,
    string PriceChangePercent,
    string WeightedAvgPrice,
    string LastPrice,
    string LastQty,
    string OpenPrice,
    string HighPrice,
    string LowPrice,
    string Volume,
    string QuoteVolume,
    long OpenTime,
    long CloseTime,
    long FirstId,
    long LastId,
    long Count);
