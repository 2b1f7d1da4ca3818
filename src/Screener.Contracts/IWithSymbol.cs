namespace Screener.Contracts;

/// <summary>Routing marker: the per-symbol substreams and (later) sharding key off <see cref="Symbol"/>.</summary>
public interface IWithSymbol
{
    /// <summary>Exchange symbol, uppercase (for example <c>BTCUSDT</c>).</summary>
    string Symbol { get; }
}
