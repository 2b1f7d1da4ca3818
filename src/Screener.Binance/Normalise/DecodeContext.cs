using Screener.Binance.Wire;
using Screener.Contracts.Market;

namespace Screener.Binance.Normalise;

/// <summary>What every parse function needs from the frame being decoded, plus the per-thread scratch buffers.</summary>
internal readonly record struct DecodeContext(long TsInit, long Sequence, SymbolCache Symbols, List<PriceLevel> LevelScratch);
