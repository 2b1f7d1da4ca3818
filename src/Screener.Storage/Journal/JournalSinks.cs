using Akka;
using Akka.Actor;
using Akka.Streams.Dsl;
using Screener.Contracts;

namespace Screener.Storage.Journal;

/// <summary>
/// Stream sinks that persist through Akka.Persistence.Sql. Each sink owns a <see cref="JournalWriterActor"/>
/// created when the sink is built (call this in the composition root, right before materializing) and
/// materializes a task that completes when every element it received is durable.
/// </summary>
public static class JournalSinks
{
    /// <summary>Default names: one raw journal per ingest shard, one for predictions, one for rank events.</summary>
    public const string PredictionsId = "predictions";
    public const string RanksId = "ranks";
    public const string ModelsId = "models";
    public const string RawTag = "raw";

    /// <summary>What every raw journal's persistence id starts with: <c>raw-&lt;shard&gt;</c>.</summary>
    public const string RawIdPrefix = "raw-";

    public static string RawId(string shard) => RawIdPrefix + shard;

    /// <summary>Raw frames in batches of up to <paramref name="maxFrames"/> or <paramref name="maxDelay"/>, Brotli-compressed.</summary>
    public static Sink<RawFrame, Task> RawFrames(ActorSystem system, string shard, int maxFrames, TimeSpan maxDelay, TimeSpan writeTimeout) =>
        Flow.Create<RawFrame>()
            .GroupedWithin(maxFrames, maxDelay)
            .Select(frames => new FrameBatch(shard, frames.ToArray()))
            .ToMaterialized(Events<FrameBatch>(system, RawId(shard), RawTag, writeTimeout), Keep.Right)
            .Named("raw-journal");

    /// <summary>Each element becomes one journal event under <paramref name="persistenceId"/>, tagged <paramref name="tag"/>.</summary>
    public static Sink<T, Task> Events<T>(ActorSystem system, string persistenceId, string tag, TimeSpan writeTimeout) where T : IScreenerMessage
    {
        var writer = system.ActorOf(
            JournalWriterActor.Props(persistenceId, new HashSet<string>(StringComparer.Ordinal) { tag }),
            $"journal-{persistenceId}");
        return Sink.ForEachAsync<T>(1, e => writer.Ask<JournalWriterActor.Written>(new JournalWriterActor.Write(e), writeTimeout))
            .MapMaterializedValue(done => (Task)done.ContinueWith(t =>
            {
                writer.Tell(PoisonPill.Instance);
                return t;
            }, TaskScheduler.Default).Unwrap())
            .Named($"journal-{persistenceId}");
    }
}
