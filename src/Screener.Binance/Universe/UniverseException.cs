using Screener.Contracts;

namespace Screener.Binance.Universe;

/// <summary>The universe settings cannot be satisfied, for example the include list names symbols Binance does not list.</summary>
public sealed class UniverseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UniverseException(string message, EquatableArray<string> unknownSymbols) : base(message) => UnknownSymbols = unknownSymbols;

    /// <summary>Include-list symbols that exchangeInfo does not list (empty for other causes).</summary>
    public EquatableArray<string> UnknownSymbols { get; }
}
