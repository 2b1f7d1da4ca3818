namespace Screener.Sim.Market;

/// <summary>One <c>GET /fapi/v1/openInterest</c> answer: base-asset open interest at the symbol's quantity precision.</summary>
internal sealed record OpenInterestRow(string Symbol, string OpenInterest, long Time);
