namespace Screener.Sim.Market;

/// <summary>
/// One <c>GET /fapi/v1/premiumIndex</c> row: the values of the symbol's last markPriceUpdate (same mark,
/// index, settle and funding rate; <c>nextFundingTime</c> is that push's <c>T</c>, <c>time</c> its <c>E</c>).
/// </summary>
internal sealed record PremiumRow(
    string Symbol,
    string MarkPrice,
    string IndexPrice,
    string EstimatedSettlePrice,
    string LastFundingRate,
    string InterestRate,
    long NextFundingTime,
    long Time);
