using Screener.Analytics.Books;

namespace Screener.Pipeline.Stages;

/// <summary>
/// A read-only look at one symbol's book at one tick (<see cref="SymbolState"/>), for offline label observations.
/// </summary>
/// <param name="symbol">The symbol ticked.</param>
/// <param name="time">The tick's time, the time of the snapshot published for it.</param>
/// <param name="syncedBook">The symbol's book when it is synced, otherwise null. Read it during the call only: the
/// state keeps changing it afterwards, and must not be changed.</param>
public delegate void TickBookObserver(string symbol, long time, OrderBook? syncedBook);
