using Screener.Configuration;
using Screener.Hosting;
using Screener.Storage.Journal;
using Screener.Storage.Sqlite;
using Spectre.Console;

namespace Screener.Commands;

/// <summary><c>screener journal stats --db PATH</c>: event counts per persistence id and per tag.</summary>
public static class JournalStatsCommand
{
    public static async Task<int> RunAsync(CommandLine cl, CancellationToken ct)
    {
        var db = cl.String("db") ?? Defaults.DbPath;
        cl.RejectUnknown();
        if (!File.Exists(db)) throw new UsageException($"No journal at '{Path.GetFullPath(db)}'. Run 'screener demo' first or pass --db.");

        var path = SqliteJournalDatabase.Prepare(db);
        var config = HoconFiles.Load("", "sqlite", SqliteJournalDatabase.Hocon(path), "akka.loglevel = WARNING\nakka.actor.provider = local");
        using var logger = (Serilog.Core.Logger)LoggingSetup.Create(console: false, Defaults.LogFolder);
        await using var host = await AkkaNodeHost.StartAsync(config, logger, cluster: false, ct);
        var stats = await new JournalReader(host.System).StatsAsync(ct);

        var table = new Table().Border(TableBorder.Rounded).Title($"journal {Markup.Escape(path)}");
        foreach (var column in new[] { "persistence id", "events", "highest seq", "tags", "frames" }) table.AddColumn(column);
        foreach (var s in stats)
            table.AddRow(Markup.Escape(s.PersistenceId), s.Events.ToString(), s.HighestSequenceNr.ToString(),
                Markup.Escape(string.Join(", ", s.Tags.Select(t => $"{t.Key}={t.Value}"))), s.Frames.ToString());
        if (stats.Count == 0) table.AddRow("(empty journal)", "0", "0", "", "0");
        AnsiConsole.Write(table);
        return 0;
    }
}
