namespace Screener.Sim.Journal;

/// <summary>A REST response body as the exchange sent it, for <paramref name="Symbol"/> (<c>*</c> for an array of a shard's rows).</summary>
public sealed record SimRestFrame(string ConnectionId, long TsInit, SimRestCall Call, string Symbol, byte[] Body) : SimJournalFrame(ConnectionId, TsInit)
{
    /// <summary>The symbol of a body that holds rows of many symbols.</summary>
    public const string AllSymbols = "*";
}
