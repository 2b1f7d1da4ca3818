using Akka;
using Akka.Streams.Dsl;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Models;
using Screener.Pipeline.Stages;

namespace Screener.Pipeline.Flows;

/// <summary>
/// Clock and context (see <see cref="MarketClock"/>): forwards symbol events and interleaves event-time ticks.
/// <para>Emits when: an event arrives (after any ticks its time completes).</para>
/// <para>Backpressures when: downstream backpressures.</para>
/// <para>Completes when: upstream completes.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
public static class ClockFlow
{
    /// <param name="models">When given, model switches are scheduled at tick times (<see cref="PredictorHost.Schedule"/>).</param>
    public static Flow<MarketEvent, IWithSymbol, NotUsed> Create(
        PipelineSettings settings, StageCounters counters, StreamHealthBoard? board = null, PredictorHost? models = null) =>
        Flow.Create<MarketEvent>()
            .StatefulSelectMany<MarketEvent, MarketEvent, IWithSymbol, NotUsed>(() =>
            {
                var clock = new MarketClock(settings, board, models is null ? null : models.Schedule);
                return e =>
                {
                    var output = new List<IWithSymbol>(1);
                    clock.On(e, output);
                    counters.Element(e.TsEvent);
                    return output;
                };
            })
            .Named("clock-context");
}
