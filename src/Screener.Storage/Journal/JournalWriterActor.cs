using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Screener.Contracts;

namespace Screener.Storage.Journal;

/// <summary>
/// Persists stream elements under one persistence id and acknowledges each only once it is durable, so the
/// stream feeding it is backpressured by the database and nothing is acknowledged that could still be lost.
/// A persist failure stops the actor: the asking stream fails loudly rather than dropping events.
/// </summary>
public sealed class JournalWriterActor : ReceivePersistentActor
{
    public JournalWriterActor(string persistenceId, IReadOnlySet<string> tags)
    {
        PersistenceId = persistenceId;
        var log = Context.GetLogger();

        Command<Write>(write => Persist(Wrap(write.Event, tags), _ => Sender.Tell(Written.Instance)));
        Command<GetLastSequenceNr>(_ => Sender.Tell(LastSequenceNr));
        Recover<RecoveryCompleted>(_ => log.Info("Journal {0} ready at sequence {1}", PersistenceId, LastSequenceNr));
    }

    public override string PersistenceId { get; }

    /// <summary>A writer only appends: it needs the highest sequence number, never a replay of the events.</summary>
    public override Recovery Recovery => Recovery.None;

    public static Props Props(string persistenceId, IReadOnlySet<string> tags) =>
        Akka.Actor.Props.Create(() => new JournalWriterActor(persistenceId, tags));

    private static object Wrap(IScreenerMessage evt, IReadOnlySet<string> tags) =>
        tags.Count == 0 ? evt : new Tagged(evt, tags);

    /// <summary>Persist one event; answered with <see cref="Written"/> once durable.</summary>
    public sealed record Write(IScreenerMessage Event);

    public sealed class Written
    {
        public static readonly Written Instance = new();

        private Written() { }
    }

    public sealed class GetLastSequenceNr
    {
        public static readonly GetLastSequenceNr Instance = new();

        private GetLastSequenceNr() { }
    }
}
