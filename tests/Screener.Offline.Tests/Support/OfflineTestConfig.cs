using Akka.Configuration;
using Screener.Storage.Sqlite;

namespace Screener.Offline.Tests.Support;

/// <summary>
/// The shipped akka.conf and persistence.sqlite.conf pointed at a fresh SQLite file (a real raw journal), with the
/// stream interpreter's fuzzing mode on so the graph's side of a parity check runs with shuffled event order.
/// </summary>
internal static class OfflineTestConfig
{
    public static Config Create()
    {
        var db = SqliteJournalDatabase.Prepare(Path.Combine(Path.GetTempPath(), "screener-offline-tests", Guid.NewGuid().ToString("N"), "journal.db"));
        string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hocon", name));
        return ConfigurationFactory.ParseString(SqliteJournalDatabase.Hocon(db) + """

                akka.loglevel = WARNING
                akka.stream.materializer.debug.fuzzing-mode = on
                """)
            .WithFallback(ConfigurationFactory.ParseString(Read("persistence.sqlite.conf")))
            .WithFallback(ConfigurationFactory.ParseString(Read("akka.conf")));
    }
}
