using System.Globalization;
using Screener.Configuration;
using Screener.Generate;
using Screener.Hosting;
using Screener.Sim.Market;
using Screener.Sim.Market.Episodes;
using Screener.Storage.Sqlite;

namespace Screener.Commands;

/// <summary>
/// <c>screener sim --generate --hours H --db PATH [--symbols N] [--seed S] [--episode-rate R]</c>: writes a simulated
/// journal (<see cref="SimJournalGenerator"/>) into a new SQLite file, with the planted episodes' truth in its
/// <c>sim_episodes</c> table. Progress goes to stderr every few seconds; the report, with simulated hours per wall
/// minute, to stdout.
/// </summary>
public static class GenerateCommand
{
    /// <summary>Options that mean nothing without <c>--generate</c>.</summary>
    public static readonly string[] OnlyOptions = ["hours", "db"];

    /// <summary>Options of the live exchange that mean nothing with <c>--generate</c>.</summary>
    private static readonly string[] LiveOptions = ["port", "duration", "faults", "blast", "until-stdin-closes"];

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(CommandLine cl, CancellationToken ct)
    {
        var hours = cl.Double("hours") ?? throw new UsageException("--generate needs --hours H (simulated hours, e.g. 1 or 0.25).");
        var db = cl.String("db") ?? throw new UsageException("--generate needs --db PATH (a new SQLite file).");
        var symbols = cl.Int("symbols") ?? 12;
        var seed = cl.Int("seed") ?? 42;
        var episodeRate = EpisodeRate(cl, EpisodeSettings.DefaultRatePerSymbolHour);
        foreach (var option in LiveOptions)
            if (cl.String(option) is not null) throw new UsageException($"--{option} does not apply to --generate (no exchange is started).");
        cl.RejectUnknown();
        if (!(hours > 0)) throw new UsageException($"--hours must be positive, was {hours.ToString(CultureInfo.InvariantCulture)}.");
        if (hours > 24 * 365) throw new UsageException("--hours must be at most a year of simulated time.");
        if (symbols is < 1 or > SymbolCatalog.MaxSymbols) throw new UsageException($"--symbols must be 1..{SymbolCatalog.MaxSymbols}, was {symbols}.");
        if (seed < 0) throw new UsageException($"--seed must not be negative, was {seed}.");
        if (db == "true") throw new UsageException("--db needs a path.");
        if (File.Exists(db)) throw new UsageException($"'{Path.GetFullPath(db)}' exists; --generate writes a new journal (delete it or pick another path).");

        var path = SqliteJournalDatabase.Prepare(db);
        var config = HoconFiles.Load("", "sqlite", SqliteJournalDatabase.Hocon(path), "akka.loglevel = WARNING\nakka.actor.provider = local");
        var settings = SimJournalGenerator.SessionSettings(config, new GenerateRequest(hours, symbols, (ulong)seed, episodeRate));
        var shard = SettingsReader.Node(config).Shard;
        var journal = SettingsReader.Journal(config);
        System.Console.Error.WriteLine(
            $"generating {hours.ToString("0.###", CultureInfo.InvariantCulture)} simulated h: seed {seed}, {symbols} symbols over " +
            $"{string.Join(", ", settings.Plan.Connections.Select(c => c.Id))}, episodes {(episodeRate > 0 ? $"{episodeRate:0.###} per symbol per idle hour" : "off")} -> {path}");

        using var logger = (Serilog.Core.Logger)LoggingSetup.Create(console: false, Defaults.LogFolder);
        await using var host = await AkkaNodeHost.StartAsync(config, logger, cluster: false, ct);
        var result = await SimJournalGenerator.RunAsync(host.System, path, settings, shard, journal, Progress, ProgressEvery, ct);

        var fired = result.Episodes.Count(e => e.Fired);
        System.Console.WriteLine($"generated {result.DbPath}");
        System.Console.WriteLine($"  simulated hours:  {result.SimulatedHours:F3}{(result.Interrupted ? " (interrupted: shorter than asked)" : "")}");
        System.Console.WriteLine($"  frames:           {result.Frames:N0} in {result.Batches:N0} batches under {result.PersistenceId}");
        System.Console.WriteLine($"  episodes:         {result.Episodes.Count} planted, {fired} fired (truth in table {EpisodeTable.EpisodesTable})");
        System.Console.WriteLine($"  wall time:        {result.Wall.TotalSeconds:F1} s");
        System.Console.WriteLine($"  speed:            {result.HoursPerWallMinute:F2} simulated hours per wall minute");
        return result.Interrupted ? 130 : 0;
    }

    /// <summary><c>--episode-rate R</c>: planted episodes per symbol per idle hour, 0 for none.</summary>
    public static double EpisodeRate(CommandLine cl, double fallback)
    {
        var rate = cl.Double("episode-rate") ?? fallback;
        if (rate is < 0 or > 3600) throw new UsageException($"--episode-rate must be 0..3600 episodes per symbol-hour, was {rate.ToString(CultureInfo.InvariantCulture)}.");
        return rate;
    }

    private static void Progress(GenerateProgress p) =>
        System.Console.Error.WriteLine(
            $"  {p.SimulatedHours:F3} / {p.TotalMs / 3_600_000.0:F3} simulated h, {p.Frames:N0} frames, {p.Elapsed.TotalSeconds:F0} s, " +
            $"{p.HoursPerWallMinute:F2} simulated h per wall minute");
}
