using Akka;
using Akka.Streams.Dsl;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Models;
using Screener.Pipeline.Stages;

namespace Screener.Pipeline.Flows;

/// <summary>
/// The ranking stage: event-time conflation per symbol, throttling to the rank cadence, and top-K with
/// hysteresis (see <see cref="RankRounds"/>).
/// <para>Emits when: a rank round completes (every <c>RankEveryTicks</c> cadence times).</para>
/// <para>Backpressures when: downstream backpressures.</para>
/// <para>Completes when: upstream completes; an incomplete trailing round is not ranked.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
public static class RankingFlow
{
    /// <param name="models">When given, told of each completed round, so it can finish a model switch (<see cref="PredictorHost.RoundCompleted"/>).</param>
    public static Flow<SymbolOutput, RankingOutput, NotUsed> Create(PipelineSettings settings, StageCounters counters, PredictorHost? models = null) =>
        Flow.Create<SymbolOutput>()
            .StatefulSelectMany<SymbolOutput, SymbolOutput, RankingOutput, NotUsed>(() =>
            {
                var rounds = new RankRounds(settings, models);
                return output =>
                {
                    var results = new List<RankingOutput>(0);
                    rounds.Add(output, results);
                    foreach (var r in results) counters.Element(r.Time);
                    return results;
                };
            })
            .Named("ranking");
}
