namespace Screener.Sim.Journal;

/// <summary>The fapi REST calls a node makes besides exchangeInfo, whose answers it journals.</summary>
public enum SimRestCall
{
    /// <summary><c>GET /fapi/v1/depth?symbol=&amp;limit=</c>: a depth snapshot, after the first diff of a symbol on a connection.</summary>
    Depth = 0,

    /// <summary><c>GET /fapi/v1/openInterest?symbol=</c>: one symbol at a time, spread over the poll interval.</summary>
    OpenInterest = 1,

    /// <summary><c>GET /fapi/v1/premiumIndex</c>: every symbol, journaled as one array per shard.</summary>
    PremiumIndex = 2,

    /// <summary><c>GET /fapi/v1/fundingInfo</c>: every symbol, journaled as one array per shard.</summary>
    FundingInfo = 3,
}
