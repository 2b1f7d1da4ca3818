using BenchmarkDotNet.Attributes;
using Screener.Analytics.Ranking;
using Screener.Analytics.Scoring;
using Screener.Bench;
using Screener.Contracts;
using Screener.Pipeline;
using Screener.Pipeline.Stages;

namespace Screener.Benchmarks;

/// <summary>
/// The ranking stage per rank round at <see cref="Symbols"/> symbols, with the shipped ranking settings
/// (<c>hocon/screener.conf</c>) and the pipeline defaults. Setup builds <see cref="Rounds"/> rounds of
/// <see cref="RankingRoundFeed"/> output (a prediction per symbol with six heads on seeded random walks, about 5 %
/// gated, five attributions, shuffled), one rank cadence apart, and warms the stage over them three times; the rounds
/// are then replayed in a cycle (their times repeat, which <see cref="RankRounds"/> does not check and its cost does not
/// depend on). <see cref="RankRound"/> is one round's adds: every symbol's, the last one completing and ranking the
/// round. The rest take the ranking apart: <see cref="Candidates"/> is what <see cref="RankRounds"/> does per symbol
/// before ranking (the score aggregation, reason codes and the candidate record), <see cref="TopK"/> is
/// <see cref="TopKRanker.Rank"/> on those candidates. Target: ≤ 1 ms a round at 500 symbols.
/// </summary>
[MemoryDiagnoser]
public class RankingTickBenchmarks
{
    public const int Rounds = 64;

    private readonly List<RankingOutput> _results = new(1);
    private PipelineSettings _settings = null!;
    private RankRounds _stage = null!;
    private TopKRanker _ranker = null!;
    private SymbolOutput[][] _rounds = [];
    private List<RankCandidate>[] _candidates = [];
    private int _next;

    [Params(500)]
    public int Symbols { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _settings = PipelineSettings.Default with { Ranking = RepoFiles.ShippedRanking() };
        var feed = new RankingRoundFeed(Symbols, _settings.Scoring, _settings.RankCadence);
        _rounds = new SymbolOutput[Rounds][];
        for (var r = 0; r < Rounds; r++)
        {
            var outputs = new List<SymbolOutput>(Symbols);
            feed.NextRound(outputs);
            _rounds[r] = [.. outputs];
        }
        _candidates = [.. _rounds.Select(round => round.OrderBy(o => o.Prediction.Symbol, StringComparer.Ordinal).Select(o => Candidate(o.Prediction)).ToList())];
        _stage = new RankRounds(_settings);
        _ranker = new TopKRanker(_settings.Ranking);
        for (var i = 0; i < 3 * Rounds; i++)
        {
            RankRound();
            TopK();
        }
    }

    [Benchmark(Baseline = true)]
    public int RankRound()
    {
        _results.Clear();
        foreach (var output in _rounds[Next()]) _stage.Add(output, _results);
        return _results[0].Board.Entries.Count;
    }

    [Benchmark]
    public int Candidates()
    {
        var round = _rounds[Next()];
        var candidates = new List<RankCandidate>(round.Length);
        foreach (var output in round) candidates.Add(Candidate(output.Prediction));
        return candidates.Count;
    }

    [Benchmark]
    public int TopK()
    {
        var r = Next();
        return _ranker.Rank(_rounds[r][0].Time, _candidates[r]).Events.Count;
    }

    private int Next() => _next = (_next + 1) % Rounds;

    /// <summary>A symbol's candidate as <see cref="RankRounds"/> builds it for the ranker.</summary>
    private RankCandidate Candidate(PredictionSnapshot prediction)
    {
        var (score, head) = ScoreAggregation.Best(prediction, _settings.Scoring);
        return new RankCandidate(prediction.Symbol, score, head?.Profile ?? "", head?.HorizonSeconds ?? 0, prediction.ModelVersion,
            prediction.Gates.ToList(), ReasonCodes.Top(prediction.Attributions));
    }
}
