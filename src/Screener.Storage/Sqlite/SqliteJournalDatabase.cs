using Microsoft.Data.Sqlite;

namespace Screener.Storage.Sqlite;

/// <summary>
/// The embedded journal: one SQLite file in WAL mode (readers never block the writer). Prepares the file and
/// renders the HOCON that points the journal, snapshot store and read journal at it.
/// </summary>
public static class SqliteJournalDatabase
{
    public const string ProviderName = "SQLite.MS";

    /// <summary>Creates the folder and file if needed and switches the file to WAL (a persistent setting of the file).</summary>
    public static string Prepare(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        using var connection = new SqliteConnection(ConnectionString(full));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Could not switch '{full}' to WAL mode (got '{mode}').");
        return full;
    }

    public static string ConnectionString(string fullPath) =>
        new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true, DefaultTimeout = 30 }.ToString();

    /// <summary>HOCON overrides for <c>hocon/persistence.sqlite.conf</c> naming this file.</summary>
    public static string Hocon(string fullPath)
    {
        var cs = ConnectionString(fullPath).Replace("\\", "\\\\").Replace("\"", "\\\"");
        return $$"""
            akka.persistence.journal.sql.connection-string = "{{cs}}"
            akka.persistence.snapshot-store.sql.connection-string = "{{cs}}"
            akka.persistence.query.journal.sql.connection-string = "{{cs}}"
            """;
    }
}
