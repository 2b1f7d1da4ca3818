using Akka;
using Akka.Streams.Dsl;
using Screener.Contracts;
using Screener.Pipeline.Stages;

namespace Screener.Pipeline;

/// <summary>
/// Where the graph's outputs go. Journal sinks backpressure (nothing is lost) and materialize a task that
/// completes once everything they received is durable; notifier sinks each get their own drop-oldest buffer,
/// so a slow notifier never slows ranking or ingestion.
/// </summary>
/// <param name="RawFrames">Sequenced frames and heartbeats (the raw journal tap). Replay passes an ignoring sink.</param>
public sealed record ScreenerSinks(
    Sink<RawFrame, Task> RawFrames,
    Sink<PredictionBatch, Task> Predictions,
    Sink<RankEvent, Task> Ranks,
    IReadOnlyList<Sink<RankingOutput, NotUsed>> Notifiers,
    int NotifierBuffer = 16)
{
    /// <summary>
    /// Every symbol's <see cref="FeatureSnapshot"/> per tick, taken right after the symbol substreams merge (before
    /// ranking), so a live node or a replay can record the features it computed: each symbol's in time order, symbols
    /// interleaved as the substreams merge. Ignored unless set; like the journal sinks it backpressures, and its task
    /// is part of the graph's completion.
    /// </summary>
    public Sink<FeatureSnapshot, Task> Features { get; init; } = Ignore<FeatureSnapshot>();

    /// <summary>Every model switch (<see cref="ModelSwitch"/>), for the <c>models</c> journal. Ignored unless set.</summary>
    public Sink<ModelSwitch, Task> Models { get; init; } = Ignore<ModelSwitch>();

    public static Sink<T, Task> Ignore<T>() => Sink.Ignore<T>().MapMaterializedValue(t => (Task)t);
}
