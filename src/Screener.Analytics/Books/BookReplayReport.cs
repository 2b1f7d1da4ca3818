using Screener.Contracts.Market;

namespace Screener.Analytics.Books;

/// <summary>The outcome of <see cref="BookReplay.Run"/>.</summary>
public sealed record BookReplayReport(
    string Symbol,
    long SnapshotLastUpdateId,
    IReadOnlyList<int> DroppedFrameIndexes,
    int? FirstAppliedFrameIndex,
    int FramesApplied,
    int? ResyncRequiredAtFrameIndex,
    long FinalUpdateId,
    int BidLevels,
    int AskLevels,
    IReadOnlyList<PriceLevel> Top5Bids,
    IReadOnlyList<PriceLevel> Top5Asks,
    bool Crossed);
