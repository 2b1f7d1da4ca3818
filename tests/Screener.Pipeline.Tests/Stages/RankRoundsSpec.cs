using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Contracts;
using Screener.Contracts.Serialization;
using Screener.Pipeline.Stages;
using static Screener.Pipeline.Tests.TestEvents;

namespace Screener.Pipeline.Tests.Stages;

public sealed class RankRoundsSpec
{
    private static readonly FeatureSpec Spec = MarketFeatures.Spec;

    [Fact]
    public void RankRounds_must_rank_only_complete_rounds_at_the_rank_cadence()
    {
        var rounds = new RankRounds(Settings(rankEveryTicks: 2));
        var results = new List<RankingOutput>();

        rounds.Add(Output("AAAUSDT", 250, 5, roundSize: 2), results);
        Assert.Empty(results);
        Assert.Equal(1, rounds.PendingRounds);

        rounds.Add(Output("BBBUSDT", 250, 3, roundSize: 2), results);
        Assert.Empty(results);

        rounds.Add(Output("AAAUSDT", 500, 5, roundSize: 2), results);
        rounds.Add(Output("BBBUSDT", 500, 7, roundSize: 2), results);
        var ranked = Assert.Single(results);
        Assert.Equal(At(500), ranked.Time);
        Assert.Equal(["AAAUSDT", "BBBUSDT"], ranked.Predictions.Predictions.Select(p => p.Symbol));
        Assert.Equal("BBBUSDT", ranked.Board.Entries[0].Symbol);
    }

    [Fact]
    public void RankRounds_must_give_identical_output_whatever_the_interleaving_of_substreams()
    {
        var outputs = new List<SymbolOutput>();
        var random = new Random(7);
        for (var tick = 1; tick <= 40; tick++)
        foreach (var symbol in new[] { "AAAUSDT", "BBBUSDT", "CCCUSDT" })
            outputs.Add(Output(symbol, tick * 250, random.NextDouble() * 20 - 5, roundSize: 3));

        var inOrder = Run(outputs);
        // Each substream keeps its own order, but substreams interleave arbitrarily after the merge.
        var shuffled = outputs.GroupBy(o => o.Prediction.Symbol)
            .Select(g => new Queue<SymbolOutput>(g)).ToList();
        var interleaved = new List<SymbolOutput>();
        var pick = new Random(99);
        while (shuffled.Any(q => q.Count > 0))
        {
            var candidates = shuffled.Where(q => q.Count > 0).ToList();
            interleaved.Add(candidates[pick.Next(candidates.Count)].Dequeue());
        }

        Assert.NotEqual(outputs, interleaved);
        Assert.Equal(Serialize(inOrder), Serialize(Run(interleaved)));
        Assert.Equal(10, inOrder.Count);
    }

    private static List<RankingOutput> Run(IEnumerable<SymbolOutput> outputs)
    {
        var rounds = new RankRounds(Settings());
        var results = new List<RankingOutput>();
        foreach (var o in outputs) rounds.Add(o, results);
        return results;
    }

    private static List<string> Serialize(List<RankingOutput> outputs) =>
        outputs.SelectMany(o => o.Events.Select(e => Convert.ToBase64String(ContractSerializer.ToJson(e)))
            .Append(Convert.ToBase64String(ContractSerializer.ToJson(o.Predictions)))).ToList();

    private static SymbolOutput Output(string symbol, double ms, double netEdge, int roundSize)
    {
        var features = new FeatureSnapshot(symbol, At(ms), Spec.Hash, new float[Spec.Features.Count], DataQuality.Ok);
        var prediction = new PredictionSnapshot(symbol, At(ms), "test-model",
            EquatableArray.Create(new HeadPrediction("taker", 30, 0.5, netEdge + 10, 10, netEdge)), "unclassified",
            EquatableArray<Attribution>.Empty, EquatableArray<string>.Empty);
        return new SymbolOutput(features, prediction, roundSize);
    }
}
