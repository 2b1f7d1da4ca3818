using Akka.Configuration;
using Screener.Storage.Sqlite;

namespace Screener.Storage.Tests;

/// <summary>The shipped akka.conf and persistence.sqlite.conf, pointed at a fresh SQLite file.</summary>
public static class StorageConfig
{
    public static string NewDb() =>
        SqliteJournalDatabase.Prepare(Path.Combine(Path.GetTempPath(), "screener-storage-tests", Guid.NewGuid().ToString("N"), "journal.db"));

    public static Config For(string dbPath)
    {
        string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hocon", name));
        return ConfigurationFactory.ParseString(SqliteJournalDatabase.Hocon(dbPath) + "\nakka.loglevel = WARNING")
            .WithFallback(ConfigurationFactory.ParseString(Read("persistence.sqlite.conf")))
            .WithFallback(ConfigurationFactory.ParseString(Read("akka.conf")));
    }
}
