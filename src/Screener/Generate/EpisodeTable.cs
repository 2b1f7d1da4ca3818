using System.Globalization;
using Microsoft.Data.Sqlite;
using Screener.Offline.Validate;
using Screener.Sim.Market.Episodes;
using Screener.Storage.Sqlite;

namespace Screener.Generate;

/// <summary>
/// The oracle of a generated journal, kept apart from what the node sees: table <c>sim_episodes</c> (one row per planted
/// episode, the simulator's truth) and table <c>sim_run</c> (how the journal was generated, as key/value text) in the
/// same SQLite file as the raw journal, which never holds any of it. Times are simulated Unix ms, the exchange's event
/// time (a frame's receive time is a few ms later).
/// </summary>
public static class EpisodeTable
{
    public const string EpisodesTable = "sim_episodes";
    public const string RunTable = "sim_run";

    private const string Columns =
        "id, symbol, precursor_start_ms, onset_ms, end_ms, probability, fired, direction, magnitude_bps, realized_move_bps";

    /// <summary>Creates both tables (replacing earlier ones) and writes <paramref name="episodes"/> and <paramref name="run"/> in one transaction.</summary>
    public static void Write(string dbPath, IReadOnlyList<InPlayEpisode> episodes, IReadOnlyList<KeyValuePair<string, string>> run)
    {
        using var connection = Open(dbPath);
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"""
            DROP TABLE IF EXISTS {EpisodesTable};
            DROP TABLE IF EXISTS {RunTable};
            CREATE TABLE {EpisodesTable} (
              id INTEGER PRIMARY KEY,            -- 1, 2, 3, ... in order of precursor start
              symbol TEXT NOT NULL,
              precursor_start_ms INTEGER NOT NULL,
              onset_ms INTEGER NOT NULL,         -- move (or fizzle) starts
              end_ms INTEGER NOT NULL,
              probability REAL NOT NULL,         -- true probability that the move follows the precursors
              fired INTEGER NOT NULL,            -- 1: the move happened
              direction INTEGER NOT NULL,        -- +1 up, -1 down
              magnitude_bps REAL NOT NULL,       -- planted log move, applied only when fired
              realized_move_bps REAL NULL        -- fair price log return onset to end, signed by direction; null if the run ended first
            );
            CREATE INDEX sim_episodes_symbol_onset ON {EpisodesTable} (symbol, onset_ms);
            CREATE TABLE {RunTable} (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """);
        foreach (var e in episodes)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO {EpisodesTable} ({Columns}) VALUES ($id, $symbol, $start, $onset, $end, $p, $fired, $direction, $magnitude, $realized)";
            insert.Parameters.AddWithValue("$id", e.Id);
            insert.Parameters.AddWithValue("$symbol", e.Symbol);
            insert.Parameters.AddWithValue("$start", e.PrecursorStartMs);
            insert.Parameters.AddWithValue("$onset", e.OnsetMs);
            insert.Parameters.AddWithValue("$end", e.EndMs);
            insert.Parameters.AddWithValue("$p", e.Probability);
            insert.Parameters.AddWithValue("$fired", e.Fired ? 1 : 0);
            insert.Parameters.AddWithValue("$direction", e.Direction);
            insert.Parameters.AddWithValue("$magnitude", e.MagnitudeBps);
            insert.Parameters.AddWithValue("$realized", (object?)e.RealizedMoveBps ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO {RunTable} (key, value) VALUES ($key, $value)";
            var key = insert.Parameters.Add("$key", SqliteType.Text);
            var value = insert.Parameters.Add("$value", SqliteType.Text);
            foreach (var (k, v) in run)
            {
                key.Value = k;
                value.Value = v;
                insert.ExecuteNonQuery();
            }
        }
        transaction.Commit();
    }

    /// <summary>The episodes of a generated journal, by id.</summary>
    public static IReadOnlyList<InPlayEpisode> Read(string dbPath)
    {
        using var connection = Open(dbPath);
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM {EpisodesTable} ORDER BY id";
        using var reader = query.ExecuteReader();
        var episodes = new List<InPlayEpisode>();
        while (reader.Read())
            episodes.Add(new InPlayEpisode(
                reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetDouble(5),
                reader.GetInt64(6) != 0, reader.GetInt32(7), reader.GetDouble(8), reader.IsDBNull(9) ? null : reader.GetDouble(9)));
        return episodes;
    }

    /// <summary>The episodes as the oracle and the backtest read them (times in UTC ticks); none when the journal has no episode table.</summary>
    public static IReadOnlyList<PlantedEpisode> ReadPlanted(string dbPath) =>
        IsGenerated(dbPath)
            ? [.. Read(dbPath).Select(e => new PlantedEpisode(e.Symbol, Ticks(e.PrecursorStartMs), Ticks(e.OnsetMs), Ticks(e.EndMs), e.Probability, e.Fired))]
            : [];

    private static long Ticks(long unixMs) => DateTime.UnixEpoch.Ticks + unixMs * TimeSpan.TicksPerMillisecond;

    /// <summary>Whether <paramref name="dbPath"/> was written by the generator (it has the run table).</summary>
    public static bool IsGenerated(string dbPath)
    {
        using var connection = Open(dbPath);
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        query.Parameters.AddWithValue("$name", RunTable);
        return (long)query.ExecuteScalar()! > 0;
    }

    /// <summary>The run description of a generated journal.</summary>
    public static IReadOnlyDictionary<string, string> ReadRun(string dbPath)
    {
        using var connection = Open(dbPath);
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT key, value FROM {RunTable} ORDER BY key";
        using var reader = query.ExecuteReader();
        var run = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) run[reader.GetString(0)] = reader.GetString(1);
        return run;
    }

    /// <summary>Invariant text for <see cref="Write"/>'s run rows.</summary>
    public static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static SqliteConnection Open(string dbPath)
    {
        var connection = new SqliteConnection(SqliteJournalDatabase.ConnectionString(Path.GetFullPath(dbPath)));
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
