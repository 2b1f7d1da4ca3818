using Screener.Analytics.Ranking;
using Screener.Analytics.Scoring;

namespace Screener.Pipeline;

/// <summary>
/// Everything the graph needs, read once from <c>screener.pipeline</c> and validated before any stream starts.
/// </summary>
/// <param name="Cadence">Event-time feature tick cadence.</param>
/// <param name="RankEveryTicks">A rank round every N ticks (the rank cadence is Cadence × N).</param>
/// <param name="MaxSymbols">Upper bound on per-symbol substreams; exceeding it fails the graph loudly.</param>
/// <param name="HeartbeatLag">How far behind a heartbeat's local time the clock may advance while the market is quiet.</param>
/// <param name="WarmUpTicks">Ticks with a mid before a symbol's snapshots drop the WarmUp flag; windows longer than
/// that are computed over the history they hold so far.</param>
/// <param name="ContextSymbol">Symbol whose returns feed the market context (BTC).</param>
/// <param name="SecondContextSymbol">The second context symbol (ETH).</param>
/// <param name="StaleThresholds">Per stream kind (<see cref="Stages.StreamKinds"/>): silence longer than this marks the
/// symbol's stream stale (a <c>Stale</c> event, DATA_ISSUE downstream) until data of that kind flows again.</param>
public sealed record PipelineSettings(
    TimeSpan Cadence,
    int RankEveryTicks,
    int MaxSymbols,
    int WarmUpTicks,
    TimeSpan StaleAfter,
    TimeSpan HeartbeatLag,
    TimeSpan MaxCatchUp,
    string ContextSymbol,
    string SecondContextSymbol,
    ScoringSettings Scoring,
    RankingSettings Ranking,
    IReadOnlyDictionary<string, TimeSpan> StaleThresholds)
{
    public static PipelineSettings Default { get; } = new(
        TimeSpan.FromMilliseconds(250), 4, 1200, 20, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1),
        TimeSpan.FromMinutes(1), "BTCUSDT", "ETHUSDT", ScoringSettings.Default, new RankingSettings(),
        new Dictionary<string, TimeSpan>
        {
            [Stages.StreamKinds.Depth] = TimeSpan.FromSeconds(5),
            [Stages.StreamKinds.BookTicker] = TimeSpan.FromSeconds(5),
            [Stages.StreamKinds.Trade] = TimeSpan.FromSeconds(60),
            [Stages.StreamKinds.MarkPrice] = TimeSpan.FromSeconds(10),
        });

    public TimeSpan RankCadence => Cadence * RankEveryTicks;

    public PipelineSettings Validate()
    {
        Require(Cadence >= TimeSpan.FromMilliseconds(10), $"cadence must be at least 10 ms, was {Cadence.TotalMilliseconds} ms");
        Require(RankEveryTicks >= 1, $"rank-every-ticks must be at least 1, was {RankEveryTicks}");
        Require(MaxSymbols >= 1, $"max-symbols must be at least 1, was {MaxSymbols}");
        Require(WarmUpTicks >= 1, $"warm-up-ticks must be at least 1, was {WarmUpTicks}");
        Require(Cadence > TimeSpan.Zero && TimeSpan.TicksPerSecond % Cadence.Ticks == 0,
            $"cadence must divide 1 s so every feature window is a whole number of ticks, was {Cadence.TotalMilliseconds} ms");
        Require(StaleAfter > TimeSpan.Zero, "stale-after must be positive");
        Require(HeartbeatLag >= TimeSpan.Zero, "heartbeat-lag cannot be negative");
        Require(MaxCatchUp >= Cadence, "max-catch-up must be at least one cadence");
        Require(!string.IsNullOrWhiteSpace(ContextSymbol), "context-symbol must be set");
        Require(!string.IsNullOrWhiteSpace(SecondContextSymbol), "second-context-symbol must be set");
        Require(Scoring.Profiles.Count > 0 && Scoring.HorizonsSeconds.Count > 0, "at least one profile and one horizon are required");
        foreach (var profile in Scoring.Profiles)
            Require(profile.NotionalQuote > 0 && double.IsFinite(profile.NotionalQuote),
                $"profile '{profile.Name}' notional-quote must be positive, was {profile.NotionalQuote}");
        Require(Scoring.ReferenceHorizonSeconds >= 1, $"reference-horizon must be at least 1 s, was {Scoring.ReferenceHorizonSeconds}");
        Scoring.Gates.Validate();
        Ranking.Validate();
        foreach (var kind in Stages.StreamKinds.All)
            Require(StaleThresholds.TryGetValue(kind, out var t) && t > TimeSpan.Zero, $"health stale-after.{kind} must be set and positive");
        foreach (var kind in StaleThresholds.Keys)
            Require(Stages.StreamKinds.All.Contains(kind), $"unknown stream kind '{kind}' in stale-after (known: {string.Join(", ", Stages.StreamKinds.All)})");
        return this;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException($"Invalid screener.pipeline settings: {message}.");
    }
}
