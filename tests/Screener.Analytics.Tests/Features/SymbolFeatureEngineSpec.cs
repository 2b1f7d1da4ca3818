using Screener.Analytics.Features;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Analytics.Tests.Features;

public sealed class SymbolFeatureEngineSpec
{
    private static readonly TimeSpan Cadence = TimeSpan.FromMilliseconds(250);

    [Fact]
    public void SymbolFeatureEngine_must_report_open_interest_change_when_more_than_5_min_of_ticks_have_passed()
    {
        var engine = new SymbolFeatureEngine(MarketFeatures.Spec, Cadence, warmUpTicks: 1, TimeSpan.FromSeconds(30));
        var values = new float[engine.FeatureCount];
        const int ticks = 1_300;
        for (var t = 0; t < ticks; t++)
        {
            var time = (t + 1) * Cadence.Ticks;
            engine.OnOpenInterest(new OpenInterest("XUSDT", time - 1, time, t, 1_000 + t));
            engine.Close(time, MarketContext.Empty(time), book: null, bookInSync: false, values);
        }

        // 2 min is 480 ticks and 5 min 1,200 before the last (open interest 2,299).
        Assert.Equal((float)((2_299.0 / 1_819 - 1) * 100), values[MarketFeatures.OiChangePct2m]);
        Assert.Equal((float)((2_299.0 / 1_099 - 1) * 100), values[MarketFeatures.OiChangePct5m]);
    }
}
