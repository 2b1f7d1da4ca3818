using Akka.Configuration;
using Screener.Binance.Subscriptions;
using Screener.Binance.Transport;
using Screener.Configuration;
using Screener.Hosting;

namespace Screener.Tests.Configuration;

/// <summary>Every key of hocon/screener.conf reaches its settings record: each is overridden and observed.</summary>
public sealed class SettingsRoundTripSpec
{
    private static readonly (string Key, string Value, Func<Config, object> Read, object Expected)[] Keys =
    [
        ("screener.node.port", "4053", c => SettingsReader.Node(c).Port, 4053),
        ("screener.node.shard", "\"s7\"", c => SettingsReader.Node(c).Shard, "s7"),
        ("screener.exchange.ws-base", "\"ws://127.0.0.1:9\"", c => Ingest(c).Plan.BaseUri, new Uri("ws://127.0.0.1:9")),
        ("screener.exchange.rest-base", "\"http://127.0.0.1:9\"", c => SettingsReader.Exchange(c).ToRestSettings().BaseUri, new Uri("http://127.0.0.1:9")),
        ("screener.exchange.symbols", "[\"AAAUSDT\"]", c => string.Join(",", SettingsReader.Exchange(c).Symbols), "AAAUSDT"),
        ("screener.exchange.max-streams-per-connection", "300", c => Ingest(c).Plan.MaxStreamsPerConnection, 300),
        ("screener.exchange.depth-snapshot-limit", "500", c => (Ingest(c).Snapshots.DepthLimit, Ingest(c).Connection.DepthSnapshotLimit), (500, 500)),
        ("screener.exchange.backoff-min", "2s", c => Ingest(c).Connection.MinBackoff, TimeSpan.FromSeconds(2)),
        ("screener.exchange.backoff-max", "40s", c => Ingest(c).Connection.MaxBackoff, TimeSpan.FromSeconds(40)),
        ("screener.exchange.backoff-random-factor", "0.5", c => Ingest(c).Connection.RandomFactor, 0.5),
        ("screener.exchange.backoff-reset-after", "90s", c => Ingest(c).Connection.MaxRestartsWithin, TimeSpan.FromSeconds(90)),
        ("screener.exchange.connection.no-data-timeout", "45s", c => Ingest(c).Connection.NoDataTimeout!, TimeSpan.FromSeconds(45)),
        ("screener.exchange.connection.max-connection-age", "12h", c => Ingest(c).Connection.MaxConnectionAge!, TimeSpan.FromHours(12)),
        ("screener.exchange.connection.rotation-retry-delay", "30s", c => Ingest(c).Connection.RotationRetryDelay, TimeSpan.FromSeconds(30)),
        ("screener.exchange.connection.connect-timeout", "4s", c => Ingest(c).Connection.ConnectTimeout, TimeSpan.FromSeconds(4)),
        ("screener.exchange.connection.buffer-frames", "1000", c => Ingest(c).Connection.ChannelCapacity, 1000),
        ("screener.exchange.connection.rotation-buffer-frames", "900", c => Ingest(c).Connection.RotationBufferCapacity, 900),
        ("screener.exchange.connection.max-restarts", "12", c => Ingest(c).Connection.MaxRestarts, 12),
        ("screener.exchange.subscribe.messages-per-second", "2.5", c => Ingest(c).Connection.Subscription.MessagesPerSecond, 2.5),
        ("screener.exchange.subscribe.max-streams-per-message", "50", c => Ingest(c).Connection.Subscription.MaxStreamsPerMessage, 50),
        ("screener.exchange.subscribe.reply-timeout", "3s", c => Ingest(c).Connection.Subscription.ReplyTimeout, TimeSpan.FromSeconds(3)),
        ("screener.exchange.rest.request-timeout", "7s", c => SettingsReader.Exchange(c).ToRestSettings().RequestTimeout, TimeSpan.FromSeconds(7)),
        ("screener.exchange.rest.max-retry-after-wait", "3s", c => SettingsReader.Exchange(c).ToRestSettings().MaxRetryAfterWait, TimeSpan.FromSeconds(3)),
        ("screener.exchange.rest.usable-fraction", "0.5", c => SettingsReader.Exchange(c).ToLimiterSettings().UsableFraction, 0.5),
        ("screener.exchange.rest.breaker-threshold", "4", c => SettingsReader.Exchange(c).ToLimiterSettings().BreakerThreshold, 4),
        ("screener.exchange.rest.breaker-cooldown", "2s", c => SettingsReader.Exchange(c).ToLimiterSettings().BreakerCooldown, TimeSpan.FromSeconds(2)),
        ("screener.exchange.rest.default-ban", "5m",
            c => (SettingsReader.Exchange(c).ToLimiterSettings().DefaultBan, SettingsReader.Exchange(c).ToRestSettings().DefaultBanDuration),
            (TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5))),
        ("screener.exchange.snapshots.concurrency", "3", c => Ingest(c).Snapshots.Concurrency, 3),
        ("screener.exchange.snapshots.retry-delay", "750ms",
            c => (Ingest(c).Snapshots.RetryDelay, Ingest(c).Connection.SnapshotRetryDelay), (TimeSpan.FromMilliseconds(750), TimeSpan.FromMilliseconds(750))),
        ("screener.exchange.pollers.premium-index", "15s", c => Ingest(c).Pollers.PremiumIndexInterval!, TimeSpan.FromSeconds(15)),
        ("screener.exchange.pollers.open-interest", "1m", c => Ingest(c).Pollers.OpenInterestInterval!, TimeSpan.FromMinutes(1)),
        ("screener.exchange.pollers.funding-info", "2h", c => Ingest(c).Pollers.FundingInfoInterval!, TimeSpan.FromHours(2)),
        ("screener.universe.contract-types", "[\"PERPETUAL\", \"TRADIFI_PERPETUAL\"]", c => string.Join(",", UniverseReader.Read(c, ["X"]).ContractTypes), "PERPETUAL,TRADIFI_PERPETUAL"),
        ("screener.universe.quote-asset", "\"USDC\"", c => UniverseReader.Read(c, ["X"]).QuoteAsset, "USDC"),
        ("screener.universe.status", "\"SETTLING\"", c => UniverseReader.Read(c, ["X"]).Status, "SETTLING"),
        ("screener.universe.min-quote-volume-24h", "1000000", c => UniverseReader.Read(c, ["X"]).MinQuoteVolume24h, 1_000_000m),
        ("screener.universe.include", "[\"SOLUSDT\"]", c => string.Join(",", UniverseReader.Read(c, ["X"]).Include), "SOLUSDT"),
        ("screener.universe.exclude", "[\"XRPUSDT\"]", c => string.Join(",", UniverseReader.Read(c, ["X"]).Exclude), "XRPUSDT"),
        ("screener.ingest.heartbeat-interval", "2s", c => SettingsReader.Exchange(c).HeartbeatInterval, TimeSpan.FromSeconds(2)),
        ("screener.router.buffer-frames", "5000", c => SettingsReader.Router(c).BufferFrames, 5000),
        ("screener.router.priority-symbols", "[\"SOLUSDT\"]", c => string.Join(",", SettingsReader.Router(c).PrioritySymbols), "SOLUSDT"),
        ("screener.pipeline.cadence", "500ms", c => SettingsReader.Pipeline(c).Cadence, TimeSpan.FromMilliseconds(500)),
        ("screener.pipeline.rank-every-ticks", "8", c => SettingsReader.Pipeline(c).RankEveryTicks, 8),
        ("screener.pipeline.max-symbols", "50", c => SettingsReader.Pipeline(c).MaxSymbols, 50),
        ("screener.pipeline.warm-up-ticks", "10", c => SettingsReader.Pipeline(c).WarmUpTicks, 10),
        ("screener.pipeline.stale-after", "3s", c => SettingsReader.Pipeline(c).StaleAfter, TimeSpan.FromSeconds(3)),
        ("screener.pipeline.heartbeat-lag", "2s", c => SettingsReader.Pipeline(c).HeartbeatLag, TimeSpan.FromSeconds(2)),
        ("screener.pipeline.max-catch-up", "2m", c => SettingsReader.Pipeline(c).MaxCatchUp, TimeSpan.FromMinutes(2)),
        ("screener.pipeline.context-symbol", "\"ETHUSDT\"", c => SettingsReader.Pipeline(c).ContextSymbol, "ETHUSDT"),
        ("screener.pipeline.second-context-symbol", "\"SOLUSDT\"", c => SettingsReader.Pipeline(c).SecondContextSymbol, "SOLUSDT"),
        ("screener.pipeline.horizons", "[60]", c => string.Join(",", SettingsReader.Pipeline(c).Scoring.HorizonsSeconds), "60"),
        ("screener.pipeline.profiles", "[{ name = \"x\", entry-fee-bps = 1.5, exit-fee-bps = 2.5, half-spreads = 3, notional-quote = 2500 }]",
            c => SettingsReader.Pipeline(c).Scoring.Profiles.Single(),
            new Screener.Analytics.Scoring.ExecutionProfile("x", 1.5, 2.5, 3, 2500)),
        ("screener.health.stale-after.depth", "7s", c => SettingsReader.Pipeline(c).StaleThresholds["depth"], TimeSpan.FromSeconds(7)),
        ("screener.health.stale-after.book-ticker", "8s", c => SettingsReader.Pipeline(c).StaleThresholds["book-ticker"], TimeSpan.FromSeconds(8)),
        ("screener.health.stale-after.trade", "90s", c => SettingsReader.Pipeline(c).StaleThresholds["trade"], TimeSpan.FromSeconds(90)),
        ("screener.health.stale-after.mark-price", "20s", c => SettingsReader.Pipeline(c).StaleThresholds["mark-price"], TimeSpan.FromSeconds(20)),
        ("screener.ranking.top-k", "7", c => SettingsReader.Ranking(c).TopK, 7),
        ("screener.ranking.enter-score", "30.5", c => SettingsReader.Ranking(c).EnterScore, 30.5),
        ("screener.ranking.exit-score", "12.5", c => SettingsReader.Ranking(c).ExitScore, 12.5),
        ("screener.ranking.min-dwell-rounds", "9", c => SettingsReader.Ranking(c).MinDwellRounds, 9),
        ("screener.ranking.replace-margin", "4.5", c => SettingsReader.Ranking(c).ReplaceMargin, 4.5),
        ("screener.ranking.alert-score", "70.5", c => SettingsReader.Ranking(c).AlertScore, 70.5),
        ("screener.ranking.alert-cooldown-rounds", "11", c => SettingsReader.Ranking(c).AlertCooldownRounds, 11),
        ("screener.ranking.flip-budget", "6", c => SettingsReader.Ranking(c).FlipBudget, 6),
        ("screener.ranking.flip-window-rounds", "90", c => SettingsReader.Ranking(c).FlipWindowRounds, 90),
        ("screener.ranking.reenter-cooldown-rounds", "3", c => SettingsReader.Ranking(c).ReenterCooldownRounds, 3),
        ("screener.journal.raw-batch-frames", "250", c => SettingsReader.Journal(c).RawBatchFrames, 250),
        ("screener.journal.raw-batch-delay", "50ms", c => SettingsReader.Journal(c).RawBatchDelay, TimeSpan.FromMilliseconds(50)),
        ("screener.journal.write-timeout", "5s", c => SettingsReader.Journal(c).WriteTimeout, TimeSpan.FromSeconds(5)),
        ("screener.demo.seed", "7", c => SettingsReader.Demo(c).Seed, 7),
        ("screener.demo.symbols", "30", c => SettingsReader.Demo(c).Symbols, 30),
        ("screener.demo.refresh", "2s", c => SettingsReader.Demo(c).Refresh, TimeSpan.FromSeconds(2)),
        ("screener.demo.episode-rate", "7.5", c => SettingsReader.Demo(c).EpisodeRate, 7.5),
        ("screener.pipeline.reference-horizon", "120", c => SettingsReader.Pipeline(c).Scoring.ReferenceHorizonSeconds, 120),
        ("screener.pipeline.gates.max-vpin", "0.75", c => SettingsReader.Pipeline(c).Scoring.Gates.MaxVpin, 0.75),
        ("screener.pipeline.gates.max-spread-bps", "12.5", c => SettingsReader.Pipeline(c).Scoring.Gates.MaxSpreadBps, 12.5),
        ("screener.model.path", "\"baseline\"", c => SettingsReader.Model(c).Path, "baseline"),
        ("screener.model.watch-every", "5s", c => SettingsReader.Model(c).WatchEvery, TimeSpan.FromSeconds(5)),
    ];

    private static BinanceIngestSettings Ingest(Config config) => SettingsReader.Exchange(config).ToIngestSettings(BinanceIngest.Kinds);

    public static TheoryData<string> KeyNames => new(Keys.Select(k => k.Key));

    [Theory]
    [MemberData(nameof(KeyNames))]
    public void Settings_must_carry_each_configured_key_into_its_record(string key)
    {
        var (_, value, read, expected) = Keys.Single(k => k.Key == key);
        var config = HoconFiles.Load("", "sqlite", $"{key} = {value}");
        Assert.Equal(expected, read(config));
    }

    [Fact]
    public void Settings_must_cover_every_leaf_key_of_screener_conf()
    {
        var file = ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(HoconFiles.Folder, "screener.conf")));
        var leaves = new List<string>();
        Collect(file.Root, "", leaves);
        Assert.Equal(leaves.Order(), Keys.Select(k => k.Key).Order());
    }

    private static void Collect(Akka.Configuration.Hocon.HoconValue value, string path, List<string> leaves)
    {
        if (value.IsObject())
            foreach (var (key, child) in value.GetObject().Items) Collect(child, path.Length == 0 ? key : $"{path}.{key}", leaves);
        else
            leaves.Add(path);
    }

    [Fact]
    public void Settings_must_build_the_connector_defaults_from_the_shipped_file()
    {
        var exchange = SettingsReader.Exchange(HoconFiles.Load("", "sqlite"));
        var ingest = exchange.ToIngestSettings(BinanceIngest.Kinds);
        var code = new ConnectionSettings("template", exchange.WsBase);
        Assert.Equal(
            code with { MinBackoff = exchange.BackoffMin, MaxBackoff = exchange.BackoffMax, MaxRestartsWithin = exchange.BackoffResetAfter },
            ingest.Connection);
        Assert.Equal(SubscriptionSettings.Default, ingest.Connection.Subscription);
        Assert.Equal(SnapshotServiceSettings.Default, ingest.Snapshots);
        Assert.Equal(RestPollerSettings.Default, ingest.Pollers);
        Assert.Equal(RestLimiterSettings.Default, exchange.ToLimiterSettings());
        Assert.Equal(BinanceRestSettings.Futures, exchange.ToRestSettings());
    }

    [Fact]
    public void Settings_must_switch_off_timeouts_and_pollers_set_to_off()
    {
        var config = HoconFiles.Load("", "sqlite",
            "screener.exchange.connection { no-data-timeout = off, max-connection-age = off }",
            "screener.exchange.pollers { premium-index = off, open-interest = off, funding-info = off }");
        var ingest = Ingest(config);
        Assert.Null(ingest.Connection.NoDataTimeout);
        Assert.Null(ingest.Connection.MaxConnectionAge);
        Assert.Equal(new RestPollerSettings { PremiumIndexInterval = null, OpenInterestInterval = null, FundingInfoInterval = null }, ingest.Pollers);
    }

    [Theory]
    [InlineData("screener.exchange.rest.usable-fraction", "1.5", "was 1.5")]
    [InlineData("screener.exchange.rest.usable-fraction", "0", "was 0")]
    [InlineData("screener.exchange.rest.breaker-threshold", "0", "was 0")]
    [InlineData("screener.exchange.rest.breaker-cooldown", "0s", "was 00:00:00")]
    [InlineData("screener.exchange.subscribe.messages-per-second", "20", "was 20")]
    [InlineData("screener.exchange.subscribe.max-streams-per-message", "2000", "was 2000")]
    [InlineData("screener.exchange.connection.no-data-timeout", "0ms", "was 00:00:00")]
    [InlineData("screener.exchange.snapshots.concurrency", "0", "was 0")]
    [InlineData("screener.exchange.connection.buffer-frames", "0", "was 0")]
    [InlineData("screener.exchange.connection.max-restarts", "-1", "was -1")]
    [InlineData("screener.exchange.pollers.open-interest", "1ms", "was 00:00:00.0010000")]
    public void Settings_must_refuse_an_out_of_range_connector_value_naming_key_and_value(string key, string value, string shown)
    {
        var error = Assert.Throws<ArgumentException>(() => SettingsReader.Exchange(HoconFiles.Load("", "sqlite", $"{key} = {value}")));
        Assert.Contains(key, error.Message);
        Assert.Contains(shown, error.Message);
    }

    [Theory]
    [InlineData("screener.exchange.rest.usable-fraction", "most")]
    [InlineData("screener.exchange.rest.breaker-threshold", "2.5")]
    [InlineData("screener.exchange.snapshots.concurrency", "many")]
    [InlineData("screener.exchange.connection.connect-timeout", "soon")]
    [InlineData("screener.exchange.pollers.funding-info", "hourly")]
    public void Settings_must_refuse_a_connector_value_of_the_wrong_type_naming_key_and_value(string key, string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => SettingsReader.Exchange(HoconFiles.Load("", "sqlite", $"{key} = {value}")));
        Assert.Contains($"'{key}'", error.Message);
        Assert.Contains($"'{value}'", error.Message);
    }

    [Fact]
    public void Settings_must_default_a_profile_notional_when_absent_and_refuse_a_non_positive_one()
    {
        const string profile = "screener.pipeline.profiles = [{ name = \"x\", entry-fee-bps = 1, exit-fee-bps = 1, half-spreads = 2";
        var absent = SettingsReader.Pipeline(HoconFiles.Load("", "sqlite", profile + " }]"));
        Assert.Equal(10_000, absent.Scoring.Profiles.Single().NotionalQuote);
        var error = Assert.Throws<ArgumentException>(() => SettingsReader.Pipeline(HoconFiles.Load("", "sqlite", profile + ", notional-quote = 0 }]")));
        Assert.Contains("notional-quote", error.Message);
    }

    [Fact]
    public void Settings_must_fail_fast_naming_the_key_when_a_value_is_out_of_range()
    {
        var error = Assert.Throws<ArgumentException>(() => SettingsReader.Ranking(HoconFiles.Load("", "sqlite", "screener.ranking.exit-score = 99")));
        Assert.Contains("exit-score", error.Message);
        var limit = Assert.Throws<ArgumentException>(() => SettingsReader.Exchange(HoconFiles.Load("", "sqlite", "screener.exchange.depth-snapshot-limit = 7")));
        Assert.Contains("depth-snapshot-limit", limit.Message);
        var duration = Assert.Throws<ConfigurationException>(() => SettingsReader.Pipeline(HoconFiles.Load("", "sqlite", "screener.pipeline.cadence = soon")));
        Assert.Contains("screener.pipeline.cadence", duration.Message);
    }
}
