using Akka.Configuration;
using Akka.Configuration.Hocon;
using Screener.Analytics.Ranking;
using Screener.Analytics.Scoring;
using Screener.Pipeline;

namespace Screener.Configuration;

/// <summary>
/// Reads the <c>screener.*</c> blocks into settings records, once, at start-up. A missing or malformed key
/// fails with a message naming the key, before any stream starts.
/// </summary>
public static class SettingsReader
{
    public static PipelineSettings Pipeline(Config config)
    {
        var p = Block(config, "screener.pipeline");
        var cadence = Time(p, "screener.pipeline", "cadence");
        var profiles = p.GetValue("profiles").GetArray().Select(v =>
        {
            var o = new Config(new HoconRoot(v));
            return new ExecutionProfile(o.GetString("name"), o.GetDouble("entry-fee-bps"), o.GetDouble("exit-fee-bps"), o.GetInt("half-spreads"));
        }).ToList();
        var horizons = p.GetIntList("horizons").ToList();
        return new PipelineSettings(
            cadence,
            p.GetInt("rank-every-ticks"),
            p.GetInt("max-symbols"),
            p.GetInt("short-window-ticks"),
            p.GetInt("long-window-ticks"),
            Time(p, "screener.pipeline", "stale-after"),
            Time(p, "screener.pipeline", "heartbeat-lag"),
            Time(p, "screener.pipeline", "max-catch-up"),
            p.GetString("context-symbol"),
            new ScoringSettings(profiles, horizons, cadence),
            Ranking(config),
            StaleThresholds(config)).Validate();
    }

    public static IReadOnlyDictionary<string, TimeSpan> StaleThresholds(Config config)
    {
        const string path = "screener.health.stale-after";
        var block = Block(config, path);
        return block.Root.GetObject().Items.Keys.ToDictionary(kind => kind, kind => Time(block, path, kind), StringComparer.Ordinal);
    }

    public static RankingSettings Ranking(Config config)
    {
        var r = Block(config, "screener.ranking");
        return new RankingSettings(
            r.GetInt("top-k"), r.GetDouble("enter-score"), r.GetDouble("exit-score"), r.GetInt("min-dwell-rounds"),
            r.GetDouble("replace-margin"), r.GetDouble("alert-score"), r.GetInt("alert-cooldown-rounds")).Validate();
    }

    public static JournalSettings Journal(Config config)
    {
        var j = Block(config, "screener.journal");
        var settings = new JournalSettings(j.GetInt("raw-batch-frames"), Time(j, "screener.journal", "raw-batch-delay"),
            Time(j, "screener.journal", "write-timeout"));
        return settings.Validate();
    }

    public static RouterSettings Router(Config config)
    {
        var r = Block(config, "screener.router");
        return new RouterSettings(r.GetInt("buffer-frames"), r.GetStringList("priority-symbols").ToList()).Validate();
    }

    public static NodeSettings Node(Config config)
    {
        var n = Block(config, "screener.node");
        return new NodeSettings(n.GetInt("port"), n.GetString("shard")).Validate();
    }

    public static ExchangeSettings Exchange(Config config)
    {
        const string path = "screener.exchange";
        var e = Block(config, path);
        return new ExchangeSettings(
            new Uri(e.GetString("ws-base")), new Uri(e.GetString("rest-base")), e.GetStringList("symbols").ToList(),
            e.GetInt("max-streams-per-connection"), e.GetInt("depth-snapshot-limit"),
            Time(e, path, "backoff-min"), Time(e, path, "backoff-max"), e.GetDouble("backoff-random-factor"),
            Time(e, path, "backoff-reset-after"), Time(Block(config, "screener.ingest"), "screener.ingest", "heartbeat-interval")).Validate();
    }

    public static DemoSettings Demo(Config config)
    {
        var d = Block(config, "screener.demo");
        return new DemoSettings(d.GetInt("seed"), d.GetInt("symbols"), Time(d, "screener.demo", "refresh")).Validate();
    }

    private static Config Block(Config config, string path) =>
        config.HasPath(path) ? config.GetConfig(path) : throw new ConfigurationException($"Missing configuration block '{path}'.");

    private static TimeSpan Time(Config block, string blockPath, string key)
    {
        if (!block.HasPath(key)) throw new ConfigurationException($"Missing key '{blockPath}.{key}'.");
        try
        {
            return block.GetTimeSpan(key, allowInfinite: false);
        }
        catch (Exception e) when (e is not ConfigurationException)
        {
            throw new ConfigurationException($"'{blockPath}.{key}' is not a duration (for example 250ms, 5s): {e.Message}");
        }
    }
}
