using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Screener.Offline.Export;
using static Screener.Offline.Tests.Export.TrainedHeadsFixture;

namespace Screener.Offline.Tests.Export;

/// <summary>Reading trained ML.NET models into heads: calibration, missing directions, scores, and what is refused.</summary>
[Collection(TrainedHeadsCollection.Name)]
public sealed class MlNetTreeReaderSpec(TrainedHeadsFixture fixture)
{
    [Fact]
    public void MlNetTreeReader_must_read_every_head_with_its_kind_and_trees()
    {
        Assert.Equal(["ft_up", "ft_ret", "lgb_up", "lgb_ret"], fixture.Heads.Select(h => h.Name));
        Assert.Equal(
            [TreeHeadKind.BinaryClassifier, TreeHeadKind.Regressor, TreeHeadKind.BinaryClassifier, TreeHeadKind.Regressor],
            fixture.Heads.Select(h => h.Kind));
        Assert.All(fixture.Heads, h => Assert.Equal(Trees, h.Trees.Length));
        Assert.All(fixture.Heads.SelectMany(h => h.Trees), t => Assert.InRange(t.LeafCount, 2, Leaves));
    }

    [Fact]
    public void MlNetTreeReader_must_read_the_Platt_slope_and_offset_the_trainers_set()
    {
        Assert.Equal(new PlattCalibration(-2 * FastTreeLearningRate, 0), fixture.Heads[0].Platt);
        Assert.Equal(new PlattCalibration(-0.5, 0), fixture.Heads[2].Platt);
    }

    [Fact]
    public void MlNetTreeReader_must_read_missing_directions_which_only_LightGbm_trees_have()
    {
        static int Left(TreeHead h) => h.Trees.Sum(t => t.MissingGoesLeft.Count(left => left));
        static int Splits(TreeHead h) => h.Trees.Sum(t => t.SplitCount);

        Assert.Equal(0, Left(fixture.Heads[0]) + Left(fixture.Heads[1]));
        Assert.All(fixture.Heads.Skip(2), h => Assert.InRange(Left(h), 1, Splits(h) - 1));
    }

    [Theory]
    [InlineData(Clean)]
    [InlineData(Missing)]
    [InlineData(OnThresholds)]
    public void MlNetTreeReader_must_read_trees_whose_walk_gives_MlNets_scores_bit_for_bit(string set)
    {
        foreach (var head in fixture.Heads)
        {
            var (score, probability) = fixture.MlNet(head.Name, set);
            var walked = fixture.Sets[set].Select(r => head.Score(r)).ToArray();
            Assert.Equal(score.Select(BitConverter.SingleToInt32Bits), walked.Select(BitConverter.SingleToInt32Bits));
            if (probability is not null)
                Assert.Equal(probability.Select(BitConverter.SingleToInt32Bits), walked.Select(s => BitConverter.SingleToInt32Bits(head.Platt!.Probability(s))));
        }
    }

    [Fact]
    public void OnnxTreeModelReader_must_read_back_the_trained_heads_bit_for_bit_from_the_double_model()
    {
        Assert.Equal(fixture.Heads.Length, fixture.Exported.Heads.Length);
        for (var h = 0; h < fixture.Heads.Length; h++)
            TreeAssert.SameHead(fixture.Heads[h], fixture.Exported.Heads[h]);
    }

    [Fact]
    public void MlNetTreeReader_must_refuse_categorical_splits()
    {
        var ml = new MLContext(seed: 5);
        var random = new Random(5);
        var rows = Enumerable.Range(0, 600).Select(_ =>
        {
            var c = random.Next(12);
            return new CategoricalRow { Category = "c" + c, Numeric = [(float)random.NextDouble()], Target = c % 3 == 0 ? 3f : c % 3 == 1 ? -2f : 0.5f };
        }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.Categorical.OneHotEncoding("CategoryVector", nameof(CategoricalRow.Category))
            .Append(ml.Transforms.Concatenate("Features", "CategoryVector", nameof(CategoricalRow.Numeric)))
            .Append(ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                LabelColumnName = nameof(CategoricalRow.Target), NumberOfIterations = 5, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5,
                UseCategoricalSplit = true, NumberOfThreads = 1,
            }))
            .Fit(data);

        var error = Assert.Throws<NotSupportedException>(() => MlNetTreeReader.Read("cat", model));
        Assert.Contains("categorical", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MlNetTreeReader_must_refuse_tree_models_that_ML_NET_scores_differently()
    {
        var ml = new MLContext(seed: 5);
        var data = ml.Data.LoadFromEnumerable(SyntheticRows.Create(300, seed: 9, nanRowShare: 0));
        var forest = ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            LabelColumnName = nameof(SyntheticRow.Target), NumberOfTrees = 3, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5, NumberOfThreads = 1,
        }).Fit(data);

        var error = Assert.Throws<NotSupportedException>(() => MlNetTreeReader.Read("forest", forest));
        Assert.Contains("FastForestRegressionModelParameters", error.Message, StringComparison.Ordinal);
    }

    public sealed class CategoricalRow
    {
        public string Category { get; set; } = "";

        [Microsoft.ML.Data.VectorType(1)]
        public float[] Numeric { get; set; } = [];

        public float Target { get; set; }
    }
}
