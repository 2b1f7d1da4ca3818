using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Extensions.Logging;
using Screener.Analytics.Ranking;
using Screener.Contracts;
using Screener.Contracts.Time;
using Screener.Pipeline.Stages;

namespace Screener.Console;

/// <summary>
/// The console notifier: logs every rank event and feeds the live table. Latest-wins toward the screen:
/// boards conflate to the newest while the renderer is busy (events accumulate, none lost), and updates are
/// throttled to the refresh rate, so the terminal never slows the graph.
/// </summary>
public static class ConsoleNotifier
{
    public static Sink<RankingOutput, NotUsed> Create(LiveView view, TimeSpan refresh, ILogger logger) =>
        Flow.Create<RankingOutput>()
            .Select(o =>
            {
                foreach (var e in o.Events) Log(logger, e);
                return o;
            })
            .ConflateWithSeed(
                o => (o.Board, Events: new List<RankEvent>(o.Events), o.Statuses),
                (acc, o) =>
                {
                    acc.Events.AddRange(o.Events);
                    return (o.Board, acc.Events, o.Statuses);
                })
            .Throttle(1, refresh, 1, ThrottleMode.Shaping)
            .To(Sink.ForEach<(RankBoard Board, List<RankEvent> Events, IReadOnlyList<SymbolStatus> Statuses)>(u => view.Update(u.Board, u.Events, u.Statuses)))
            .Named("console-notifier");

    private static void Log(ILogger logger, RankEvent e) =>
        logger.LogInformation("{Kind} {Symbol} rank {Rank} score {Score:F2} bps ({Profile} {Horizon}s) [{Reasons}] {Label} model={ModelVersion} t={Time:HH:mm:ss.fff}",
            e.Kind, e.Symbol, e.Rank, e.Score, e.Profile, e.HorizonSeconds, string.Join(",", e.ReasonCodes), e.StatusLabel,
            e.ModelVersion, UtcTime.ToDateTime(e.Time));
}
