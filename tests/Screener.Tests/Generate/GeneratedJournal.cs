using Microsoft.Data.Sqlite;
using Screener.Configuration;
using Screener.Generate;
using Screener.Sim.Journal;
using Screener.Sim.Market.Episodes;
using Screener.Storage.Sqlite;

namespace Screener.Tests.Generate;

/// <summary>Generates small journals in-process, with the node's shipped configuration, and reads their SQLite rows back.</summary>
public static class GeneratedJournal
{
    /// <summary>Episodes that start within seconds and come often, so a few simulated minutes hold several.</summary>
    public static readonly EpisodeSettings Frequent = new() { RatePerSymbolHour = 600, WarmUp = TimeSpan.FromSeconds(15), Cooldown = TimeSpan.FromSeconds(10) };

    public static SimJournalSettings Settings(GenerateRequest request, EpisodeSettings? episodes)
    {
        var settings = SimJournalGenerator.SessionSettings(HoconFiles.Load("", "sqlite"), request);
        return settings with { Market = settings.Market with { Episodes = episodes } };
    }

    /// <summary>Generates <paramref name="settings"/> into a new file named <paramref name="name"/>.</summary>
    public static async Task<(string Db, GenerateResult Result)> WriteAsync(string name, SimJournalSettings settings)
    {
        var db = JournalFixture.TempDb(name);
        var config = HoconFiles.Load("", "sqlite");
        var result = await JournalFixture.WithSystemAsync(db, (system, _) =>
            SimJournalGenerator.RunAsync(system, db, settings, SettingsReader.Node(config).Shard, SettingsReader.Journal(config), null, TimeSpan.FromSeconds(1),
                CancellationToken.None));
        return (db, result);
    }

    /// <summary>Every row of <paramref name="sql"/> as text, columns joined (blobs in hex), in query order.</summary>
    public static List<string> Rows(string db, string sql)
    {
        using var connection = new SqliteConnection(SqliteJournalDatabase.ConnectionString(Path.GetFullPath(db)));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                byte[] bytes => Convert.ToHexString(bytes),
                DBNull => "null",
                var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            })));
        return rows;
    }
}
