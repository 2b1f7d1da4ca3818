using Screener.Contracts.Market;

namespace Screener.Analytics.Books;

/// <summary>
/// Keeps one symbol's <see cref="OrderBook"/> in sync by the spot rules (procedure as corrected 2025-11-12):
/// drop diffs with <c>u &lt;= lastUpdateId</c>, the first kept diff must satisfy
/// <c>U &lt;= lastUpdateId + 1 &lt;= u</c>, and every later one <c>U == previous u + 1</c> (spot ids are per symbol
/// and contiguous). A diff entirely older than the book is ignored; any other break flags the book.
/// </summary>
public sealed class SpotBookSync(int maxBuffered = 10_000) : BookSync(maxBuffered)
{
    protected override Verdict Judge(DepthDiff diff, long lastUpdateId, bool first)
    {
        if (diff.FinalUpdateId <= lastUpdateId) return Verdict.Ignore;
        var expected = lastUpdateId + 1;
        var joins = first
            ? diff.FirstUpdateId <= expected && expected <= diff.FinalUpdateId
            : diff.FirstUpdateId == expected;
        return joins ? Verdict.Apply : Verdict.Break;
    }

    protected override long ClaimedPrevious(DepthDiff diff) => diff.FirstUpdateId - 1;
}
