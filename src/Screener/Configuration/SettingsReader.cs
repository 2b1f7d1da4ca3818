using Akka.Configuration;
using Akka.Configuration.Hocon;
using Screener.Analytics.Ranking;
using Screener.Analytics.Scoring;
using Screener.Binance.Subscriptions;
using Screener.Binance.Transport;
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
            return new ExecutionProfile(o.GetString("name"), o.GetDouble("entry-fee-bps"), o.GetDouble("exit-fee-bps"), o.GetInt("half-spreads"),
                o.GetDouble("notional-quote", ExecutionProfile.DefaultNotionalQuote));
        }).ToList();
        var horizons = p.GetIntList("horizons").ToList();
        return new PipelineSettings(
            cadence,
            p.GetInt("rank-every-ticks"),
            p.GetInt("max-symbols"),
            p.GetInt("warm-up-ticks"),
            Time(p, "screener.pipeline", "stale-after"),
            Time(p, "screener.pipeline", "heartbeat-lag"),
            Time(p, "screener.pipeline", "max-catch-up"),
            p.GetString("context-symbol"),
            p.GetString("second-context-symbol"),
            new ScoringSettings(profiles, horizons, cadence)
            {
                ReferenceHorizonSeconds = p.GetInt("reference-horizon"),
                Gates = new GateSettings(p.GetDouble("gates.max-vpin"), p.GetDouble("gates.max-spread-bps")).Validate(),
            },
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
            r.GetDouble("replace-margin"), r.GetDouble("alert-score"), r.GetInt("alert-cooldown-rounds"),
            r.GetInt("flip-budget"), r.GetInt("flip-window-rounds"), r.GetInt("reenter-cooldown-rounds")).Validate();
    }

    public static ModelSettings Model(Config config)
    {
        var m = Block(config, "screener.model");
        return new ModelSettings(m.GetString("path"), Time(m, "screener.model", "watch-every")).Validate();
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
            Time(e, path, "backoff-reset-after"), Time(Block(config, "screener.ingest"), "screener.ingest", "heartbeat-interval"),
            Connector(config)).Validate();
    }

    /// <summary>The sub-blocks of <c>screener.exchange</c> that tune the connector; validated with the exchange block.</summary>
    public static ConnectorSettings Connector(Config config)
    {
        const string connection = "screener.exchange.connection", subscribe = "screener.exchange.subscribe",
            rest = "screener.exchange.rest", snapshots = "screener.exchange.snapshots", pollers = "screener.exchange.pollers";
        var c = Block(config, connection);
        var s = Block(config, subscribe);
        var r = Block(config, rest);
        var n = Block(config, snapshots);
        var p = Block(config, pollers);
        return new ConnectorSettings(
            OptionalTime(c, connection, "no-data-timeout"),
            OptionalTime(c, connection, "max-connection-age"),
            Time(c, connection, "rotation-retry-delay"),
            Time(c, connection, "connect-timeout"),
            Number(c, connection, "buffer-frames", b => b.GetInt("buffer-frames")),
            Number(c, connection, "rotation-buffer-frames", b => b.GetInt("rotation-buffer-frames")),
            Number(c, connection, "max-restarts", b => b.GetInt("max-restarts")),
            new SubscriptionSettings
            {
                MessagesPerSecond = Number(s, subscribe, "messages-per-second", b => b.GetDouble("messages-per-second")),
                MaxStreamsPerMessage = Number(s, subscribe, "max-streams-per-message", b => b.GetInt("max-streams-per-message")),
                ReplyTimeout = Time(s, subscribe, "reply-timeout"),
            },
            new RestLimiterSettings
            {
                UsableFraction = Number(r, rest, "usable-fraction", b => b.GetDouble("usable-fraction")),
                BreakerThreshold = Number(r, rest, "breaker-threshold", b => b.GetInt("breaker-threshold")),
                BreakerCooldown = Time(r, rest, "breaker-cooldown"),
                DefaultBan = Time(r, rest, "default-ban"),
            },
            Time(r, rest, "request-timeout"),
            Time(r, rest, "max-retry-after-wait"),
            new SnapshotServiceSettings
            {
                Concurrency = Number(n, snapshots, "concurrency", b => b.GetInt("concurrency")),
                RetryDelay = Time(n, snapshots, "retry-delay"),
            },
            new RestPollerSettings
            {
                PremiumIndexInterval = OptionalTime(p, pollers, "premium-index"),
                OpenInterestInterval = OptionalTime(p, pollers, "open-interest"),
                FundingInfoInterval = OptionalTime(p, pollers, "funding-info"),
            });
    }

    public static DemoSettings Demo(Config config)
    {
        var d = Block(config, "screener.demo");
        return new DemoSettings(d.GetInt("seed"), d.GetInt("symbols"), Time(d, "screener.demo", "refresh"), d.GetDouble("episode-rate")).Validate();
    }

    private static Config Block(Config config, string path) =>
        config.HasPath(path) ? config.GetConfig(path) : throw new ConfigurationException($"Missing configuration block '{path}'.");

    /// <summary>A duration, or <c>off</c> for null.</summary>
    private static TimeSpan? OptionalTime(Config block, string blockPath, string key)
    {
        if (!block.HasPath(key)) throw new ConfigurationException($"Missing key '{blockPath}.{key}'.");
        return string.Equals(block.GetString(key), "off", StringComparison.OrdinalIgnoreCase) ? null : Time(block, blockPath, key);
    }

    /// <summary>A number read by <paramref name="read"/>; a value that is not one fails naming the key and the value.</summary>
    private static T Number<T>(Config block, string blockPath, string key, Func<Config, T> read)
    {
        if (!block.HasPath(key)) throw new ConfigurationException($"Missing key '{blockPath}.{key}'.");
        try
        {
            return read(block);
        }
        catch (Exception e) when (e is not ConfigurationException)
        {
            throw new ConfigurationException($"'{blockPath}.{key}' is not a {(typeof(T) == typeof(int) ? "whole number" : "number")}, was '{block.GetString(key)}'.");
        }
    }

    private static TimeSpan Time(Config block, string blockPath, string key)
    {
        if (!block.HasPath(key)) throw new ConfigurationException($"Missing key '{blockPath}.{key}'.");
        try
        {
            return block.GetTimeSpan(key, allowInfinite: false);
        }
        catch (Exception e) when (e is not ConfigurationException)
        {
            throw new ConfigurationException($"'{blockPath}.{key}' is not a duration (for example 250ms, 5s), was '{block.GetString(key)}': {e.Message}");
        }
    }
}
