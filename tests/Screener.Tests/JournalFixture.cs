using Akka.Actor;
using Screener.Configuration;
using Screener.Storage.Journal;
using Screener.Storage.Sqlite;

namespace Screener.Tests;

/// <summary>Opens a finished node's SQLite journal in a separate, local ActorSystem and reads it back through Persistence.Query.</summary>
public static class JournalFixture
{
    public static Task<T> ReadAsync<T>(string dbPath, Func<JournalReader, Task<T>> read) =>
        WithSystemAsync(dbPath, (_, reader) => read(reader));

    public static async Task<T> WithSystemAsync<T>(string dbPath, Func<ActorSystem, JournalReader, Task<T>> use)
    {
        var path = SqliteJournalDatabase.Prepare(dbPath);
        var config = HoconFiles.Load("", "sqlite", SqliteJournalDatabase.Hocon(path), "akka.actor.provider = local\nakka.loglevel = WARNING");
        using var system = ActorSystem.Create("verify", config);
        try
        {
            return await use(system, new JournalReader(system));
        }
        finally
        {
            await system.Terminate();
        }
    }

    public static string TempDb(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "screener-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
