using Screener.Contracts.Market;

namespace Screener.Analytics.Books;

/// <summary>
/// Keeps one symbol's <see cref="OrderBook"/> in sync by the USDⓈ-M futures rules: buffer diffs, apply a REST
/// snapshot, drop diffs with <c>u &lt; lastUpdateId</c>, require the first applied diff to span the snapshot
/// (<c>U &lt;= lastUpdateId &lt;= u</c>, or <c>pu == lastUpdateId</c>), then require <c>pu == previous u</c> for
/// every later diff. Ids are global across symbols, so <c>U == previous u + 1</c> is never checked.
/// The book is validated by sequence numbers only; any break is reported and the book is flagged, never
/// silently patched.
/// </summary>
public sealed class FuturesBookSync(int maxBuffered = 10_000) : BookSync(maxBuffered)
{
    protected override Verdict Judge(DepthDiff diff, long lastUpdateId, bool first)
    {
        if (first)
        {
            if (diff.FinalUpdateId < lastUpdateId) return Verdict.Ignore;
            var spans = diff.FirstUpdateId <= lastUpdateId && lastUpdateId <= diff.FinalUpdateId;
            var continues = diff.PreviousFinalUpdateId == lastUpdateId;
            return spans || continues ? Verdict.Apply : Verdict.Break;
        }

        if (diff.FinalUpdateId <= lastUpdateId) return Verdict.Ignore;
        return diff.PreviousFinalUpdateId == lastUpdateId ? Verdict.Apply : Verdict.Break;
    }

    protected override long ClaimedPrevious(DepthDiff diff) => diff.PreviousFinalUpdateId ?? diff.FirstUpdateId - 1;
}
